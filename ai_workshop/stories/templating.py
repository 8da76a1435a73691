"""What templates need of stories: the field table, and customers' details marked."""

from markupsafe import Markup, escape

from ai_workshop.stories.fields import STORY_FIELDS, for_scripts
from ai_workshop.stories.personal_data import find_personal_data


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


def init_story_templating(app) -> None:
    app.jinja_env.globals.update(story_fields=STORY_FIELDS, story_script_fields=for_scripts())
    app.jinja_env.filters["mark_personal_data"] = mark_personal_data
