"""How a new suggestion meets the board: the engine's clusters matched to the themes they
repeat, what the facilitator curated kept, and every story's new place worked out
(the rules are in board/proposals.py)."""

from collections import Counter

from flask_babel import gettext as _

from ai_workshop.board.proposed import Kept, Move, NewTheme, Proposal, Ref, Removal
from ai_workshop.board.services import NAME_MAX
from ai_workshop.models import Story, Theme

MIN_NEW_THEME = 2  # stories a new theme needs when its cluster is mostly curated stories


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


def match_clusters(
    clusters: list[set[int]], members: dict[int, set[int]], order: list[int]
) -> dict:
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


def unique_name(name: str, strengths: list[str], taken: set[str]) -> str:
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


def _ref(theme_id: int | None) -> Ref:
    return f"t{theme_id}" if theme_id else None


class Planner:
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
        matched = match_clusters(
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
                name=unique_name(result.name, list(result.strengths), taken),
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
