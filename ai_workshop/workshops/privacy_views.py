"""The facilitator masks customers' personal details in stories from the console.

Both routes are plain POSTs: the app-wide CSRFProtect checks their token.
"""

from flask import flash, redirect, url_for
from flask_babel import gettext as _
from flask_babel import ngettext

from ai_workshop.extensions import db
from ai_workshop.stories.masking import mask_story, mask_workshop
from ai_workshop.web import access
from ai_workshop.web.responses import from_script
from ai_workshop.workshops.views import bp, story_of


def _told(workshop, message: str):
    """The message as a toast for the console's script, or a flash on the console page."""
    if from_script():
        return {"message": message}
    flash(message, "success")
    return redirect(url_for("workshops.console", code=workshop.code))


@bp.post("/<code>/stories/<int:story_id>/mask")
@access.runs_workshop
def mask_personal_data(workshop, story_id: int):
    story = story_of(workshop, story_id)
    masked = mask_story(story)
    db.session.commit()
    if not masked:
        return _told(workshop, _("Nothing to mask in this story."))
    return _told(
        workshop,
        ngettext(
            "Masked %(num)d personal detail in “%(headline)s”.",
            "Masked %(num)d personal details in “%(headline)s”.",
            masked,
            headline=story.headline[:60],
        ),
    )


@bp.post("/<code>/stories/mask-all")
@access.runs_workshop
def mask_all_personal_data(workshop):
    changed = mask_workshop(workshop)
    db.session.commit()
    if not changed:
        return _told(workshop, _("No story has personal details to mask."))
    return _told(
        workshop,
        ngettext(
            "Masked personal details in %(num)d story.",
            "Masked personal details in %(num)d stories.",
            changed,
        ),
    )
