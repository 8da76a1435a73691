"""The facilitator masks customers' personal details in stories, in place.

Each phone number, e-mail address or account number found by personal_data becomes a
placeholder in the stored text, so the projector, plan page and PDF never show it again.
"""

from functools import lru_cache

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import lazyload

from ai_workshop.extensions import db
from ai_workshop.live import mark_changed
from ai_workshop.models import Story, Workshop
from ai_workshop.stories.fields import TEXTS
from ai_workshop.stories.personal_data import ACCOUNT, EMAIL, KINDS, PHONE, kinds_found, mask


def placeholders() -> dict[str, str]:
    return {PHONE: _("[phone number]"), EMAIL: _("[e-mail]"), ACCOUNT: _("[account number]")}


def kind_labels() -> dict[str, str]:
    return {PHONE: _("phone number"), EMAIL: _("e-mail"), ACCOUNT: _("account number")}


def personal_data_in(story: Story) -> list[str]:
    """The kinds of personal data in any text field of the story, in the order of KINDS."""
    return list(_kinds_in(tuple(getattr(story, name) or "" for name in TEXTS)))


@lru_cache(maxsize=4096)
def _kinds_in(texts: tuple[str, ...]) -> tuple[str, ...]:
    """Kept: the console asks again for the same stories at every redraw of its feed."""
    present = {kind for text in texts for kind in kinds_found(text)}
    return tuple(kind for kind in KINDS if kind in present)


def personal_data_labels(story: Story) -> list[str]:
    labels = kind_labels()
    return [labels[kind] for kind in personal_data_in(story)]


def _mask_fields(story: Story, replacements: dict[str, str]) -> int:
    """Mask the story's text fields in place; how many findings were masked."""
    masked_total = 0
    for name in TEXTS:
        text, masked = mask(getattr(story, name) or "", replacements)
        if masked:
            limit = getattr(Story, name).type.length  # the headline's column is bounded
            setattr(story, name, text[:limit] if limit else text)
            masked_total += masked
    if masked_total:
        story.edited_by_facilitator = True
    return masked_total


def mask_story(story: Story) -> int:
    """Mask every finding in the story's text fields; how many were masked."""
    masked = _mask_fields(story, placeholders())
    if masked:
        mark_changed(story.workshop)
    return masked


def mask_workshop(workshop: Workshop) -> int:
    """Mask every story of the workshop that has personal data; how many stories changed."""
    replacements = placeholders()
    stories = db.session.scalars(
        select(Story).where(Story.workshop_id == workshop.id).options(lazyload(Story.strengths))
    )
    changed = sum(1 for story in stories if _mask_fields(story, replacements))
    if changed:
        mark_changed(workshop)
    return changed
