"""The theme engine: clusters stories into the positive core. Plain functions, no Flask."""

from .engine import suggest_themes
from .types import StoryInput, Suggestion, ThemeResult

__all__ = ["StoryInput", "Suggestion", "ThemeResult", "suggest_themes"]
