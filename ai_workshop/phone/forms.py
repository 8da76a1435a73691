from flask_babel import lazy_gettext as _l
from wtforms import StringField
from wtforms.validators import Length

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
