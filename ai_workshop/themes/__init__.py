"""The theme engine: clusters stories into the positive core. Plain functions, no Flask."""

from ai_workshop.themes.engine import suggest_themes
from ai_workshop.themes.types import StoryInput, Suggestion, ThemeResult

__all__ = ["StoryInput", "Suggestion", "ThemeResult", "suggest_themes"]
