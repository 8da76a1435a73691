"""Interview pairs at a round table: who interviews whom, in which order.

The people at a table, in the order they sat down, pair off two by two; an odd one out makes
the last pair a three. Around each small group everyone interviews the next person and is
interviewed by the one before, so a pair swaps once and a three goes round three times.
"""

from dataclasses import dataclass


def interview_groups(people: list) -> list[list]:
    """`people` in the order they sat down, in pairs, the last a three when the count is odd."""
    groups = [people[i : i + 2] for i in range(0, len(people) - len(people) % 2, 2)]
    if len(people) % 2:
        if groups:
            groups[-1].append(people[-1])
        else:
            groups.append([people[-1]])
    return groups


@dataclass(frozen=True)
class Round:
    interviewer: object
    teller: object


@dataclass(frozen=True)
class Interview:
    """One person's part in their group's interviews."""

    group: list
    rounds: list[Round]
    interviews: object | None  # whom this person interviews (on their left)
    interviewed_by: object | None  # who interviews them (on their right)

    @property
    def alone(self) -> bool:
        return len(self.group) < 2


def interview_of(person, people: list) -> Interview | None:
    """`person`'s group and rounds among `people` (compared by id), or None if not there."""
    for group in interview_groups(people):
        ids = [member.id for member in group]
        if person.id not in ids:
            continue
        size = len(group)
        rounds = [Round(group[i], group[(i + 1) % size]) for i in range(size)] if size > 1 else []
        at = ids.index(person.id)
        return Interview(
            group=group,
            rounds=rounds,
            interviews=group[(at + 1) % size] if size > 1 else None,
            interviewed_by=group[(at - 1) % size] if size > 1 else None,
        )
    return None
