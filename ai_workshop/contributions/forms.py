"""Forms for Dream, Design and Destiny contributions: one set of rules for pages and API."""

import uuid

from flask_babel import lazy_gettext as _l
from wtforms import (
    DateField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from ai_workshop.db.ids import ID_MAX, parse_id
from ai_workshop.models.action import ACTION_STATUSES, COMMITMENT_KINDS
from ai_workshop.text import clean_line, clean_text
from ai_workshop.web.forms import AppForm, at_most

TEXT_MAX = 400


def _valid_uuid(_form, field) -> None:
    try:
        uuid.UUID(field.data or "")
    except ValueError as error:
        raise ValidationError(_l("Send a UUID that identifies this submission.")) from error


def _optional_int(value):
    if value in (None, "", "0"):
        return None
    return parse_id(value)


class ContributionForm(AppForm):
    """A client id that makes a retry safe, generated here when the page is drawn."""

    client_id = HiddenField(validators=[at_most(64), _valid_uuid])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.client_id.data:
            self.client_id.data = str(uuid.uuid4())

    def fields(self) -> dict:
        data = {
            name: field.data for name, field in self._fields.items() if name not in ("csrf_token",)
        }
        data["client_id"] = str(uuid.UUID(self.client_id.data))
        return data


def _theme_field(label, required=False):
    validators = [DataRequired(_l("Choose a theme."))] if required else [Optional()]
    return SelectField(
        label,
        coerce=_optional_int,
        validate_choice=False,
        validators=validators,
        invalid_value_message=_l("Choose a theme from the list."),
    )


class DreamForm(ContributionForm):
    text = TextAreaField(
        _l("Your dream"),
        filters=[clean_text],
        validators=[
            DataRequired(_l("Write your dream: what do you see a year from now?")),
            Length(5, TEXT_MAX, _l("Between %(min)d and %(max)d characters, please.")),
        ],
    )
    theme_id = _theme_field(_l("Which theme does it grow from? (optional)"))


class PropositionForm(ContributionForm):
    theme_id = _theme_field(_l("Theme"), required=True)
    text = TextAreaField(
        _l("Provocative proposition"),
        filters=[clean_text],
        validators=[
            DataRequired(_l("Write the proposition, as if it were already true.")),
            Length(10, TEXT_MAX, _l("Between %(min)d and %(max)d characters, please.")),
        ],
    )


class ActionProposalForm(ContributionForm):
    title = StringField(
        _l("Action (start with a verb)"),
        filters=[clean_line],
        validators=[
            DataRequired(_l("Name the action, e.g. 'Start a weekly huddle'.")),
            at_most(160, at_least=3),
        ],
    )
    proposition_id = _theme_field(_l("Which proposition does it serve?"))
    theme_id = _theme_field(_l("Or which theme?"))
    owner = StringField(
        _l("Who owns it?"), filters=[clean_line], validators=[Optional(), at_most(80)]
    )
    first_step = TextAreaField(
        _l("First step, within a week"),
        filters=[clean_text],
        validators=[Optional(), at_most(1000)],
    )
    due_date = DateField(_l("Due date"), validators=[Optional()])
    help_needed = TextAreaField(
        _l("Help needed, and from whom"),
        filters=[clean_text],
        validators=[Optional(), at_most(1000)],
    )
    success_measure = StringField(
        _l("How we will know it works"),
        filters=[clean_line],
        validators=[Optional(), at_most(200)],
    )


class ActionEditForm(ActionProposalForm):
    """The facilitator's full form: every field of an action."""

    strength = StringField(
        _l("Strength it builds on"), filters=[clean_line], validators=[Optional(), at_most(60)]
    )
    purpose = TextAreaField(
        _l("Purpose"), filters=[clean_text], validators=[Optional(), at_most(1000)]
    )
    start_date = DateField(_l("Start date"), validators=[Optional()])
    baseline = StringField(
        _l("Baseline"), filters=[clean_line], validators=[Optional(), at_most(80)]
    )
    target = StringField(_l("Target"), filters=[clean_line], validators=[Optional(), at_most(80)])
    review_date = DateField(_l("Review date"), validators=[Optional()])
    status = SelectField(
        _l("Status"),
        choices=[
            SelectChoice("not_started", _l("Not started")),
            SelectChoice("in_progress", _l("In progress")),
            SelectChoice("done", _l("Done")),
            SelectChoice("celebrated", _l("Celebrated")),
        ],
        default="not_started",
    )

    def validate_status(self, field) -> None:
        if field.data not in ACTION_STATUSES:
            raise ValidationError(_l("Unknown status."))


class CommitmentForm(ContributionForm):
    kind = RadioField(
        _l("What is it?"),
        choices=[
            SelectChoice("commitment", _l("A commitment: what I will do")),
            SelectChoice("offer", _l("An offer: what I can give")),
            SelectChoice("request", _l("A request: what I need")),
        ],
        default="commitment",
        validate_choice=False,
    )
    text = TextAreaField(
        _l("In your words"),
        filters=[clean_text],
        validators=[
            DataRequired(_l("Write your commitment, offer or request.")),
            at_most(TEXT_MAX, at_least=3),
        ],
    )
    consent = RadioField(
        _l("Show my name with it?"),
        choices=[
            SelectChoice("named", _l("Yes, with my name")),
            SelectChoice("anonymous", _l("No, anonymously")),
        ],
        default="named",
        validate_choice=False,
    )

    def validate_kind(self, field) -> None:
        if field.data not in COMMITMENT_KINDS:
            raise ValidationError(_l("Choose commitment, offer or request."))

    def validate_consent(self, field) -> None:
        if field.data not in ("named", "anonymous"):
            raise ValidationError(_l("Choose whether to show your name."))


class DotsForm(AppForm):
    option_id = IntegerField(validators=[DataRequired(), NumberRange(1, ID_MAX)])
    dots = IntegerField(validators=[NumberRange(0, 20)], default=0)


class OpenVoteForm(AppForm):
    target = SelectField(
        _l("Vote on"),
        choices=[
            SelectChoice("dreams", _l("Dreams")),
            SelectChoice("themes", _l("Themes")),
            SelectChoice("propositions", _l("Propositions")),
        ],
    )
    dots = IntegerField(_l("Dots per person"), validators=[Optional(), NumberRange(1, 20)])
    cap = IntegerField(_l("Most dots on one option"), validators=[Optional(), NumberRange(1, 20)])
    hidden = SelectField(
        _l("Results"),
        choices=[SelectChoice("0", _l("Show live")), SelectChoice("1", _l("Hide until I reveal"))],
        default="0",
    )
