"""The base of every form: Flask-WTF's, with WTForms' own messages loaded once per locale.

Flask-WTF reads WTForms' message catalogue from disk on every request, which was a tenth of
the cost of storing a story under load.
"""

from functools import lru_cache

from babel import support
from flask import current_app
from flask_babel import get_locale
from flask_wtf import FlaskForm
from wtforms.i18n import messages_path


@lru_cache(maxsize=16)
def _catalogue(locale: str):
    return support.Translations.load(messages_path(), [locale], domain="wtforms")


class _CachedTranslations:
    def gettext(self, string):
        return _catalogue(str(get_locale() or "en")).ugettext(string)

    def ngettext(self, singular, plural, n):
        return _catalogue(str(get_locale() or "en")).ungettext(singular, plural, n)


_TRANSLATIONS = _CachedTranslations()


class AppForm(FlaskForm):
    class Meta:
        def get_translations(self, form):
            if not current_app.config.get("WTF_I18N_ENABLED", True):
                return None
            return _TRANSLATIONS
