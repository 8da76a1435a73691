from flask_babel import lazy_gettext as _l
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional

from ai_workshop.text import clean_line
from ai_workshop.web.forms import AppForm, at_most

PASSWORD_MIN = 10


class LoginForm(AppForm):
    email = EmailField(
        _l("Email"),
        filters=[clean_line],
        validators=[DataRequired(_l("Enter your email.")), at_most(254)],
    )
    password = PasswordField(
        _l("Password"), validators=[DataRequired(_l("Enter your password.")), at_most(200)]
    )


class SignupForm(AppForm):
    name = StringField(_l("Your name"), filters=[clean_line], validators=[Optional(), at_most(80)])
    email = EmailField(
        _l("Email"),
        filters=[clean_line],
        validators=[
            DataRequired(_l("Enter your email.")),
            Email(_l("That doesn't look like an email address."), check_deliverability=False),
            at_most(254),
        ],
    )
    password = PasswordField(
        _l("Password"),
        validators=[
            DataRequired(_l("Choose a password.")),
            Length(
                min=PASSWORD_MIN, message=_l("Use at least %(min)d characters for your password.")
            ),
            at_most(200),
        ],
    )
    confirm = PasswordField(
        _l("Password again"),
        validators=[EqualTo("password", _l("The two passwords differ.")), at_most(200)],
    )
