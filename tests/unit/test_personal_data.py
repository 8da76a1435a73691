"""The personal-data detector: what it flags in stories, and what it leaves alone."""

import pytest

from ai_workshop.stories.personal_data import (
    ACCOUNT,
    EMAIL,
    PHONE,
    find_personal_data,
    iban_checks_out,
    kinds_found,
    luhn_checks_out,
    mask,
)

PLACEHOLDERS = {PHONE: "[phone number]", EMAIL: "[e-mail]", ACCOUNT: "[account number]"}

FLAGGED = [
    # e-mail addresses
    ("jane.doe@example.com", EMAIL),
    ("J.O'Neil+support@mail.example.co.uk", EMAIL),
    ("josé.müller@exämple.de", EMAIL),
    ("12345678@example.com", EMAIL),
    # phone numbers, international and local
    ("+44 20 7946 0958", PHONE),
    ("+44 (0)20 7946 0958", PHONE),
    ("+1 (555) 123-4567", PHONE),
    ("+4930123456", PHONE),
    ("+49 30 12345678", PHONE),
    ("+33 6 12 34 56 78", PHONE),
    ("0044 20 7946 0958", PHONE),
    ("020 7946 0958", PHONE),
    ("07700 900123", PHONE),
    ("07700900123", PHONE),
    ("(555) 123-4567", PHONE),
    ("555-123-4567", PHONE),
    ("555 123 4567", PHONE),
    ("1-800-555-0199", PHONE),
    ("06 12 34 56 78", PHONE),
    ("01-23-45-67-89", PHONE),
    ("1234-5678", PHONE),
    # card numbers (Luhn), IBANs, long account and order numbers
    ("4111 1111 1111 1111", ACCOUNT),
    ("4111-1111-1111-1111", ACCOUNT),
    ("4111111111111111", ACCOUNT),
    ("3782 822463 10005", ACCOUNT),
    ("1234 5678 9012 3456", ACCOUNT),
    ("GB82 WEST 1234 5698 7654 32", ACCOUNT),
    ("gb82west12345698765432", ACCOUNT),
    ("DE89 3704 0044 0532 0130 00", ACCOUNT),
    ("12345678", ACCOUNT),
    ("987654321012", ACCOUNT),
]


@pytest.mark.parametrize(("text", "kind"), FLAGGED)
def test_flags_the_whole_detail_alone(text, kind):
    (finding,) = find_personal_data(text)
    assert (finding.kind, finding.start, finding.end, finding.text) == (kind, 0, len(text), text)


@pytest.mark.parametrize(("text", "kind"), FLAGGED)
def test_flags_the_detail_inside_a_sentence(text, kind):
    sentence = f"The customer gave me {text}. I called back the next day."
    (finding,) = find_personal_data(sentence)
    assert finding.kind == kind
    assert sentence[finding.start : finding.end] == text


SENTENCES = [
    (
        "Tel:020 7946 0958 and jo@example.org",
        [(PHONE, "020 7946 0958"), (EMAIL, "jo@example.org")],
    ),
    ("Call 020 7946 0958 3 times a day", [(PHONE, "020 7946 0958")]),
    ("order 12345678 arrived", [(ACCOUNT, "12345678")]),
    ("ref ABC12345678, sort code 12-34-56", [(ACCOUNT, "12345678")]),
    ("see https://shop.example/orders/98765432", [(ACCOUNT, "98765432")]),
    ("(account 87654321)", [(ACCOUNT, "87654321")]),
    ("IBAN BE68 5390 0754 7034 and the rest", [(ACCOUNT, "BE68 5390 0754 7034")]),
    ("card 4111 1111 1111 1111 on 12/03/2025", [(ACCOUNT, "4111 1111 1111 1111")]),
    ("Write to ann@example.com.", [(EMAIL, "ann@example.com")]),
    ("She said 'ann@example.com' twice", [(EMAIL, "ann@example.com")]),
]


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES)
def test_finds_each_detail_with_its_position(sentence, expected):
    findings = find_personal_data(sentence)
    assert [(finding.kind, finding.text) for finding in findings] == expected
    for finding in findings:
        assert sentence[finding.start : finding.end] == finding.text


ORDINARY = [
    "In 2024 we took 3 calls in 10 minutes.",
    "From 2019-2024, and again in 1999 2000 2001.",
    "On 12/03/2025 and 2025-03-12 and 12.03.2025 and 12-03-2025 and 3/12/25.",
    "The call was on 2025-03-12 14:30 and ended 15:45:10.",
    "We are there 24/7, with 95% satisfaction and 99.9% uptime.",
    "The refund was £1,250.00; the fee $30; the order €1.250.000,00.",
    "A bill of €12345678, then 12345678 €, then EUR 12345678 and 1 250 000 EUR.",
    "We handled 12 000 000 calls and 1 250 000 e-mails last year.",
    "It took 2h 30m, 45-60 minutes, a 9-5 shift and 1:30:00 on the line.",
    "Our 0800-2000 shift, open 0900 1730.",
    "Version 10.0.19045, v2.3.1, iOS 17.4.1, and pi is 3.14159265.",
    "1,234,567,890 customers, or 1234,5678 in another notation.",
    "Rated 4 out of 5, top 10, 100 tickets, 365 days, ticket #4521, room 101.",
    "She waited 1234567 seconds, a seven-digit number.",
    "Mail us at the usual address @support, not at example.com.",
    "+1 5 apples",
    "",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_leaves_ordinary_story_text_alone(text):
    assert find_personal_data(text) == ()


def test_kinds_come_in_a_fixed_order_without_repeats():
    text = "Mail a@example.com, call 020 7946 0958 or 555-123-4567, card 4111111111111111."
    assert kinds_found(text) == [PHONE, EMAIL, ACCOUNT]
    assert kinds_found("Nothing personal in 2024.") == []


def test_mask_replaces_every_detail_and_keeps_the_rest():
    text = "Jo (jo@example.com, 020 7946 0958) paid with 4111 1111 1111 1111 on 12/03/2025."
    masked, count = mask(text, PLACEHOLDERS)
    assert masked == ("Jo ([e-mail], [phone number]) paid with [account number] on 12/03/2025.")
    assert count == 3
    assert find_personal_data(masked) == ()


def test_mask_leaves_clean_text_unchanged():
    assert mask("We fixed it in 10 minutes.", PLACEHOLDERS) == ("We fixed it in 10 minutes.", 0)


def test_checksums():
    assert luhn_checks_out("4111111111111111")
    assert not luhn_checks_out("4111111111111112")
    assert iban_checks_out("GB82 WEST 1234 5698 7654 32")
    assert not iban_checks_out("GB83 WEST 1234 5698 7654 32")
    assert not iban_checks_out("GB82 WEST")


def test_an_iban_with_a_wrong_check_digit_is_still_caught_by_its_digits():
    (finding,) = find_personal_data("GB83 WEST 1234 5698 7654 32")
    assert finding.text == "1234 5698 7654 32"
