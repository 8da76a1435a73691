"""What goes into the engine and what comes out."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class StoryInput:
    headline: str
    story: str
    made_possible: str = ""
    strengths: tuple[str, ...] = ()
    # False for a story its teller kept private: it counts in themes but lends them no words.
    quotable: bool = True


@dataclass
class ThemeResult:
    name: str
    strengths: list[str]
    members: list[int]  # indexes into the input, most representative first
    secondary: list[int] = field(default_factory=list)  # stories that also fit here
    representative: int | None = None
    cohesion: float = 0.0  # mean cosine similarity of members to the theme's centre, 0..1


@dataclass
class Suggestion:
    themes: list[ThemeResult]
    engine: str
    k: int = 0
    too_few: bool = False
    message: str = ""
