"""Who a quote is by: the teller who lived it, as they allowed, never the one who wrote a
partner's story down."""

import pytest

from ai_workshop.models import Participant, Story


def story(consent, whose="mine", partner_name=""):
    return Story(
        headline="The refund that became a referral",
        story="A long enough story about the refund.",
        consent=consent,
        whose=whose,
        partner_name=partner_name,
        participant=Participant(display_name="Aiko"),
    )


def test_ones_own_story_is_quoted_with_ones_name_when_allowed():
    assert story("named").attribution == "Aiko"


@pytest.mark.parametrize("consent", ["anonymous", "private"])
def test_no_name_without_consent(consent):
    assert story(consent).attribution is None
    assert story(consent, "partner", "Ben").attribution is None


def test_a_partners_story_is_quoted_with_the_partners_name_never_the_writers():
    assert story("named", "partner", "Ben").attribution == "Ben"
    assert story("named", "partner").attribution is None
