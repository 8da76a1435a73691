"""The base of every form: Flask-WTF's, with WTForms' own messages loaded once per locale.

Flask-WTF reads WTForms' message catalogue from disk on every request, which was a tenth of
the cost of storing a story under load.
"""

from functools import lru_cache

from babel import support
from flask import current_app
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms.i18n import messages_path
from wtforms.validators import Length


@lru_cache(maxsize=16)
def _catalogue(locale: str):
    return support.Translations.load(messages_path(), [locale], domain="wtforms")


class _CachedTranslations:
    def gettext(self, string):
        return _catalogue(str(get_locale() or "en")).ugettext(string)

    def ngettext(self, singular, plural, n):
        return _catalogue(str(get_locale() or "en")).ungettext(singular, plural, n)


_TRANSLATIONS = _CachedTranslations()


def at_most(characters: int, at_least: int = -1) -> Length:
    """Every text field's length limit, with a message that names the number."""
    if at_least > 0:
        return Length(at_least, characters, _l("Between %(min)d and %(max)d characters, please."))
    return Length(max=characters, message=_l("Keep this to %(max)d characters or fewer."))


class AppForm(FlaskForm):
    class Meta:
        def get_translations(self, form):
            if not current_app.config.get("WTF_I18N_ENABLED", True):
                return None
            return _TRANSLATIONS


class ConfirmForm(AppForm):
    """CSRF only: for buttons that change something, such as delete or share."""
