from datetime import timedelta

from ai_workshop.clock import utcnow
from ai_workshop.extensions import db
from ai_workshop.models.joincode import ALPHABET
from ai_workshop.workshops import services
from ai_workshop.workshops.template_library import CUSTOMER_SERVICE_STRENGTHS


def test_customer_service_template_fills_every_field(make, facilitator):
    workshop = make.workshop(facilitator, template="customer-service", name="Support offsite")
    assert workshop.name == "Support offsite"
    assert "customers" in workshop.topic.lower()
    assert len(workshop.questions) >= 4
    assert "year from now" in workshop.dream_prompt
    assert workshop.strengths_vocabulary == CUSTOMER_SERVICE_STRENGTHS
    assert workshop.phase == "define"


def test_blank_template_leaves_topic_to_the_facilitator(make, facilitator):
    workshop = make.workshop(facilitator, template="blank", name="Blank")
    assert workshop.topic == ""
    assert workshop.strengths_vocabulary == []
    assert workshop.questions


def test_each_workshop_gets_its_own_readable_code(make, facilitator):
    codes = {make.workshop(facilitator, name=f"W{i}").code for i in range(25)}
    assert len(codes) == 25
    assert all(set(code) <= set(ALPHABET) for code in codes)


def test_find_workshop_accepts_lower_case_and_spaces(make, facilitator):
    workshop = make.workshop(facilitator, name="W")
    spaced = f" {workshop.code[:3].lower()} {workshop.code[3:].lower()} "
    assert services.find_workshop(spaced).id == workshop.id


def test_phase_and_timer_changes_bump_the_version(make, facilitator):
    workshop = make.workshop(facilitator, name="W")
    start = workshop.version
    services.set_phase(workshop, "discover")
    db.session.commit()
    db.session.refresh(workshop)
    after_phase = workshop.version
    services.control_timer(workshop, "start", 300)
    db.session.commit()
    db.session.refresh(workshop)
    assert start < after_phase < workshop.version
    assert workshop.timer_ends_at is not None


def test_a_timer_that_ran_out_leaves_with_its_phase(make, facilitator):
    workshop = make.workshop(facilitator, name="W", phase="discover")
    services.control_timer(workshop, "start", 60)
    workshop.timer_ends_at = utcnow() - timedelta(seconds=5)  # ran out five seconds ago
    services.set_phase(workshop, "discover")  # the same phase again changes nothing
    assert workshop.timer_state(utcnow()) == "finished"
    services.set_phase(workshop, "dream")
    assert workshop.timer_state(utcnow()) == "idle"


def test_a_running_timer_goes_on_into_the_next_phase(make, facilitator):
    workshop = make.workshop(facilitator, name="W", phase="discover")
    services.control_timer(workshop, "start", 300)
    services.set_phase(workshop, "dream")
    assert workshop.timer_state(utcnow()) == "running"
