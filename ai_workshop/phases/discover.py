"""Discovery: interviews, stories and strengths, then the positive core of themes."""

from flask_babel import gettext as _

from ai_workshop.board.core_words import positive_core_words
from ai_workshop.board.queries import theme_cards, theme_summaries
from ai_workshop.models import Story
from ai_workshop.participants import table_overview
from ai_workshop.phases import own
from ai_workshop.phases.base import Phase
from ai_workshop.phases.plan_parts import Quote, ThemeEntry, latest_tally, quote
from ai_workshop.phases.voting import UNKNOWN
from ai_workshop.stories.forms import StoryForm
from ai_workshop.stories.queries import strengths_cloud, ticker_stories, workshop_stories
from ai_workshop.workshops.services import story_count

# The plan's strengths: the dozen most named.
PLAN_STRENGTHS = 12
# The projector's cloud: at most this many, fewer when they don't fit.
PROJECTOR_STRENGTHS = 40


def phone(workshop, participant, vote=UNKNOWN, form=None) -> dict:
    return {
        "form": form or StoryForm(vocabulary=workshop.strengths_vocabulary),
        # Phones list the themes with their counts while the room talks them through.
        "cards": theme_summaries(workshop, with_quotes=False) if workshop.themes_shown else [],
    }


def projector(workshop) -> dict:
    if workshop.themes_shown:
        cards = theme_summaries(workshop)
        words, core = positive_core_words(workshop, [card.theme for card in cards])
        return {
            "cards": cards,
            "story_total": story_count(workshop),
            "words": words,
            "core_words": core,
            "theme_tables": table_overview.theme_tables(workshop) if workshop.table_count else {},
        }
    if workshop.table_count:
        return harvest_map(workshop)
    # Most named first, so the ones that don't fit the screen are the least named.
    strengths = sorted(strengths_cloud(workshop, limit=None), key=lambda item: -item["count"])
    return {
        "story_total": story_count(workshop),
        "ticker": ticker_stories(workshop),
        "cloud": strengths[:PROJECTOR_STRENGTHS],
        "cloud_rest": max(0, len(strengths) - PROJECTOR_STRENGTHS),
    }


# The projector's harvest map lists the newest harvests beside the tables.
ARRIVALS = 4


def harvest_map(workshop) -> dict:
    """A summit's Discovery on the projector: every table's progress, the harvests arriving."""
    tiles, _unseated = table_overview.table_tiles(workshop)
    arrived = [tile.table for tile in tiles if tile.harvest_started]
    arrived.sort(key=lambda table: table.updated_at, reverse=True)
    return {
        "tiles": tiles,
        "arrivals": arrived[:ARRIVALS],
        "harvests_done": sum(tile.harvest_done for tile in tiles),
        "story_total": sum(tile.stories for tile in tiles),
    }


def _themes(workshop, cards, words) -> list[ThemeEntry]:
    tally = latest_tally(workshop, "themes")
    from_tables = table_overview.theme_tables(workshop) if workshop.table_count else {}
    entries = []
    for card in cards:
        quotable = [s for s in card.stories if s.quotable and not s.hidden][:2]
        said = words.get(card.theme.id)
        entries.append(
            ThemeEntry(
                name=card.theme.name,
                count=len(card.stories),
                strengths=card.strengths,
                quotes=[quote(s) for s in quotable],
                votes=tally.get(card.theme.id) if tally else None,
                summary=said.text if said else "",
                # The stories its words quote, by headline, named only as their tellers allow.
                cited=[quote(s) for s in said.cited] if said else [],
                tables=from_tables.get(card.theme.id, []),
                carried=bool(card.theme.chosen),
            )
        )
    if tally:
        entries.sort(key=lambda entry: -(entry.votes or 0))
    return entries


def plan(workshop) -> dict:
    stories: list[Story] = workshop_stories(workshop)
    cards = theme_cards(workshop)
    words, core = positive_core_words(workshop, [card.theme for card in cards])
    return {
        "themes": _themes(workshop, cards, words),
        "core_words": core,
        "stories": [quote(s) for s in stories if s.quotable and not s.hidden and not s.parked],
        "wishes": [s.wish for s in stories if s.wish and s.quotable and not s.parked],
        "parking_lot": [
            quote(s) if s.quotable else Quote(_("A story its teller asked us not to quote"), None)
            for s in stories
            if s.parked
        ],
        "strengths": sorted(
            strengths_cloud(workshop, limit=PLAN_STRENGTHS), key=lambda item: -item["count"]
        ),
        "harvests": table_overview.harvests(workshop) if workshop.table_count else [],
    }


PHASE = Phase(
    name="discover",
    folder="discover",
    phone=phone,
    projector=projector,
    plan=plan,
    forms=(StoryForm,),
    personal_on_phone=own.nothing_of_their_own,
)
