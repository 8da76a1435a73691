from flask_babel import lazy_gettext as _l
from wtforms import StringField
from wtforms.validators import Length

from ..forms_base import AppForm
from ..participants.services import DISPLAY_NAME_MAX
from ..text import clean_line


class JoinForm(AppForm):
    display_name = StringField(
        _l("Your name (optional)"),
        filters=[clean_line],
        validators=[
            Length(max=DISPLAY_NAME_MAX, message=_l("Keep your name under %(max)d characters."))
        ],
    )
