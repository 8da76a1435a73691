"""The languages the app speaks, and how each is written."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # a catalog's name under translations/, as Babel spells the locale
    tag: str  # the BCP 47 tag for <html lang>
    name: str  # in its own language: what a speaker looks for in a list
    rtl: bool = False

    @property
    def direction(self) -> str:
        return "rtl" if self.rtl else "ltr"

    @property
    def back_arrow(self) -> str:
        """Points where the reader came from: left in English, right in Arabic."""
        return "→" if self.rtl else "←"

    @property
    def forward_arrow(self) -> str:
        return "←" if self.rtl else "→"


LANGUAGES = {
    language.code: language
    for language in (
        Language("en", "en", "English"),
        Language("de", "de", "Deutsch"),
        Language("es", "es", "Español"),
        Language("fr", "fr", "Français"),
        Language("pt_BR", "pt-BR", "Português (Brasil)"),
        Language("ja", "ja", "日本語"),
        Language("ar", "ar", "العربية", rtl=True),
    )
}
DEFAULT_LANGUAGE = "en"
