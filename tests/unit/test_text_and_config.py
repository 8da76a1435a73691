from ai_workshop.config import normalise_database_url
from ai_workshop.phases import PHASES, next_phase, phase_label, previous_phase
from ai_workshop.text import clean_line, clean_text


def test_clean_text_removes_nul_and_control_characters_but_keeps_emoji_and_newlines():
    assert clean_text("  hi\x00 there\x07\r\nnext 🎉 ") == "hi there\nnext 🎉"


def test_clean_line_folds_white_space():
    assert clean_line("  a \n\t b  ") == "a b"


def test_postgres_urls_use_psycopg3():
    assert normalise_database_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_database_url("sqlite:///x.db") == "sqlite:///x.db"


def test_all_phases_are_known_in_order():
    assert PHASES == ("define", "discover", "dream", "design", "destiny", "closed")
    assert next_phase("define") == "discover"
    assert next_phase("closed") is None
    assert previous_phase("define") is None


def test_phase_vocabularies_name_the_same_phases(app):
    assert phase_label("discover", "4d") == "Discovery"
    assert phase_label("discover", "4i") == "Inquire"
    assert phase_label("destiny", "4i") == "Implement"
    assert phase_label("define", "5d") == "Define"
