"""The phase registry: one module per phase, and every screen it declares has its template."""

from pathlib import Path

import pytest

from ai_workshop.phases import PHASES
from ai_workshop.phases.base import SCREENS
from ai_workshop.phases.registry import all_phases, phase_of, phase_template

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def test_every_phase_has_one_module_in_the_order_the_room_walks_them():
    assert tuple(phase.name for phase in all_phases()) == PHASES
    assert [phase_of(name).name for name in PHASES] == list(PHASES)


@pytest.mark.parametrize("phase", all_phases(), ids=lambda phase: phase.name)
def test_each_declared_screen_has_its_template_and_no_other_does(phase):
    folder = TEMPLATES / "phases" / phase.folder
    for screen in SCREENS:
        template = phase.template(screen)
        if phase.has(screen):
            assert (TEMPLATES / template).is_file(), template
        else:
            assert template is None
            assert not (folder / f"{screen}.html").exists(), f"{folder}/{screen}.html is unused"


def test_a_screen_without_a_part_of_its_own_gets_no_template_and_no_context():
    welcome = phase_of("define")
    assert phase_template("define", "console") is None
    assert welcome.context("console", object()) == {}
    assert phase_template("dream", "console") == "phases/dream/console.html"


def test_an_unknown_screen_is_refused():
    with pytest.raises(ValueError):
        phase_of("dream").template("wall")


def test_the_plan_hears_from_every_phase_that_feeds_it():
    fed = {phase.name for phase in all_phases() if phase.plan is not None}
    assert fed == {"discover", "dream", "design", "destiny"}
