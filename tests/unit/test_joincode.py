from ai_workshop.models.joincode import (
    ALPHABET,
    LENGTH,
    generate_code,
    looks_like_code,
    normalise_code,
)


def test_alphabet_has_no_look_alikes():
    for confusable in "0O1IL":
        assert confusable not in ALPHABET


def test_generated_codes_use_only_the_alphabet():
    codes = {generate_code() for _ in range(500)}
    assert all(len(code) == LENGTH and set(code) <= set(ALPHABET) for code in codes)
    assert len(codes) > 490  # random, not a fixed sequence


def test_normalise_accepts_what_people_type():
    assert normalise_code(" abc-234 ") == "ABC234"
    assert normalise_code("abc 234") == "ABC234"


def test_looks_like_code_rejects_wrong_length_and_characters():
    assert looks_like_code("ABC234")
    assert not looks_like_code("ABC23")
    assert not looks_like_code("ABC2O4")  # letter O is not in the alphabet
