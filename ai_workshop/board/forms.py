from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, IntegerField, SelectMultipleField, StringField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, Regexp

from ..text import clean_line
from .services import NAME_MAX

TARGET = r"^(\d+|unassigned|parking)$"


class SuggestForm(FlaskForm):
    k = IntegerField(
        _l("Number of themes"),
        validators=[Optional(), NumberRange(2, 12, _l("Choose between 2 and 12 themes, or Auto."))],
    )


class MoveForm(FlaskForm):
    target = StringField(
        validators=[DataRequired(), Regexp(TARGET, message=_l("Choose where the story goes."))]
    )


class SecondaryForm(FlaskForm):
    theme = StringField(validators=[Optional(), Regexp(r"^\d*$")])


class NameForm(FlaskForm):
    name = StringField(
        _l("Theme name"),
        filters=[clean_line],
        validators=[
            DataRequired(_l("Give the theme a name.")),
            Length(max=NAME_MAX, message=_l("Keep theme names under %(max)d characters.")),
        ],
    )


class MergeForm(FlaskForm):
    into = IntegerField(validators=[DataRequired(_l("Choose the theme to merge into."))])


class SplitForm(NameForm):
    story_ids = SelectMultipleField(validate_choice=False, coerce=int)


class ToggleForm(FlaskForm):
    value = HiddenField(validators=[DataRequired(), Regexp(r"^[01]$")])
