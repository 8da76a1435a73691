"""How an entry of the story's field table becomes WTForms fields, for the phone and the console.

The teller's form holds each field to its full rules (minimum lengths, the table's own
messages); the facilitator's correction only keeps required fields filled and every field
within its length, so fixing a typo never fails on how short a story is.
"""

from flask_babel import lazy_gettext as _l
from wtforms import RadioField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from ai_workshop.stories.fields import CHOICE, LINE, StoryField
from ai_workshop.text import clean_line, clean_text
from ai_workshop.web.forms import at_most

OTHER_STRENGTHS_MAX = 200


def with_fields(make, specs):
    """A class decorator: add the fields `make` builds for each entry, in the table's order."""

    def decorate(form_class):
        for spec in specs:
            for name, unbound in make(spec).items():
                setattr(form_class, name, unbound)
        return form_class

    return decorate


def _text(spec: StoryField, validators: list):
    if spec.kind == LINE:
        return StringField(spec.label, filters=[clean_line], validators=validators)
    return TextAreaField(spec.label, filters=[clean_text], validators=validators)


def _length(spec: StoryField) -> Length:
    if spec.wrong_length:
        return Length(spec.min_length, spec.max_length, spec.wrong_length)
    return at_most(spec.max_length, spec.min_length)


def _one_of(values: list[str], message):
    def check(_form, field) -> None:
        if field.data not in values:
            raise ValidationError(message)

    return check


def phone_fields(spec: StoryField) -> dict:
    """The teller's field for an entry; strengths bring a box for the teller's own words."""
    if spec.is_text:
        if spec.required:
            return {spec.name: _text(spec, [DataRequired(spec.missing), _length(spec)])}
        return {spec.name: _text(spec, [Optional(), _length(spec)])}
    if spec.kind == CHOICE:
        values = [choice.value for choice in spec.choices]
        radio = RadioField(
            spec.label,
            choices=[SelectChoice(choice.value, choice.label) for choice in spec.choices],
            default=spec.default,
            validate_choice=False,
            validators=[_one_of(values, spec.invalid or _l("Choose one of the options."))],
        )
        return {spec.name: radio}
    return {
        spec.name: SelectMultipleField(spec.label, validate_choice=False),
        "other_strengths": StringField(
            _l("Other strengths, in your words"),
            filters=[clean_line],
            validators=[Optional(), at_most(OTHER_STRENGTHS_MAX)],
        ),
    }


def correction_fields(spec: StoryField) -> dict:
    """The facilitator's field for a correctable entry."""
    validators = [at_most(spec.max_length)]
    return {spec.name: _text(spec, [DataRequired(), *validators] if spec.required else validators)}
