"""The Discovery story form: one set of rules for the phone page, the JSON API and paper imports.

Its fields come from the story's field table (fields.py); what is left here is what no
table row says: the submission's identity and how chips and typed strengths combine.
"""

import uuid

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError

from ai_workshop.stories.fields import STORY_FIELDS, STRENGTHS, blank_inapplicable
from ai_workshop.stories.form_fields import phone_fields, with_fields
from ai_workshop.stories.strengths import (
    STRENGTH_MAX,
    STRENGTHS_MAX,
    STRENGTHS_MIN,
    canonical_strengths,
    split_free_text,
)
from ai_workshop.text import clean_line
from ai_workshop.web.forms import AppForm, at_most


def _valid_uuid(_form, field) -> None:
    try:
        uuid.UUID(field.data or "")
    except ValueError as error:
        raise ValidationError(_l("This form is out of date: reload the page.")) from error


@with_fields(phone_fields, STORY_FIELDS)
class StoryForm(AppForm):
    client_id = HiddenField(validators=[at_most(64), _valid_uuid])

    def __init__(
        self,
        *args,
        vocabulary: list[str] | None = None,
        free_strengths: list[str] | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.vocabulary = list(vocabulary or [])
        self.free_strengths = list(free_strengths or [])
        self.strengths.choices = [SelectChoice(term, term) for term in self.vocabulary]
        if not self.client_id.data:
            self.client_id.data = str(uuid.uuid4())

    def validate_strengths(self, field) -> None:
        chosen = [clean_line(name) for name in field.data or []]
        unknown = [name for name in chosen if name not in self.vocabulary]
        if unknown:
            raise ValidationError(_l("Pick strengths from the list, or type your own below."))
        names = self.strength_names()
        if len(names) < STRENGTHS_MIN:
            raise ValidationError(_l("Pick at least one strength the story shows."))
        if len(names) > STRENGTHS_MAX:
            raise ValidationError(_l("Pick at most %(n)d strengths.", n=STRENGTHS_MAX))
        if any(len(name) > STRENGTH_MAX for name in names):
            raise ValidationError(_l("Keep each strength under %(n)d characters.", n=STRENGTH_MAX))

    def strength_names(self) -> list[str]:
        chosen = [clean_line(name) for name in self.strengths.data or []]
        typed = split_free_text(self.other_strengths.data) + self.free_strengths
        return canonical_strengths(chosen + typed, self.vocabulary)

    def story_fields(self) -> dict:
        """The validated story, keyed by the table's names."""
        values = {"client_id": str(uuid.UUID(self.client_id.data))}
        for spec in STORY_FIELDS:
            if spec.kind == STRENGTHS:
                values[spec.name] = self.strength_names()
            elif spec.is_text:
                values[spec.name] = self[spec.name].data or ""
            else:
                values[spec.name] = self[spec.name].data
        return blank_inapplicable(values)

    def fill_from(self, story) -> None:
        """Show a stored story to its teller: chips for known strengths, the rest typed."""
        self.client_id.data = story.client_id
        for spec in STORY_FIELDS:
            if spec.kind == STRENGTHS:
                names = story.strength_names
                self[spec.name].data = [name for name in names if name in self.vocabulary]
                self.other_strengths.data = ", ".join(
                    name for name in names if name not in self.vocabulary
                )
            else:
                self[spec.name].data = getattr(story, spec.name)
