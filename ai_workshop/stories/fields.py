"""Every field of a Discovery story, declared once.

The phone's form, the console's correction, the API (its validation, answers and OpenAPI
schema), the workshop export and import, story files, the page templates and the phone's
scripts all read this table. A new field is an entry here, a column on Story and its
migration; nothing else needs to learn its name, its limits or its words.

Every field is in the JSON API, since the phone's own page sends stories through it, and
in the workshop export, which must import back exactly; only the console's correction
and feed choose among them.
"""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from ai_workshop.stories.strengths import STRENGTHS_MAX

LINE = "line"  # one line of text
TEXT = "text"  # free text over several lines
STRENGTHS = "strengths"  # chips from the workshop's vocabulary plus the teller's own words
CHOICE = "choice"  # one of a few fixed values


@dataclass(frozen=True)
class Choice:
    value: str
    label: LazyString
    hint: LazyString | None = None


@dataclass(frozen=True)
class StoryField:
    name: str  # the one name: Story's attribute, the form's field, the API's and files' key
    label: LazyString
    kind: str = TEXT
    max_length: int = 0
    min_length: int = 0
    # Required fields: the API schema lists them, and text ones are refused when empty.
    required: bool = False
    missing: LazyString | None = None  # what a required text field says when left empty
    wrong_length: LazyString | None = None  # what it says outside its limits; at_most's by default
    hint: LazyString | None = None
    placeholder: LazyString | None = None
    rows: int | None = None  # the height of a multi-line box
    choices: tuple[Choice, ...] = ()
    default: str = ""  # a choice's starting value, on the page and when a client omits it
    invalid: LazyString | None = None  # what a choice says to a value that is not one of its own
    feed_label: LazyString | None = None  # the console feed's lead-in; None: not shown as a detail
    correctable: bool = False  # the facilitator may fix its typos in the console
    # The workshop export's name for the column, where files already hold another one.
    export_as: str | None = None
    # (choice, value): the field applies only while that choice holds that value; otherwise
    # it is stored empty, and the phone's script hides it.
    applies_when: tuple[str, str] | None = None

    @property
    def is_text(self) -> bool:
        return self.kind in (LINE, TEXT)

    @property
    def export_key(self) -> str:
        return self.export_as or self.name

    def choice_hint(self, value: str) -> str | None:
        return next((choice.hint for choice in self.choices if choice.value == value), None)


STORY_FIELDS = (
    StoryField(
        "headline",
        _l("Headline"),
        LINE,
        min_length=3,
        max_length=120,
        required=True,
        missing=_l("Give your story a headline."),
        wrong_length=_l("Keep the headline between %(min)d and %(max)d characters."),
        placeholder=_l("e.g. The refund that became a referral"),
        hint=_l("A title for your high point."),
        correctable=True,
    ),
    StoryField(
        "story",
        _l("The story"),
        TEXT,
        min_length=20,
        max_length=4000,
        required=True,
        missing=_l("Tell the story: what happened, who was there, what you did."),
        wrong_length=_l("Tell a little more (at least %(min)d characters, at most %(max)d)."),
        hint=_l("What happened? Who was involved? What did you do?"),
        rows=6,
        correctable=True,
        export_as="body",
    ),
    StoryField(
        "made_possible",
        _l("What made it possible?"),
        TEXT,
        max_length=1000,
        hint=_l("You, colleagues, tools, processes, leaders…"),
        rows=3,
        feed_label=_l("Made possible by:"),
        correctable=True,
    ),
    StoryField(
        "strengths", _l("Strengths it shows"), STRENGTHS, required=True, hint=_l("Pick 1 to 4.")
    ),
    StoryField(
        "wish",
        _l("One wish"),
        TEXT,
        max_length=1000,
        hint=_l("If you had one wish to make this happen every day…"),
        rows=2,
        feed_label=_l("Wish:"),
        correctable=True,
    ),
    StoryField(
        "whose",
        _l("Whose story is it?"),
        CHOICE,
        choices=(Choice("mine", _l("My story")), Choice("partner", _l("My partner's story"))),
        default="mine",
        invalid=_l("Choose my story or my partner's story."),
    ),
    StoryField(
        "partner_name",
        _l("Your partner's first name"),
        LINE,
        max_length=40,
        hint=_l(
            "Only for your partner's story, and only if they agree to be named beside a quote."
        ),
        placeholder=_l("e.g. Aiko"),
        correctable=True,
        applies_when=("whose", "partner"),
    ),
    StoryField(
        "consent",
        _l("May we quote it?"),
        CHOICE,
        choices=(
            Choice(
                "named", _l("Quote it with my name"), _l("Your name may appear beside a quote.")
            ),
            Choice(
                "anonymous", _l("Quote it without a name"), _l("Quotes appear without your name.")
            ),
            Choice(
                "private",
                _l("Don't quote it"),
                _l("Never shown or quoted; it still counts in the themes."),
            ),
        ),
        # Clients must say whether a story may be quoted; the phone's page starts on this.
        default="anonymous",
        required=True,
        invalid=_l("Choose whether we may quote the story."),
    ),
)

# Story's own columns, as opposed to strengths, which are rows of their own.
COLUMNS = tuple(field.name for field in STORY_FIELDS if field.kind != STRENGTHS)
TEXTS = tuple(field.name for field in STORY_FIELDS if field.is_text)
CORRECTABLE = tuple(field.name for field in STORY_FIELDS if field.correctable)


def stored_values(story) -> dict:
    """Each field's value as stored on a Story: its column, or its strengths' names."""
    return {
        field.name: story.strength_names if field.kind == STRENGTHS else getattr(story, field.name)
        for field in STORY_FIELDS
    }


def applies(field: StoryField, values: dict) -> bool:
    """Whether the field applies to a story whose choices are `values`."""
    if field.applies_when is None:
        return True
    choice, value = field.applies_when
    return values.get(choice) == value


def blank_inapplicable(values: dict, story=None) -> dict:
    """The values with every field that does not apply emptied (a partner's name on the
    teller's own story), judged on the values' choices, or the stored story's where the
    values leave them out."""
    judged = values if story is None else {name: getattr(story, name) for name in COLUMNS} | values
    return values | {
        field.name: ""
        for field in STORY_FIELDS
        if field.name in values and not applies(field, judged)
    }


def for_scripts() -> dict:
    """What the phone's scripts need: the free-text fields, each choice's default, how many
    strengths a story may name and which fields apply only to one value of a choice."""
    return {
        "texts": list(TEXTS),
        "max_strengths": STRENGTHS_MAX,
        "choices": {field.name: field.default for field in STORY_FIELDS if field.kind == CHOICE},
        "applies_when": {
            field.name: list(field.applies_when) for field in STORY_FIELDS if field.applies_when
        },
    }
