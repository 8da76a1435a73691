"""What a suggestion would change on the board: the proposal the preview shows and Apply
carries out (board/proposals.py), and the one line that sums it up."""

from dataclasses import dataclass, field

from babel.lists import format_list
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _

from ai_workshop.themes.embedders import STATIC

# Where a story goes: "t<id>" an existing theme, "n<cluster>" a new one, None Unassigned.
Ref = str | None


@dataclass
class NewTheme:
    key: str  # "n<cluster>"
    name: str
    strengths: list[str]
    cohesion: float
    representative_id: int | None
    story_ids: list[int]
    headlines: list[str]


@dataclass
class Move:
    story_id: int
    headline: str
    source: str | None  # a theme's name; None for Unassigned
    target: str | None
    to_new: bool = False


@dataclass
class MoveGroup:
    source: str | None
    target: str | None
    to_new: bool
    headlines: list[str] = field(default_factory=list)


@dataclass
class Removal:
    theme_id: int
    name: str
    count: int  # the stories it holds now
    into: str | None  # the theme most of them go to, when most go to one
    destinations: list[str] = field(default_factory=list)


@dataclass
class Kept:
    theme_id: int
    name: str
    reasons: list[str]


@dataclass
class Proposal:
    k: int | None
    story_count: int = 0
    refused: bool = False
    message: str = ""
    new_themes: list[NewTheme] = field(default_factory=list)
    moves: list[Move] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    kept: list[Kept] = field(default_factory=list)
    seconds_added: int = 0  # stories that gain (or change) a second theme
    seconds_dropped: int = 0
    # story id -> (main, second) for every story whose placement changes
    placements: dict[int, tuple[Ref, Ref]] = field(default_factory=dict)
    # theme id -> fields, for matched suggested themes whose stories change
    updates: dict[int, dict] = field(default_factory=dict)
    fingerprint: str = ""
    engine: str = STATIC
    # Stories the preferred engine had not read yet when this was suggested (the static
    # engine grouped the room instead); 0 when the preferred engine did.
    unread: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.new_themes or self.placements or self.removed)

    @property
    def move_groups(self) -> list["MoveGroup"]:
        """The moves by where they go from and to, the biggest first: what the preview lists."""
        groups: dict[tuple, MoveGroup] = {}
        for move in self.moves:
            key = (move.source, move.target)
            if key not in groups:
                groups[key] = MoveGroup(move.source, move.target, move.to_new)
            groups[key].headlines.append(move.headline)
        return sorted(groups.values(), key=lambda group: -len(group.headlines))

    @property
    def merged(self) -> list[Removal]:
        return [removal for removal in self.removed if removal.into]

    @property
    def dropped(self) -> list[Removal]:
        return [removal for removal in self.removed if not removal.into]


def changes_in_words(proposal: Proposal) -> str:
    parts = []
    if proposal.new_themes:
        parts.append(ngettext("%(num)d new theme", "%(num)d new themes", len(proposal.new_themes)))
    if proposal.moves:
        parts.append(ngettext("%(num)d story moved", "%(num)d stories moved", len(proposal.moves)))
    if proposal.merged:
        parts.append(
            ngettext("%(num)d theme merged", "%(num)d themes merged", len(proposal.merged))
        )
    if proposal.dropped:
        parts.append(
            ngettext("%(num)d theme removed", "%(num)d themes removed", len(proposal.dropped))
        )
    if proposal.seconds_added:
        parts.append(
            ngettext(
                "%(num)d second theme added", "%(num)d second themes added", proposal.seconds_added
            )
        )
    return format_list(parts, style="unit", locale=get_locale() or "en") if parts else ""


def summary(proposal: Proposal) -> str:
    """One line for the preview's head: what Apply would do."""
    return changes_in_words(proposal) or _("Nothing would change.")
