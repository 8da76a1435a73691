from ai_workshop.contributions.tense import future_words, tense_hint


def test_future_and_conditional_wording_is_found():
    assert future_words("We will answer every call and we'll call back.") == ["will", "we'll"]
    assert future_words("We should and would; we want to, we hope to.") == [
        "should", "would", "we want to", "we hope",
    ]  # fmt: skip


def test_present_tense_passes_without_a_hint(app):
    text = "One person owns each customer's issue from first contact to confirmed resolution."
    assert future_words(text) == []
    assert tense_hint(text) is None


def test_the_hint_names_what_it_found(app):
    hint = tense_hint("We will own every issue.")
    assert "present tense" in hint and "“will”" in hint


def test_words_inside_other_words_are_not_flagged():
    assert future_words("Willow is skilful; she shouldered it.") == []


def test_rooms_in_other_languages_are_not_checked_for_english_words():
    # German "will" means "wants": a German proposition must not be told it is in the future.
    assert future_words("Jede Kundin, die will, erreicht uns sofort.", "de") == []
    assert tense_hint("Jede Kundin, die will, erreicht uns sofort.", "de") is None
    assert future_words("Jede Kundin, die will, erreicht uns sofort.", "en") == ["will"]
