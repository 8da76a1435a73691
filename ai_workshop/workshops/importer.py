"""Restore a workshop from its JSON export, in this database, under a facilitator."""

from sqlalchemy import select

from ai_workshop.domain_errors import ValidationFailed
from ai_workshop.extensions import db
from ai_workshop.models import ActionVolunteer, Participant, Plan, StoryStrength, VoteDot, Workshop
from ai_workshop.models.joincode import looks_like_code, normalise_code
from ai_workshop.workshops.exports import FORMAT_VERSION, KINDS, PLAN_FIELDS, WORKSHOP_FIELDS
from ai_workshop.workshops.import_checks import checked_value
from ai_workshop.workshops.services import unused_code

# Which kind each foreign key points at, so old ids can be mapped to new ones.
REFERENCES = {
    "participant_id": "participants",
    "host_participant_id": "participants",
    "theme_id": "themes",
    "secondary_theme_id": "themes",
    "team_theme_id": "themes",
    "representative_story_id": "stories",
    "proposition_id": "propositions",
    "merged_into_id": "propositions",
    "check_in_id": "check_ins",
    "action_id": "actions",
}
# These point at rows made later or alongside: set once every row is made.
DEFERRED = {"representative_story_id", "merged_into_id", "team_theme_id"}
OPTION_KIND = {"dreams": "dreams", "themes": "themes", "propositions": "propositions"}
ORDER = [
    "participants",
    "round_tables",
    "themes",
    "stories",
    "dreams",
    "votes",
    "propositions",
    "actions",
    "commitments",
    "check_ins",
    "action_reports",
    "check_in_stories",
]


def _check(data: dict) -> None:
    if not isinstance(data, dict) or data.get("format") != "ai-workshop":
        raise ValidationFailed("This is not an AI Workshop export.")
    if data.get("version") != FORMAT_VERSION:
        raise ValidationFailed(f"Export version {data.get('version')} is not supported here.")


def _workshop(data: dict, facilitator) -> Workshop:
    exported = data.get("workshop")
    if not isinstance(exported, dict):
        raise ValidationFailed("The export has no workshop.")
    fields = {
        name: checked_value(Workshop, name, exported[name], "workshop")
        for name in WORKSHOP_FIELDS
        if name in exported and name != "code"  # not in an older export: the model's default
    }
    # A code the phones could not type (lower case, a line break) gets a new one, as does
    # one in use here already.
    exported_code = exported.get("code")
    code = normalise_code(exported_code if isinstance(exported_code, str) else "")
    taken = db.session.scalar(select(Workshop.id).where(Workshop.code == code))
    fields["code"] = code if looks_like_code(code) and taken is None else unused_code()
    workshop = Workshop(facilitator_id=facilitator.id, version=1, **fields)
    db.session.add(workshop)
    db.session.flush()
    return workshop


def _create(kind: str, rows: list[dict], workshop: Workshop, ids: dict) -> list[tuple]:
    model, columns = KINDS[kind]
    made = []
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise ValidationFailed(f"The export's {kind} must be a list of rows.")
    for number, row in enumerate(rows, start=1):
        values = {}
        for key, attribute in columns.items():
            if key == "id" or key not in row:  # not in an older export: the model's default
                continue
            value = row.get(key)
            if key in REFERENCES and value is not None:
                if key in DEFERRED:
                    value = None
                elif value in ids[REFERENCES[key]]:
                    value = ids[REFERENCES[key]][value]
                else:
                    raise ValidationFailed(
                        f"The export's {kind} row {number} refers to {REFERENCES[key]} "
                        "that are not in it."
                    )
            values[attribute] = checked_value(model, attribute, value, f"{kind} row {number}")
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
    """The imported workshop; ValidationFailed, with nothing stored, for a damaged export."""
    try:
        return _import(data, facilitator)
    except (KeyError, TypeError, AttributeError) as error:
        raise ValidationFailed(
            f"The export is incomplete or damaged: {error!s:.60} is missing or refers to nothing."
        ) from error


def _import(data: dict, facilitator) -> Workshop:
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
    for row, participant in made["participants"]:
        participant.team_theme_id = ids["themes"].get(row.get("team_theme_id"))
    for row, proposition in made["propositions"]:
        proposition.merged_into_id = ids["propositions"].get(row.get("merged_into_id"))
    targets = {row["id"]: row["target"] for row in data.get("votes") or []}
    for number, dot in enumerate(data.get("vote_dots") or [], start=1):
        option_kind = OPTION_KIND[targets[dot["vote_id"]]]
        dots = checked_value(VoteDot, "dots", dot["dots"], f"vote_dots row {number}")
        db.session.add(VoteDot(vote_id=ids["votes"][dot["vote_id"]], dots=dots,
                               participant_id=ids["participants"][dot["participant_id"]],
                               option_id=ids[option_kind][dot["option_id"]]))  # fmt: skip
    for volunteer in data.get("volunteers") or []:
        db.session.add(ActionVolunteer(action_id=ids["actions"][volunteer["action_id"]],
                                       participant_id=ids["participants"][volunteer["participant_id"]]))  # fmt: skip
    if data.get("plan"):
        db.session.add(
            Plan(
                workshop_id=workshop.id,
                **{
                    name: checked_value(Plan, name, data["plan"][name], "plan")
                    for name in PLAN_FIELDS
                },
            )
        )
    db.session.flush()
    return workshop
