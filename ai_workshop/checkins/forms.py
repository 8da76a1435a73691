"""What phones send at a check-in, and what the facilitator sends to run one."""

import re

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, IntegerField, RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, NumberRange, Optional, ValidationError

from ai_workshop.contributions.forms import ContributionForm
from ai_workshop.models.check_in import REPORT_STATUSES
from ai_workshop.text import clean_line, clean_text
from ai_workshop.web.forms import AppForm, at_most

NOTE_MAX = 400
STORY_MAX = 2000


def status_choices() -> list[SelectChoice]:
    return [
        SelectChoice("not_started", _l("Not started yet")),
        SelectChoice("on_track", _l("On track")),
        SelectChoice("done", _l("Done")),
        SelectChoice("stuck", _l("Stuck")),
    ]


class ActionReportForm(ContributionForm):
    status = RadioField(_l("How is it going?"), choices=status_choices(), validate_choice=False)
    progress = IntegerField(
        _l("How far along is it?"),
        default=0,
        validators=[
            Optional(),
            NumberRange(0, 100, _l("Between %(min)d and %(max)d per cent, please.")),
        ],
    )
    note = TextAreaField(
        _l("What happened since the workshop? (optional)"),
        filters=[clean_text],
        validators=[at_most(NOTE_MAX)],
    )
    would_help = TextAreaField(
        _l("What would help you move forward?"),
        filters=[clean_text],
        validators=[at_most(NOTE_MAX)],
    )

    def validate_status(self, field) -> None:
        if field.data not in REPORT_STATUSES:
            raise ValidationError(_l("Choose how the action is going."))

    def validate_would_help(self, field) -> None:
        if self.status.data == "stuck" and not field.data:
            raise ValidationError(_l("Say what would help: who or what could move it forward?"))


class CheckInStoryForm(ContributionForm):
    headline = StringField(
        _l("What went well since the workshop?"),
        filters=[clean_line],
        validators=[
            DataRequired(_l("Give your story a headline.")),
            at_most(200, at_least=3),
        ],
    )
    story = TextAreaField(
        _l("Tell us more (optional)"), filters=[clean_text], validators=[at_most(STORY_MAX)]
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

    def validate_consent(self, field) -> None:
        if field.data not in ("named", "anonymous", "private"):
            raise ValidationError(_l("Choose whether we may quote it."))


# Enough to catch a typo; the mail server is the judge of the rest.
_ADDRESS = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


class ReminderForm(AppForm):
    email = StringField(
        _l("Your e-mail address"),
        filters=[clean_line],
        validators=[DataRequired(_l("Type your e-mail address.")), at_most(254)],
    )
    agree = BooleanField(
        _l(
            "Send me the invitation to each check-in. The facilitator keeps this address for that alone."
        ),
        validators=[DataRequired(_l("Tick the box to agree, or leave the address out."))],
    )

    def validate_email(self, field) -> None:
        if not _ADDRESS.fullmatch(field.data or ""):
            raise ValidationError(_l("That does not look like an e-mail address."))


class OpenCheckInForm(AppForm):
    number = IntegerField(validators=[DataRequired(), NumberRange(1, 12)])
