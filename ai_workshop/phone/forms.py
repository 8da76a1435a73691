from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    HiddenField,
    IntegerField,
    RadioField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, NumberRange, ValidationError

from ai_workshop.models.round_table import HARVEST_CAUSES
from ai_workshop.participants.services import DISPLAY_NAME_MAX
from ai_workshop.participants.tables import (
    CAUSE_MAX,
    QUOTE_MAX,
    Cause,
    HarvestFields,
    split_strengths,
)
from ai_workshop.text import clean_line, clean_text
from ai_workshop.web.forms import AppForm, at_most


class JoinForm(AppForm):
    display_name = StringField(
        _l("Your name (optional)"),
        filters=[clean_line],
        validators=[
            Length(max=DISPLAY_NAME_MAX, message=_l("Keep your name under %(max)d characters."))
        ],
    )
    group = RadioField(_l("Which group are you in?"), validate_choice=False)

    def __init__(self, *args, groups=(), **kwargs):
        """`groups`: the workshop's max-mix list; none: the question is not asked."""
        super().__init__(*args, **kwargs)
        self.groups = list(groups)
        if self.groups:
            self.group.choices = [(group, group) for group in self.groups]
        else:
            del self.group

    def validate_group(self, field) -> None:
        if field.data not in self.groups:
            raise ValidationError(_l("Choose your group, so that every table mixes them."))

    def group_said(self) -> str | None:
        return self.group.data if "group" in self._fields else None


class TableForm(AppForm):
    """The table a phone that joined by the room's code sits at."""

    number = IntegerField(_l("Table number"))

    def __init__(self, *args, tables: int, **kwargs):
        super().__init__(*args, **kwargs)
        message = _l("Choose a table from 1 to %(max)d.", max=tables)
        self.number.validators = [InputRequired(message), NumberRange(1, tables, message)]


class TeamForm(AppForm):
    """The theme whose team a participant joins; the page draws the room's themes as choices."""

    theme_id = IntegerField(_l("Your team"), validators=[InputRequired(_l("Choose a team."))])


def _cause_field() -> StringField:
    return TextAreaField(
        _l("What made our stories possible, in a sentence"),
        filters=[clean_text],
        validators=[at_most(CAUSE_MAX)],
    )


def _strengths_field() -> StringField:
    return StringField(
        _l("Strengths it shows, separated by commas"),
        filters=[clean_line],
        validators=[at_most(300)],
    )


class HarvestForm(AppForm):
    """The table host's record of what the table's stories found."""

    cause_1 = _cause_field()
    strengths_1 = _strengths_field()
    cause_2 = _cause_field()
    strengths_2 = _strengths_field()
    cause_3 = _cause_field()
    strengths_3 = _strengths_field()
    best_quote = TextAreaField(
        _l("Our best quote"), filters=[clean_text], validators=[at_most(QUOTE_MAX)]
    )
    quote_agreed = BooleanField(_l("Its teller agreed that it is shown and printed"))
    wish = TextAreaField(_l("Our wish"), filters=[clean_text], validators=[at_most(QUOTE_MAX)])
    dream = TextAreaField(
        _l("Our dream statement"), filters=[clean_text], validators=[at_most(QUOTE_MAX)]
    )
    done = HiddenField(default="", validators=[at_most(1)])

    def causes(self) -> list:
        pairs = [
            (self.cause_1, self.strengths_1),
            (self.cause_2, self.strengths_2),
            (self.cause_3, self.strengths_3),
        ]
        return [Cause(text.data or "", split_strengths(names.data)) for text, names in pairs]

    def fields(self) -> HarvestFields:
        return HarvestFields(
            causes=self.causes(),
            best_quote=self.best_quote.data or "",
            quote_agreed=bool(self.quote_agreed.data),
            wish=self.wish.data or "",
            dream=self.dream.data or "",
            done=self.done.data == "1",
        )

    def fill_from(self, table) -> None:
        causes = list(table.causes or []) + [{}] * HARVEST_CAUSES
        for number, cause in enumerate(causes[:HARVEST_CAUSES], start=1):
            self[f"cause_{number}"].data = cause.get("text", "")
            self[f"strengths_{number}"].data = ", ".join(cause.get("strengths", []))
        self.best_quote.data = table.best_quote
        self.quote_agreed.data = table.quote_agreed
        self.wish.data = table.wish
        self.dream.data = table.dream
