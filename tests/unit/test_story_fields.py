"""The story's field table agrees with the model, so a new entry fails here, not in a room."""

from ai_workshop.models import Story
from ai_workshop.stories.fields import CHOICE, COLUMNS, STORY_FIELDS


def test_every_field_but_strengths_is_a_column_of_story_wide_enough_for_it():
    columns = Story.__table__.columns
    for field in STORY_FIELDS:
        if field.name not in COLUMNS:
            continue
        assert field.name in columns, f"Story has no column {field.name}"
        length = getattr(columns[field.name].type, "length", None)
        longest = field.max_length or max(len(choice.value) for choice in field.choices)
        assert length is None or length >= longest, field.name


def test_text_fields_have_limits_and_choices_start_on_one_of_their_own():
    for field in STORY_FIELDS:
        if field.is_text:
            assert 0 <= field.min_length < field.max_length, field.name
        elif field.kind == CHOICE:
            assert field.default in [choice.value for choice in field.choices], field.name
        assert not field.correctable or field.is_text, f"{field.name} is the teller's to change"


def test_one_name_per_field():
    names = [field.name for field in STORY_FIELDS]
    assert len(set(names)) == len(names)
    assert len({field.export_key for field in STORY_FIELDS}) == len(names)
