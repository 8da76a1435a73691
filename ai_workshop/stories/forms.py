"""The Discovery story form: one set of rules for the phone page and the JSON API."""

import uuid

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, RadioField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from ai_workshop.models.story import CONSENT_CHOICES, WHOSE_CHOICES
from ai_workshop.stories.strengths import (
    STRENGTH_MAX,
    STRENGTHS_MAX,
    STRENGTHS_MIN,
    canonical_strengths,
    split_free_text,
)
from ai_workshop.text import clean_line, clean_text
from ai_workshop.web.forms import AppForm, at_most

HEADLINE_MIN, HEADLINE_MAX = 3, 120
STORY_MIN, STORY_MAX = 20, 4000
DETAIL_MAX = 1000
OTHER_STRENGTHS_MAX = 200


def _valid_uuid(_form, field) -> None:
    try:
        uuid.UUID(field.data or "")
    except ValueError as error:
        raise ValidationError(_l("This form is out of date: reload the page.")) from error


class StoryForm(AppForm):
    client_id = HiddenField(validators=[at_most(64), _valid_uuid])
    headline = StringField(
        _l("Headline"),
        filters=[clean_line],
        validators=[
            DataRequired(_l("Give your story a headline.")),
            Length(
                HEADLINE_MIN,
                HEADLINE_MAX,
                _l("Keep the headline between %(min)d and %(max)d characters."),
            ),
        ],
    )
    story = TextAreaField(
        _l("The story"),
        filters=[clean_text],
        validators=[
            DataRequired(_l("Tell the story: what happened, who was there, what you did.")),
            Length(
                STORY_MIN,
                STORY_MAX,
                _l("Tell a little more (at least %(min)d characters, at most %(max)d)."),
            ),
        ],
    )
    made_possible = TextAreaField(
        _l("What made it possible?"),
        filters=[clean_text],
        validators=[Optional(), at_most(DETAIL_MAX)],
    )
    strengths = SelectMultipleField(_l("Strengths it shows"), validate_choice=False)
    other_strengths = StringField(
        _l("Other strengths, in your words"),
        filters=[clean_line],
        validators=[Optional(), at_most(OTHER_STRENGTHS_MAX)],
    )
    wish = TextAreaField(
        _l("One wish"), filters=[clean_text], validators=[Optional(), at_most(DETAIL_MAX)]
    )
    whose = RadioField(
        _l("Whose story is it?"),
        choices=[
            SelectChoice("mine", _l("My story")),
            SelectChoice("partner", _l("My partner's story")),
        ],
        default="mine",
        validate_choice=False,
    )
    consent = RadioField(
        _l("May we quote it?"),
        choices=[
            SelectChoice("named", _l("Quote it with my name")),
            SelectChoice("anonymous", _l("Quote it without a name")),
            SelectChoice("private", _l("Don't quote it")),
        ],
        default="anonymous",
        validate_choice=False,
    )

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

    def validate_whose(self, field) -> None:
        if field.data not in WHOSE_CHOICES:
            raise ValidationError(_l("Choose my story or my partner's story."))

    def validate_consent(self, field) -> None:
        if field.data not in CONSENT_CHOICES:
            raise ValidationError(_l("Choose whether we may quote the story."))

    def strength_names(self) -> list[str]:
        chosen = [clean_line(name) for name in self.strengths.data or []]
        typed = split_free_text(self.other_strengths.data) + self.free_strengths
        return canonical_strengths(chosen + typed, self.vocabulary)

    def story_fields(self) -> dict:
        return {
            "client_id": str(uuid.UUID(self.client_id.data)),
            "headline": self.headline.data,
            "body": self.story.data,
            "made_possible": self.made_possible.data or "",
            "wish": self.wish.data or "",
            "whose": self.whose.data,
            "consent": self.consent.data,
            "strengths": self.strength_names(),
        }
