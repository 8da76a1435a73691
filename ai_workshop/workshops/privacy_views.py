"""The facilitator masks customers' personal details in stories from the console.

Both routes are plain POSTs: the app-wide CSRFProtect checks their token.
"""

from flask_babel import gettext as _
from flask_babel import ngettext

from ai_workshop.stories.masking import mask_story, mask_workshop
from ai_workshop.web import access
from ai_workshop.web.write_views import finds, write_view
from ai_workshop.workshops.views import TO_CONSOLE, bp, story_of


@bp.post("/<code>/stories/<int:story_id>/mask")
@access.runs_workshop
@finds(story=story_of)
@write_view(None, TO_CONSOLE)
def mask_personal_data(workshop, story):
    masked = mask_story(story)
    if not masked:
        return _("Nothing to mask in this story.")
    return ngettext(
        "Masked %(num)d personal detail in “%(headline)s”.",
        "Masked %(num)d personal details in “%(headline)s”.",
        masked,
        headline=story.headline[:60],
    )


@bp.post("/<code>/stories/mask-all")
@access.runs_workshop
@write_view(None, TO_CONSOLE)
def mask_all_personal_data(workshop):
    changed = mask_workshop(workshop)
    if not changed:
        return _("No story has personal details to mask.")
    return ngettext(
        "Masked personal details in %(num)d story.",
        "Masked personal details in %(num)d stories.",
        changed,
    )
