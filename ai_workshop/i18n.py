"""The languages the app speaks, and how each is written."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # a catalog's name under translations/, as Babel spells the locale
    tag: str  # the BCP 47 tag for <html lang>
    name: str  # in its own language: what a speaker looks for in a list
    rtl: bool = False
    quotes: tuple[str, str] = ("“", "”")  # how a quote opens and closes in its print

    @property
    def direction(self) -> str:
        return "rtl" if self.rtl else "ltr"

    def quoted(self, text: str) -> str:
        return f"{self.quotes[0]}{text}{self.quotes[1]}"

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
        Language("de", "de", "Deutsch", quotes=("„", "“")),
        Language("es", "es", "Español", quotes=("«", "»")),
        Language("fr", "fr", "Français", quotes=("«\u00a0", "\u00a0»")),
        Language("pt_BR", "pt-BR", "Português (Brasil)"),
        Language("ja", "ja", "日本語", quotes=("「", "」")),
        Language("ar", "ar", "العربية", rtl=True, quotes=("«", "»")),
    )
}
DEFAULT_LANGUAGE = "en"
