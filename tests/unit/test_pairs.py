"""Interview pairs at a round table: two by two in the order people sat down, a three for
the odd one out, and everyone interviews the next person round their small group."""

from dataclasses import dataclass

import pytest

from ai_workshop.participants.pairs import interview_groups, interview_of


@dataclass(frozen=True)
class Person:
    id: int
    display_name: str | None = None


def people(count: int) -> list[Person]:
    return [Person(i) for i in range(1, count + 1)]


def ids(groups) -> list[list[int]]:
    return [[person.id for person in group] for group in groups]


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (0, []),
        (1, [[1]]),
        (2, [[1, 2]]),
        (3, [[1, 2, 3]]),
        (4, [[1, 2], [3, 4]]),
        (7, [[1, 2], [3, 4], [5, 6, 7]]),
        (8, [[1, 2], [3, 4], [5, 6], [7, 8]]),
    ],
)
def test_people_pair_off_in_the_order_they_sat_down(count, expected):
    assert ids(interview_groups(people(count))) == expected


def test_in_a_pair_each_interviews_the_other_and_they_swap_once():
    a, b, c, d = people(4)
    interview = interview_of(b, [a, b, c, d])
    assert interview.interviews == a and interview.interviewed_by == a
    assert [(r.interviewer.id, r.teller.id) for r in interview.rounds] == [(1, 2), (2, 1)]


def test_a_three_goes_round_three_times():
    everyone = people(5)
    interview = interview_of(everyone[4], everyone)
    assert [p.id for p in interview.group] == [3, 4, 5]
    assert interview.interviews.id == 3 and interview.interviewed_by.id == 4
    rounds = [(r.interviewer.id, r.teller.id) for r in interview.rounds]
    assert rounds == [(3, 4), (4, 5), (5, 3)]
    # Everyone tells once and interviews once.
    assert sorted(t for _i, t in rounds) == sorted(i for i, _t in rounds) == [3, 4, 5]


def test_someone_alone_or_elsewhere():
    (alone,) = people(1)
    interview = interview_of(alone, [alone])
    assert interview.alone and interview.rounds == [] and interview.interviews is None
    assert interview_of(Person(99), people(4)) is None
