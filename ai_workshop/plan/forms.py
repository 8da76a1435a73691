from flask_babel import lazy_gettext as _l
from wtforms import DateField, StringField, TextAreaField
from wtforms.validators import Optional

from ai_workshop.text import clean_line, clean_text
from ai_workshop.web.forms import AppForm, at_most

FOLLOW_UP_ROWS = 4


class PlanForm(AppForm):
    summary = TextAreaField(
        _l("Summary for leaders"), filters=[clean_text], validators=[Optional(), at_most(4000)]
    )
    keep = TextAreaField(
        _l("What we want to keep"), filters=[clean_text], validators=[Optional(), at_most(4000)]
    )
    measures_note = TextAreaField(
        _l("How we will know it works"),
        filters=[clean_text],
        validators=[Optional(), at_most(4000)],
    )


for _row in range(1, FOLLOW_UP_ROWS + 1):
    setattr(PlanForm, f"followup_{_row}_label", StringField(
        _l("Check-in"), filters=[clean_line], validators=[Optional(), at_most(80)]))  # fmt: skip
    setattr(PlanForm, f"followup_{_row}_date", DateField(_l("Date"), validators=[Optional()]))


def _rows(form):
    for row in range(1, FOLLOW_UP_ROWS + 1):
        yield form[f"followup_{row}_label"], form[f"followup_{row}_date"]


def fill_followups(form, plan) -> None:
    for (label, when), (saved_label, saved_date) in zip(
        _rows(form), plan.followup_dates(), strict=False
    ):
        label.data, when.data = saved_label, saved_date


def apply(form, plan) -> None:
    plan.summary, plan.keep, plan.measures_note = (
        form.summary.data,
        form.keep.data,
        form.measures_note.data,
    )
    plan.followups = [
        {"label": label.data or str(_l("Check-in")), "date": when.data.isoformat()}
        for label, when in _rows(form)
        if when.data
    ]


PlanForm.rows = _rows
PlanForm.fill_followups = fill_followups
PlanForm.apply = apply
