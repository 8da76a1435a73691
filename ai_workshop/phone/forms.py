from flask_babel import lazy_gettext as _l
from wtforms import IntegerField, StringField
from wtforms.validators import InputRequired, Length, NumberRange

from ai_workshop.participants.services import DISPLAY_NAME_MAX
from ai_workshop.text import clean_line
from ai_workshop.web.forms import AppForm


class JoinForm(AppForm):
    display_name = StringField(
        _l("Your name (optional)"),
        filters=[clean_line],
        validators=[
            Length(max=DISPLAY_NAME_MAX, message=_l("Keep your name under %(max)d characters."))
        ],
    )


class TableForm(AppForm):
    """The table a phone that joined by the room's code sits at."""

    number = IntegerField(_l("Table number"))

    def __init__(self, *args, tables: int, **kwargs):
        super().__init__(*args, **kwargs)
        message = _l("Choose a table from 1 to %(max)d.", max=tables)
        self.number.validators = [InputRequired(message), NumberRange(1, tables, message)]
