"""Suggest again without losing curation: plan what a new suggestion would change, show the
plan, and apply it only as it was shown.

`propose()` writes nothing on the board (it may store story vectors it had to compute). It
clusters every story on the board, so the engine sees the whole room, then matches each new
cluster one to one to the theme it mostly repeats, so that an unchanged grouping keeps its
theme and the plan stays small. What the facilitator shaped stays as it is:

- a curated theme (pinned, made by hand, renamed, its summary edited, or holding a story
  placed by hand) keeps every story it holds; a cluster it matches may add free stories,
  except to a pinned theme, which takes none;
- a story placed by hand never moves;
- a story's second theme stays while that theme stays and differs from its main theme; the
  engine's second themes only fill empty ones;
- a suggested theme nobody edited keeps its id and name when a cluster matches it, and is
  removed when none does: its stories go where their clusters go.

When the engine declines (too few stories) the proposal says so and nothing changes. The
engine is deterministic, so nothing is stored between the preview and Apply: Apply computes
the proposal again and applies it only if its fingerprint is the one the preview showed.
"""

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field

from babel.lists import format_list
from flask import current_app
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _
from sqlalchemy import select

from ai_workshop.board.embeddings import story_input, unembedded, vectors_for
from ai_workshop.board.services import NAME_MAX, _changed, _next_position, themes_of
from ai_workshop.board.snapshots import board_state, save_snapshot
from ai_workshop.domain_errors import Conflict, ValidationFailed
from ai_workshop.extensions import db
from ai_workshop.models import Story, Theme, Workshop
from ai_workshop.themes import suggest_themes
from ai_workshop.themes.embedders import STATIC, available_engines, resolve_engine
from ai_workshop.themes.engine import MIN_STORIES

MIN_NEW_THEME = 2  # stories a new theme needs when its cluster is mostly curated stories
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


class StalePreview(Conflict):
    """Apply was pressed on a preview the board no longer matches; carries the new one."""

    def __init__(self, proposal: Proposal, message: str | None = None):
        super().__init__(message or _("The board changed since the preview — here is the new one."))
        self.proposal = proposal


def curation(theme: Theme, stories: list[Story]) -> list[str]:
    """Why a new suggestion leaves this theme as the facilitator shaped it (empty: it may)."""
    reasons = []
    if theme.pinned:
        reasons.append(_("pinned"))
    if theme.origin == "manual":
        reasons.append(_("made by hand"))
    if theme.name_edited:
        reasons.append(_("renamed"))
    if theme.summary_edited:
        reasons.append(_("summary edited"))
    if any(story.theme_locked for story in stories):
        reasons.append(_("stories placed by hand"))
    return reasons


def _board_stories(workshop: Workshop) -> list[Story]:
    """The stories a suggestion groups: all but the parking lot's."""
    return list(
        db.session.scalars(
            select(Story)
            .where(Story.workshop_id == workshop.id, Story.parked.is_(False))
            .order_by(Story.id)
        )
    )


def _match(clusters: list[set[int]], members: dict[int, set[int]], order: list[int]) -> dict:
    """Cluster index -> theme id, one to one, the largest overlaps first. A pair needs a real
    majority: most of the cluster comes from the theme, or most of the theme is in it."""
    rank = {theme_id: place for place, theme_id in enumerate(order)}
    pairs = []
    for index, cluster in enumerate(clusters):
        for theme_id, held in members.items():
            overlap = len(cluster & held)
            if overlap and (2 * overlap > len(cluster) or 2 * overlap > len(held)):
                pairs.append((-overlap, rank[theme_id], index, theme_id))
    matched: dict[int, int] = {}
    taken: set[int] = set()
    for _overlap, _rank, index, theme_id in sorted(pairs):
        if index not in matched and theme_id not in taken:
            matched[index] = theme_id
            taken.add(theme_id)
    return matched


def _unique(name: str, strengths: list[str], taken: set[str]) -> str:
    """The engine's name, or when a theme that stays has it, one from the cluster's other
    strengths ("Composure & calm"), and only then the name with a number."""
    name = name[:NAME_MAX]
    pairs = (
        [(strengths[1], strengths[2]), (strengths[0], strengths[2])] if len(strengths) > 2 else []
    )
    others = [f"{first[:1].upper()}{first[1:]} & {second}" for first, second in pairs]
    for candidate in [name, *others]:
        if candidate.casefold() not in taken and len(candidate) <= NAME_MAX:
            taken.add(candidate.casefold())
            return candidate
    candidate, number = name, 2
    while candidate.casefold() in taken:
        suffix = f" ({number})"
        candidate, number = name[: NAME_MAX - len(suffix)] + suffix, number + 1
    taken.add(candidate.casefold())
    return candidate


def _fingerprint(workshop: Workshop, proposal: Proposal) -> str:
    state = board_state(workshop)
    state["themes"] = sorted(state["themes"], key=lambda entry: entry["id"])
    plan = {
        "k": proposal.k,
        "refused": proposal.refused,
        "placements": {str(key): value for key, value in proposal.placements.items()},
        "new": [
            [new.key, new.name, new.strengths, new.story_ids, new.representative_id]
            for new in proposal.new_themes
        ],
        "removed": [removal.theme_id for removal in proposal.removed],
        "updates": {str(key): value for key, value in proposal.updates.items()},
    }
    text = json.dumps([state, plan], sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def _engine_for(stories: list[Story], requested: str | None, language: str) -> tuple[str, int]:
    """(engine, stories it has not read): the configured engine, unless too many stories
    arrived since the background embedder last ran; then the static one, which needs no
    stored vectors. An engine named by the caller (Apply repeats its preview's) is used as is."""
    if requested in available_engines():
        return requested, 0
    engine = resolve_engine(current_app.config.get("THEMES_ENGINE"), language)
    if engine == STATIC or len(stories) < MIN_STORIES:
        return engine, 0
    unread = unembedded(stories, engine)
    if unread > current_app.config.get("THEMES_INLINE_STORIES", 24):
        return STATIC, unread
    return engine, 0


def propose(workshop: Workshop, k: int | None = None, engine: str | None = None) -> Proposal:
    """What suggesting themes again would change on this board. Writes nothing on it."""
    proposal = Proposal(k=k)
    themes = themes_of(workshop)
    stories = _board_stories(workshop)
    engine, proposal.unread = _engine_for(stories, engine, workshop.language)
    proposal.engine = engine
    proposal.story_count = len(stories)
    result = suggest_themes(
        [story_input(story) for story in stories],
        k=k,
        engine=engine,
        vocabulary=workshop.strengths_vocabulary,
        vectors=vectors_for(stories, engine) if len(stories) >= MIN_STORIES else None,
    )
    if result.too_few or not result.themes:
        proposal.refused = True
        proposal.message = _(
            "%(n)d stories are too few to suggest themes: group them by hand. "
            "Nothing on the board changed.",
            n=len(stories),
        )
        proposal.fingerprint = _fingerprint(workshop, proposal)
        return proposal
    _Planner(proposal, themes, stories, result.themes).plan()
    proposal.fingerprint = _fingerprint(workshop, proposal)
    return proposal


def _ref(theme_id: int | None) -> Ref:
    return f"t{theme_id}" if theme_id else None


class _Planner:
    """Works out one proposal from the board's themes and stories and the engine's clusters."""

    def __init__(self, proposal: Proposal, themes: list[Theme], stories: list[Story], found):
        self.proposal, self.themes, self.stories, self.found = proposal, themes, stories, found
        self.by_story = {story.id: story for story in stories}
        held = {theme.id: [s for s in stories if s.theme_id == theme.id] for theme in themes}
        self.members = {theme_id: {s.id for s in group} for theme_id, group in held.items()}
        self.names: dict[Ref, str] = {_ref(theme.id): theme.name for theme in themes}
        self.curated = set()
        for theme in themes:
            reasons = curation(theme, held[theme.id])
            if reasons:
                self.curated.add(theme.id)
                proposal.kept.append(Kept(theme.id, theme.name, reasons))
        self.clusters = [[stories[index].id for index in result.members] for result in found]
        self.free = {
            story.id
            for story in stories
            if not story.theme_locked and story.theme_id not in self.curated
        }
        self.main: dict[int, Ref] = {story.id: _ref(story.theme_id) for story in stories}
        self.second: dict[int, Ref] = {}
        self.into: dict[int, Ref] = {}

    def plan(self) -> None:
        # A pinned theme is frozen: it keeps its stories and takes no new ones.
        open_themes = [theme.id for theme in self.themes if not theme.pinned]
        matched = _match(
            [set(c) for c in self.clusters],
            {theme_id: self.members[theme_id] for theme_id in open_themes},
            open_themes,
        )
        self.matched = matched
        self.target = {
            index: _ref(matched[index]) if index in matched else f"n{index}"
            for index in range(len(self.clusters))
        }
        self.kept_ids = self.curated | set(matched.values())
        self.removed_ids = [theme.id for theme in self.themes if theme.id not in self.kept_ids]
        self._place_free_stories()
        self._new_themes()
        self._removals()
        self._second_themes()
        self._placements()
        self._updates()

    def name_of(self, ref: Ref) -> str | None:
        return self.names[ref] if ref is not None else None

    def _place_free_stories(self) -> None:
        """A free story goes where its cluster goes; one the engine left out of every cluster
        stays, or waits among the unassigned when its theme goes."""
        for index, cluster in enumerate(self.clusters):
            loose = [story_id for story_id in cluster if story_id in self.free]
            if index not in self.matched and len(loose) < min(MIN_NEW_THEME, len(cluster)):
                self._splinter(loose, cluster)
                continue
            for story_id in loose:
                self.main[story_id] = self.target[index]
        for theme_id in self.removed_ids:
            for story_id in self.members[theme_id]:
                if self.main[story_id] == _ref(theme_id):
                    self.main[story_id] = None

    def _splinter(self, loose: list[int], cluster: list[int]) -> None:
        """A cluster made mostly of stories the facilitator's themes keep would make a theme
        of one story: that story stays in its theme, or joins the theme that keeps the rest
        of its cluster when its own goes."""
        held = Counter(self.main[sid] for sid in cluster if sid not in self.free)
        beside = held.most_common(1)[0][0] if held else None
        for story_id in loose:
            own = self.by_story[story_id].theme_id
            if own is None or own not in self.kept_ids:
                self.main[story_id] = beside

    def _new_themes(self) -> None:
        """Unmatched clusters that receive stories become themes, named apart from the rest."""
        taken = {self.names[_ref(theme_id)].casefold() for theme_id in self.kept_ids}
        for index, result in enumerate(self.found):
            key = f"n{index}"
            story_ids = [sid for sid in self.clusters[index] if self.main.get(sid) == key]
            if index in self.matched or not story_ids:
                continue
            offered = result.representative
            representative = self.stories[offered].id if offered is not None else None
            new = NewTheme(
                key=key,
                name=_unique(result.name, list(result.strengths), taken),
                strengths=list(result.strengths),
                cohesion=float(result.cohesion),
                representative_id=representative if representative in story_ids else story_ids[0],
                story_ids=story_ids,
                headlines=[self.by_story[sid].headline for sid in story_ids],
            )
            self.names[key] = new.name
            self.proposal.new_themes.append(new)

    def _removals(self) -> None:
        for theme_id in self.removed_ids:
            held = self.members[theme_id]
            goes = Counter(self.main[sid] for sid in held)
            top, count = goes.most_common(1)[0] if goes else (None, 0)
            into = top if top is not None and 2 * count > len(held) else None
            self.into[theme_id] = into
            self.proposal.removed.append(
                Removal(
                    theme_id=theme_id,
                    name=self.names[_ref(theme_id)],
                    count=len(held),
                    into=self.name_of(into),
                    destinations=[self.name_of(ref) or _("Unassigned") for ref, _n in goes.most_common()],
                )
            )  # fmt: skip

    def _second_themes(self) -> None:
        """A second theme stays while its theme stays (a merged one follows the merge) and is
        not the main one; the engine's second themes fill only empty ones of free stories."""
        offered: dict[int, Ref] = {}
        for index, result in enumerate(self.found):
            for position in result.secondary:
                offered.setdefault(self.stories[position].id, self.target[index])
        live = {_ref(theme_id) for theme_id in self.kept_ids} | {
            new.key for new in self.proposal.new_themes
        }
        for story in self.stories:
            main = self.main[story.id]
            chosen = _ref(story.secondary_theme_id)
            if chosen is not None and chosen not in live:
                chosen = self.into.get(story.secondary_theme_id)
            if chosen == main:
                chosen = None
            suggestion = offered.get(story.id)
            if chosen is None and story.id in self.free and main and suggestion in live:
                chosen = suggestion if suggestion != main else None
            self.second[story.id] = chosen

    def _placements(self) -> None:
        proposal = self.proposal
        for story in self.stories:
            main, before = self.main[story.id], _ref(story.theme_id)
            second, second_before = self.second[story.id], _ref(story.secondary_theme_id)
            if (main, second) != (before, second_before):
                proposal.placements[story.id] = (main, second)
            if second != second_before:
                if second is None:
                    proposal.seconds_dropped += 1
                else:
                    proposal.seconds_added += 1
            if main != before:
                proposal.moves.append(
                    Move(
                        story.id,
                        story.headline,
                        self.name_of(before),
                        self.name_of(main),
                        to_new=main is not None and main.startswith("n"),
                    )
                )

    def _updates(self) -> None:
        """A suggested theme whose stories change takes its cluster's fit, and a new quote
        when its own left."""
        for index, theme_id in self.matched.items():
            after = [sid for sid, ref in self.main.items() if ref == _ref(theme_id)]
            if theme_id in self.curated or set(after) == self.members[theme_id]:
                continue
            theme = next(theme for theme in self.themes if theme.id == theme_id)
            representative = theme.representative_story_id
            offered = self.found[index].representative
            if representative not in after and offered is not None:
                representative = self.stories[offered].id
            if representative not in after:
                representative = after[0] if after else None
            self.proposal.updates[theme_id] = {
                "cohesion": float(self.found[index].cohesion),
                "representative_story_id": representative,
            }


def _summary(proposal: Proposal) -> str:
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
    return _summary(proposal) or _("Nothing would change.")


def _create(workshop: Workshop, new_themes: list[NewTheme]) -> dict[str, int]:
    created = {}
    position = _next_position(workshop)
    for offset, new in enumerate(new_themes):
        theme = Theme(
            workshop_id=workshop.id,
            name=new.name,
            position=position + offset,
            origin="suggested",
            strengths=new.strengths,
            cohesion=new.cohesion,
            representative_story_id=new.representative_id,
        )
        db.session.add(theme)
        db.session.flush()
        created[new.key] = theme.id
    return created


def _remove(workshop: Workshop, theme_ids: list[int]) -> None:
    """Themes whose stories have all gone elsewhere (the proposal moved them first)."""
    if not theme_ids:
        return
    for story in db.session.scalars(
        select(Story).where(
            Story.workshop_id == workshop.id, Story.secondary_theme_id.in_(theme_ids)
        )
    ):
        story.secondary_theme_id = None
    for theme_id in theme_ids:
        theme = db.session.get(Theme, theme_id)
        db.session.expire(theme, ["stories"])  # load what is left in it now: nothing
        db.session.delete(theme)


def apply(workshop: Workshop, proposal: Proposal) -> str:
    """Make the board what the proposal says, after an undo snapshot; returns the message."""
    if proposal.refused:
        raise ValidationFailed(proposal.message)
    if not proposal.changed:
        return _("The suggestion matches the board: nothing to change.")
    first = not themes_of(workshop)
    save_snapshot(workshop, _("Suggest themes"))
    created = _create(workshop, proposal.new_themes)

    def resolve(ref: Ref) -> int | None:
        if ref is None:
            return None
        return created[ref] if ref.startswith("n") else int(ref[1:])

    for story_id, (main, second) in proposal.placements.items():
        story = db.session.get(Story, story_id)
        story.theme_id, story.secondary_theme_id = resolve(main), resolve(second)
    for theme_id, fields in proposal.updates.items():
        theme = db.session.get(Theme, theme_id)
        for name, value in fields.items():
            setattr(theme, name, value)
    db.session.flush()
    _remove(workshop, [removal.theme_id for removal in proposal.removed])
    _changed(workshop)
    if first and proposal.unread:
        return _(
            "%(n)d themes suggested from %(m)d stories. %(unread)d stories were still being "
            "read by the language model, so the quick engine grouped them: suggest again in "
            "a minute for the closer grouping.",
            n=len(proposal.new_themes),
            m=proposal.story_count,
            unread=proposal.unread,
        )
    if first:
        return _(
            "%(n)d themes suggested from %(m)d stories.",
            n=len(proposal.new_themes),
            m=proposal.story_count,
        )
    return _("Suggestion applied: %(what)s.", what=_summary(proposal))


def suggest(workshop: Workshop, k: int | None = None, engine: str | None = None) -> str:
    """Suggest and apply at once (an empty board, the demo); returns the message."""
    proposal = propose(workshop, k=k, engine=engine)
    if proposal.refused:
        return proposal.message
    return apply(workshop, proposal)


def apply_previewed(
    workshop: Workshop, k: int | None, fingerprint: str, engine: str | None = None
) -> str:
    """Apply the proposal the facilitator saw, if the board and the suggestion still match."""
    proposal = propose(workshop, k=k, engine=engine)
    if proposal.fingerprint == fingerprint:
        return apply(workshop, proposal)
    if proposal.refused:
        raise StalePreview(proposal, proposal.message)
    if not proposal.changed:
        raise StalePreview(
            proposal,
            _("The board changed since the preview; a new suggestion would change nothing now."),
        )
    raise StalePreview(proposal)
