import re

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, IntegerField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, NumberRange, Optional, ValidationError
from wtforms.widgets import HiddenInput

from ai_workshop.i18n import DEFAULT_LANGUAGE
from ai_workshop.phases import PHASES, VOCABULARY_NAMES
from ai_workshop.stories.fields import CORRECTABLE, STORY_FIELDS
from ai_workshop.stories.form_fields import correction_fields, with_fields
from ai_workshop.text import clean_line, clean_text
from ai_workshop.time_zones import FALLBACK, is_zone, zone_names
from ai_workshop.web.forms import AppForm, at_most
from ai_workshop.web.language import language_choices, page_language
from ai_workshop.workshops.template_library import DEFAULT_TEMPLATE, TEMPLATES

QUESTIONS_MAX = 10
QUESTION_MAX = 300
VOCABULARY_MAX = 60
TERM_MAX = 40
TABLES_MAX = 400
MIX_GROUPS_MAX = 8


def lines_of(text: str | None) -> list[str]:
    return [clean_line(line) for line in (text or "").splitlines() if clean_line(line)]


def terms_of(text: str | None) -> list[str]:
    """The chips as the facilitator spells them ("Geduld" keeps its capital in German),
    each once whatever its case."""
    seen, terms = set(), []
    for raw in re.split(r"[,\n、，،]", text or ""):
        term = clean_line(raw)
        if term and term.casefold() not in seen:
            seen.add(term.casefold())
            terms.append(term)
    return terms


def room_language_field() -> SelectField:
    return SelectField(
        _l("Language of the room"),
        choices=language_choices(),
        default=DEFAULT_LANGUAGE,
        description=_l(
            "The projector, the plan and its PDF speak it. Phones follow each person's own."
        ),
    )


class NewWorkshopForm(AppForm):
    template = RadioField(
        _l("Start from"),
        choices=[SelectChoice(key, template.title) for key, template in TEMPLATES.items()],
        default=DEFAULT_TEMPLATE,
        validators=[DataRequired(_l("Choose a template."))],
    )
    name = StringField(
        _l("Workshop name"),
        filters=[clean_line],
        validators=[
            DataRequired(_l("Name the workshop, e.g. 'Support team offsite'.")),
            at_most(120),
        ],
    )
    language = room_language_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_submitted():
            self.language.data = page_language().code  # the console's, unless changed


class SettingsForm(AppForm):
    name = StringField(
        _l("Workshop name"),
        filters=[clean_line],
        validators=[DataRequired(_l("Name the workshop.")), at_most(120)],
    )
    topic = StringField(
        _l("Affirmative topic"),
        filters=[clean_line],
        description=_l("Say what you want more of, e.g. 'Delighting our customers'."),
        validators=[DataRequired(_l("Write the affirmative topic.")), at_most(200)],
    )
    why_it_matters = TextAreaField(
        _l("Why it matters"), filters=[clean_text], validators=[Optional(), at_most(1000)]
    )
    questions = TextAreaField(
        _l("Interview questions, one per line"),
        filters=[clean_text],
        validators=[
            DataRequired(_l("Write at least one interview question.")),
            at_most(QUESTIONS_MAX * (QUESTION_MAX + 1)),
        ],
    )
    dream_prompt = TextAreaField(
        _l("Dream prompt"), filters=[clean_text], validators=[Optional(), at_most(500)]
    )
    strengths = TextAreaField(
        _l("Strengths vocabulary, one per line or separated by commas"),
        filters=[clean_text],
        validators=[at_most(VOCABULARY_MAX * (TERM_MAX + 2))],
    )
    phase_vocabulary = SelectField(
        _l("Phase names"),
        choices=[SelectChoice(key, name) for key, name in VOCABULARY_NAMES.items()],
        default="4d",
    )
    language = room_language_field()
    table_count = IntegerField(
        _l("Round tables"),
        default=0,
        description=_l(
            "For a summit: how many tables, each with its own QR code. 0 for a room without."
        ),
        validators=[Optional(), NumberRange(0, TABLES_MAX)],
    )
    mix_groups = TextAreaField(
        _l("Max-mix groups, one per line"),
        filters=[clean_text],
        description=_l(
            "Optional: people say which group they belong to when they join by the room's "
            "code, and the tool seats them so that every table mixes the groups."
        ),
        validators=[Optional(), at_most(MIX_GROUPS_MAX * (TERM_MAX + 1))],
    )
    interview_minutes = IntegerField(
        _l("Minutes per interview partner"),
        default=10,
        description=_l("At round tables: when each phone's timer tells a pair to swap."),
        validators=[
            Optional(),
            NumberRange(1, 60, _l("Choose between %(min)d and %(max)d minutes.")),
        ],
    )

    time_zone = SelectField(
        _l("Time zone"),
        choices=[SelectChoice(name, name) for name in zone_names()],
        description=_l("The check-ins' calendar invitations keep this zone's local time."),
        validate_choice=False,
        validators=[at_most(64)],
    )

    def validate_time_zone(self, field) -> None:
        if field.data and not is_zone(field.data):
            raise ValidationError(_l("Choose a time zone from the list."))

    def validate_questions(self, field) -> None:
        questions = lines_of(field.data)
        if len(questions) > QUESTIONS_MAX:
            raise ValidationError(_l("Keep to %(n)d questions at most.", n=QUESTIONS_MAX))
        if any(len(question) > QUESTION_MAX for question in questions):
            raise ValidationError(_l("Keep each question under %(n)d characters.", n=QUESTION_MAX))

    def validate_mix_groups(self, field) -> None:
        groups = lines_of(field.data)
        if len(groups) > MIX_GROUPS_MAX:
            raise ValidationError(_l("Keep to %(n)d groups at most.", n=MIX_GROUPS_MAX))
        if any(len(group) > TERM_MAX for group in groups):
            raise ValidationError(_l("Keep each group under %(n)d characters.", n=TERM_MAX))

    def validate_strengths(self, field) -> None:
        terms = terms_of(field.data)
        if len(terms) > VOCABULARY_MAX:
            raise ValidationError(_l("Keep to %(n)d strengths at most.", n=VOCABULARY_MAX))
        if any(len(term) > TERM_MAX for term in terms):
            raise ValidationError(_l("Keep each strength under %(n)d characters.", n=TERM_MAX))

    def settings(self) -> dict:
        return {
            "name": self.name.data,
            "topic": self.topic.data,
            "why_it_matters": self.why_it_matters.data or "",
            "questions": lines_of(self.questions.data),
            "dream_prompt": self.dream_prompt.data or "",
            "strengths_vocabulary": terms_of(self.strengths.data),
            "phase_vocabulary": self.phase_vocabulary.data,
            "language": self.language.data,
            "table_count": self.table_count.data or 0,
            "interview_minutes": self.interview_minutes.data or 10,
            "mix_groups": list(dict.fromkeys(lines_of(self.mix_groups.data))),
            "time_zone": self.time_zone.data or None,  # none sent: the zone stays
        }

    def fill_from(self, workshop) -> None:
        self.name.data = workshop.name
        self.topic.data = workshop.topic
        self.why_it_matters.data = workshop.why_it_matters
        self.questions.data = "\n".join(workshop.questions)
        self.dream_prompt.data = workshop.dream_prompt
        self.strengths.data = "\n".join(workshop.strengths_vocabulary)
        self.phase_vocabulary.data = workshop.phase_vocabulary
        self.language.data = workshop.language
        self.table_count.data = workshop.table_count
        self.interview_minutes.data = workshop.interview_minutes
        self.mix_groups.data = "\n".join(workshop.mix_groups or [])
        self.time_zone.data = workshop.time_zone or FALLBACK


class PhaseForm(AppForm):
    phase = HiddenField(validators=[DataRequired(), at_most(20)])

    def validate_phase(self, field) -> None:
        if field.data not in PHASES:
            raise ValidationError(_l("Unknown phase."))


class TimerForm(AppForm):
    action = HiddenField(validators=[DataRequired(), at_most(20)])
    minutes = IntegerField(_l("Minutes"), default=10, validators=[Optional(), NumberRange(1, 240)])

    def validate_action(self, field) -> None:
        if field.data not in ("start", "pause", "resume", "extend", "reset"):
            raise ValidationError(_l("Unknown timer action."))


class ModerateForm(AppForm):
    action = HiddenField(validators=[DataRequired(), at_most(20)])

    def validate_action(self, field) -> None:
        if field.data not in ("hide", "show", "park", "unpark"):
            raise ValidationError(_l("Unknown action."))


@with_fields(correction_fields, [field for field in STORY_FIELDS if field.correctable])
class CorrectStoryForm(AppForm):
    """Typos only: the teller's consent and strengths stay theirs."""

    def fill_from(self, story) -> None:
        for name in CORRECTABLE:
            self[name].data = getattr(story, name)

    def corrections(self) -> dict:
        return {name: self[name].data for name in CORRECTABLE}


class NudgeForm(AppForm):
    """A note to one table's phones; empty takes the last one back."""

    note = StringField(
        _l("Note to the table"),
        filters=[clean_line],
        validators=[Optional(), at_most(200)],
    )


def _table_number(label) -> IntegerField:
    return IntegerField(
        label,
        validators=[
            InputRequired(_l("Give a table number.")),
            NumberRange(1, TABLES_MAX, _l("Give a table number.")),
        ],
    )


class MoveForm(AppForm):
    participant = IntegerField(validators=[InputRequired()], widget=HiddenInput())
    number = _table_number(_l("Move to table"))


class MergeForm(AppForm):
    source = _table_number(_l("Merge table"))
    target = _table_number(_l("into table"))


class HostForm(AppForm):
    participant = IntegerField(validators=[InputRequired()], widget=HiddenInput())


class SpotlightForm(AppForm):
    """The table whose harvest the projector shows large; none ends the spotlight."""

    number = IntegerField(validators=[Optional(), NumberRange(1, TABLES_MAX)])
