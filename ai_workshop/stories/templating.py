"""What templates need of stories: the field table, the strength picker's order, and
customers' details marked."""

from markupsafe import Markup, escape

from ai_workshop.stories.fields import STORY_FIELDS, for_scripts
from ai_workshop.stories.personal_data import find_personal_data
from ai_workshop.stories.queries import picker_order


def mark_personal_data(text: str | None) -> Markup:
    """The text, escaped, with what looks like a customer's details in <mark> for the console."""
    text = text or ""
    parts, position = [], 0
    for finding in find_personal_data(text):
        parts.append(escape(text[position : finding.start]))
        parts.append(Markup('<mark class="personal">%s</mark>') % finding.text)
        position = finding.end
    parts.append(escape(text[position:]))
    return Markup("").join(parts)


def strength_chips(workshop, field) -> tuple[list, list]:
    """The strengths field's options split into the chips shown at once and the rest.

    A global rather than a view's context: both pages that draw the story form (the phone's
    page, which may draw it again with errors, and a story's edit page) get the same order,
    and the query runs only when the form is drawn, never for a story that is stored.
    """
    options = {option.data: option for option in field}
    shown, rest = picker_order(workshop, [option.data for option in field if option.checked])
    return [options[name] for name in shown], [options[name] for name in rest]


def init_story_templating(app) -> None:
    app.jinja_env.globals.update(
        story_fields=STORY_FIELDS, story_script_fields=for_scripts(), strength_chips=strength_chips
    )
    app.jinja_env.filters["mark_personal_data"] = mark_personal_data
