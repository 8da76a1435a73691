from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, IntegerField, SelectMultipleField, StringField
from wtforms.validators import AnyOf, DataRequired, Length, NumberRange, Optional, Regexp

from ai_workshop.board.services import NAME_MAX
from ai_workshop.board.summaries import CORE_MAX
from ai_workshop.db.ids import ID_MAX, parse_id
from ai_workshop.text import clean_line
from ai_workshop.web.forms import AppForm, at_most

TARGET = r"^(\d+|unassigned|parking)$"
ID_DIGITS = 10  # a row id; more digits would overflow the database's integer


class ThemeCount(IntegerField):
    """A number of themes: a long row of digits is refused before it becomes a huge int."""

    def process_formdata(self, valuelist):
        if valuelist and len(str(valuelist[0]).strip()) > 3:
            self.data = None
            raise ValueError(_l("Choose between 2 and 12 themes, or Auto."))
        super().process_formdata(valuelist)


class SuggestForm(AppForm):
    k = ThemeCount(
        _l("Number of themes"),
        validators=[Optional(), NumberRange(2, 12, _l("Choose between 2 and 12 themes, or Auto."))],
    )


class ApplySuggestionForm(SuggestForm):
    """Apply the previewed suggestion: the fingerprint says which preview was seen."""

    fingerprint = HiddenField(
        validators=[
            DataRequired(_l("Open the preview again, then apply it.")),
            at_most(64),
            Regexp(r"^[0-9a-f]{64}$", message=_l("Open the preview again, then apply it.")),
        ]
    )
    # The engine the preview used, so Apply groups the stories the same way.
    engine = HiddenField(
        validators=[
            Optional(),
            at_most(20),
            AnyOf(("minilm", "static", "tfidf"), _l("Open the preview again, then apply it.")),
        ]
    )


class MoveForm(AppForm):
    target = StringField(
        validators=[
            DataRequired(),
            at_most(ID_DIGITS),
            Regexp(TARGET, message=_l("Choose where the story goes.")),
        ]
    )


class SecondaryForm(AppForm):
    theme = StringField(validators=[Optional(), at_most(ID_DIGITS), Regexp(r"^\d*$")])


class NameForm(AppForm):
    name = StringField(
        _l("Theme name"),
        filters=[clean_line],
        validators=[
            DataRequired(_l("Give the theme a name.")),
            Length(max=NAME_MAX, message=_l("Keep theme names under %(max)d characters.")),
        ],
    )


class MergeForm(AppForm):
    into = IntegerField(
        validators=[
            DataRequired(_l("Choose the theme to merge into.")),
            NumberRange(1, ID_MAX, _l("Choose the theme to merge into.")),
        ]
    )


class SplitForm(NameForm):
    story_ids = SelectMultipleField(
        validate_choice=False,
        coerce=parse_id,
        invalid_value_message=_l("Choose stories from the board."),
    )


class ToggleForm(AppForm):
    value = HiddenField(validators=[DataRequired(), at_most(1), Regexp(r"^[01]$")])


class WordsForm(AppForm):
    """A theme's summary or the core paragraph, in the facilitator's own words."""

    text = StringField(
        _l("Summary"),
        filters=[clean_line],
        validators=[
            DataRequired(_l("Write a few words, or use the suggested words again.")),
            at_most(CORE_MAX),  # a theme's words are held to THEME_MAX by the service
        ],
    )
