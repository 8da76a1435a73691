"""Whose language each page speaks.

A phone follows its browser until its person picks a language, which the phone remembers
(a cookie). The facilitator's console follows the facilitator's choice, kept on the account
and brought back at login. The projector, the plan page, its PDF and the exports speak the
workshop's language, whatever the browser showing them.
"""

from functools import wraps

from flask import (
    Blueprint,
    after_this_request,
    g,
    has_request_context,
    redirect,
    request,
)
from flask_babel import get_locale, refresh
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from wtforms import HiddenField, SelectField
from wtforms.fields.choices import SelectChoice

from ai_workshop.extensions import db
from ai_workshop.i18n import DEFAULT_LANGUAGE, LANGUAGES, Language
from ai_workshop.web import access
from ai_workshop.web.cookies import cookie_secure
from ai_workshop.web.forms import AppForm, at_most
from ai_workshop.web.safe_next import local_target

COOKIE = "aiw_lang"
COOKIE_SECONDS = 365 * 24 * 3600

bp = Blueprint("language", __name__)


def select_locale() -> str | None:
    """Flask-Babel's locale selector: a page's own language, else the person's choice on
    this browser, else the browser's own preference among ours."""
    if not has_request_context():
        return None
    if g.get("aiw_locale"):
        return g.aiw_locale
    chosen = request.cookies.get(COOKIE)
    if chosen in LANGUAGES:
        return chosen
    return browser_language(request.accept_languages)


# One catalog per language, whatever the region: a browser set to pt-PT, ar-EG or fr-CA
# reads the Brazilian, the Arabic or the French one rather than falling back to English.
BY_PRIMARY_TAG = {language.tag.split("-")[0].lower(): code for code, language in LANGUAGES.items()}


def browser_language(accepted) -> str:
    """The first of the browser's languages, in its order of preference, that we speak."""
    for value, _quality in accepted:  # werkzeug keeps them sorted by quality
        code = BY_PRIMARY_TAG.get(value.replace("_", "-").split("-")[0].lower())
        if code:
            return code
    return DEFAULT_LANGUAGE


def speak(code: str) -> None:
    """From here on, this request speaks `code` (a workshop's language, say)."""
    g.aiw_locale = code if code in LANGUAGES else DEFAULT_LANGUAGE
    refresh()  # Flask-Babel keeps the locale it found first for the rest of the request


def in_workshop_language(view):
    """For a view under an access decorator that hands it `workshop` (or a leader's `plan`):
    the page speaks the workshop's language."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        workshop = kwargs.get("workshop") or kwargs["plan"].workshop_ref
        speak(workshop.language)
        return view(*args, **kwargs)

    return wrapper


def page_language() -> Language:
    """The language of the page being drawn, for <html lang dir>."""
    locale = get_locale()
    code = str(locale) if locale is not None else DEFAULT_LANGUAGE
    return LANGUAGES.get(code, LANGUAGES[DEFAULT_LANGUAGE])


def remember_at_login(facilitator) -> None:
    """A facilitator's console language comes back with the session, on any browser."""
    if facilitator.language in LANGUAGES:
        language = facilitator.language

        @after_this_request
        def _set(response):
            _set_cookie(response, language)
            return response


def _set_cookie(response, code: str) -> None:
    response.set_cookie(
        COOKIE,
        code,
        max_age=COOKIE_SECONDS,
        samesite="Lax",
        secure=cookie_secure(),
        httponly=True,
    )


def language_choices() -> list[SelectChoice]:
    return [SelectChoice(code, language.name) for code, language in LANGUAGES.items()]


class LanguageForm(AppForm):
    language = SelectField(_l("Language"), choices=language_choices())
    next = HiddenField(validators=[at_most(500)])


@bp.post("/language")
@access.public
def choose():
    """The language switch of every page: remembered on this browser, and on the account
    of a signed-in facilitator."""
    form = LanguageForm()
    target = local_target(form.next.data) or "/"
    if form.validate_on_submit():
        code = form.language.data
        if current_user.is_authenticated:
            current_user.language = code
            db.session.commit()
        response = redirect(target)
        _set_cookie(response, code)
        return response
    return redirect(target)


def language_switch() -> LanguageForm:
    """The switch's form for a page, on the language it speaks, to come back to it."""
    form = LanguageForm(formdata=None)
    form.language.data = page_language().code
    form.next.data = request.full_path.rstrip("?") if has_request_context() else "/"
    return form


def quoted(text) -> str:
    """A quote in the page's language's own marks: “…”, „…“, « … », 「…」."""
    return page_language().quoted(text)
