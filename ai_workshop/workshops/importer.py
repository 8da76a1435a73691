"""Restore a workshop from its JSON export, in this database, under a facilitator."""

from datetime import date, datetime

from sqlalchemy import select

from ai_workshop.domain_errors import ValidationFailed
from ai_workshop.extensions import db
from ai_workshop.models import ActionVolunteer, Participant, Plan, StoryStrength, VoteDot, Workshop
from ai_workshop.workshops.exports import FORMAT_VERSION, KINDS, PLAN_FIELDS, WORKSHOP_FIELDS
from ai_workshop.workshops.services import unused_code

# Which kind each foreign key points at, so old ids can be mapped to new ones.
REFERENCES = {
    "participant_id": "participants",
    "theme_id": "themes",
    "secondary_theme_id": "themes",
    "representative_story_id": "stories",
    "proposition_id": "propositions",
    "merged_into_id": "propositions",
}
DEFERRED = {"representative_story_id", "merged_into_id"}  # point at rows made later or alongside
OPTION_KIND = {"dreams": "dreams", "themes": "themes", "propositions": "propositions"}
ORDER = [
    "participants",
    "themes",
    "stories",
    "dreams",
    "votes",
    "propositions",
    "actions",
    "commitments",
]


def _value(model, name: str, value):
    """Turn exported text back into the column's type."""
    if value is None:
        return None
    python_type = model.__table__.columns[name].type.python_type
    if python_type is datetime:
        return datetime.fromisoformat(value)
    if python_type is date:
        return date.fromisoformat(value)
    return value


def _check(data: dict) -> None:
    if not isinstance(data, dict) or data.get("format") != "ai-workshop":
        raise ValidationFailed("This is not an AI Workshop export.")
    if data.get("version") != FORMAT_VERSION:
        raise ValidationFailed(f"Export version {data.get('version')} is not supported here.")


def _workshop(data: dict, facilitator) -> Workshop:
    fields = {
        name: _value(Workshop, name, data["workshop"][name])
        for name in WORKSHOP_FIELDS
        if name in data["workshop"]  # not in an older export: the model's default
    }
    taken = db.session.scalar(select(Workshop.id).where(Workshop.code == fields["code"]))
    if taken is not None:
        fields["code"] = unused_code()
    workshop = Workshop(facilitator_id=facilitator.id, version=1, **fields)
    db.session.add(workshop)
    db.session.flush()
    return workshop


def _create(kind: str, rows: list[dict], workshop: Workshop, ids: dict) -> list[tuple]:
    model, columns = KINDS[kind]
    made = []
    for row in rows:
        values = {}
        for key, attribute in columns.items():
            if key == "id" or key not in row:  # not in an older export: the model's default
                continue
            value = row.get(key)
            if key in REFERENCES and value is not None:
                value = None if key in DEFERRED else ids[REFERENCES[key]].get(value)
            values[attribute] = _value(model, attribute, value)
        item = model(workshop_id=workshop.id, **values)
        if kind == "participants":
            item.assign_token(
                Participant.new_token()
            )  # phones join afresh; tokens are never exported
        db.session.add(item)
        made.append((row, item))
    db.session.flush()
    ids[kind] = {row["id"]: item.id for row, item in made}
    return made


def import_workshop(data: dict, facilitator) -> Workshop:
    _check(data)
    workshop = _workshop(data, facilitator)
    ids: dict[str, dict[int, int]] = {}
    made = {kind: _create(kind, data.get(kind) or [], workshop, ids) for kind in ORDER}
    for row, story in made["stories"]:
        for position, name in enumerate(row.get("strengths") or []):
            db.session.add(StoryStrength(story_id=story.id, name=name, position=position,
                                         from_vocabulary=name in workshop.strengths_vocabulary))  # fmt: skip
    for row, theme in made["themes"]:
        theme.representative_story_id = ids["stories"].get(row.get("representative_story_id"))
        # The stories a summary quotes are cited by id: cite the imported copies.
        cited = row.get("summary_story_ids") or []
        theme.summary_story_ids = [ids["stories"][old] for old in cited if old in ids["stories"]]
    for row, proposition in made["propositions"]:
        proposition.merged_into_id = ids["propositions"].get(row.get("merged_into_id"))
    targets = {row["id"]: row["target"] for row in data.get("votes") or []}
    for dot in data.get("vote_dots") or []:
        option_kind = OPTION_KIND[targets[dot["vote_id"]]]
        db.session.add(VoteDot(vote_id=ids["votes"][dot["vote_id"]], dots=dot["dots"],
                               participant_id=ids["participants"][dot["participant_id"]],
                               option_id=ids[option_kind][dot["option_id"]]))  # fmt: skip
    for volunteer in data.get("volunteers") or []:
        db.session.add(ActionVolunteer(action_id=ids["actions"][volunteer["action_id"]],
                                       participant_id=ids["participants"][volunteer["participant_id"]]))  # fmt: skip
    if data.get("plan"):
        db.session.add(
            Plan(workshop_id=workshop.id, **{name: data["plan"][name] for name in PLAN_FIELDS})
        )
    db.session.flush()
    return workshop
