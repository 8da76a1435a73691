"""Stories collected on paper, typed in from a file: validated by the phone form's rules."""

import uuid

from werkzeug.datastructures import MultiDict

from ai_workshop.extensions import db
from ai_workshop.live import mark_changed
from ai_workshop.models import Story, Workshop
from ai_workshop.stories.fields import COLUMNS
from ai_workshop.stories.forms import StoryForm


def import_stories(workshop: Workshop, rows: list[dict]) -> tuple[int, list[str]]:
    """Add every valid row as a story without a teller; returns (added, reasons skipped)."""
    vocabulary = workshop.strengths_vocabulary
    added, skipped = 0, []
    for number, row in enumerate(rows, start=1):
        # A column the rows do not have (one newer than the file) takes the form's default.
        formdata = MultiDict([(name, row[name]) for name in COLUMNS if name in row])
        formdata["client_id"] = str(uuid.uuid4())
        form = StoryForm(
            formdata=formdata,
            meta={"csrf": False},
            vocabulary=vocabulary,
            free_strengths=row["strengths"],
        )
        if not form.validate():
            problems = "; ".join(
                f"{field}: {messages[0]}" for field, messages in form.errors.items()
            )
            skipped.append(f"story {number}: {problems}")
            continue
        fields = form.story_fields()
        story = Story(workshop_id=workshop.id, participant_id=None, client_id=fields["client_id"])
        for name in COLUMNS:
            setattr(story, name, fields[name])
        story.set_strengths(fields["strengths"], vocabulary)
        db.session.add(story)
        added += 1
    if added:
        mark_changed(workshop)
    return added, skipped
