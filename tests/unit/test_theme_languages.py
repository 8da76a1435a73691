"""Themes in the room's language: the engine each room gets, words of any script, and a
room telling the same kinds of story in two languages finding themes, not languages."""

import pytest
from sklearn.metrics import adjusted_rand_score

from ai_workshop.themes import StoryInput, suggest_themes
from ai_workshop.themes.embedders import (
    MINILM,
    MULTILINGUAL,
    minilm_installed,
    multilingual_installed,
    resolve_engine,
)
from ai_workshop.themes.text import content_words

needs_multilingual = pytest.mark.skipif(
    not multilingual_installed(), reason="the multilingual wheel is in requirements-models.txt"
)


@needs_multilingual
def test_rooms_in_other_languages_get_the_multilingual_engine():
    assert resolve_engine(None, "de") == MULTILINGUAL
    assert resolve_engine(None, "ja") == MULTILINGUAL
    assert resolve_engine(None, "en") == (MINILM if minilm_installed() else "static")
    assert resolve_engine("static", "ja") == "static"  # asked for by name, it is used


def test_words_of_every_script_count_and_each_language_stop_words_do_not():
    assert content_words("Die schnelle Rückerstattung hat die Kundin überzeugt") == [
        "schnelle", "rückerstattung", "überzeugt",
    ]  # fmt: skip
    assert content_words("L'équipe a pris l'initiative") == ["initiative"]
    assert "信頼" in content_words("お客様の信頼を取り戻しました")
    assert "客様" not in content_words("お客様の信頼を取り戻しました")
    assert content_words("ساعدت العميل على استرداد المبلغ") == ["ساعدت", "استرداد", "المبلغ"]


REFUND = [
    ("Refund on the spot", "I was trusted to refund the double charge myself while she was still on the line, no manager needed.", "Authority to fix it on the first call"),
    ("Fee waived at once", "I waived the late fee there and then because the mistake was ours, and he stayed with us.", "Being allowed to put things right myself"),
    ("Credit without approval", "I gave the family a goodwill credit straight away instead of sending it for sign-off.", "Trust to decide on the spot"),
    ("Sofort erstattet", "Ich durfte die doppelte Abbuchung selbst sofort erstatten, noch während sie am Telefon war, ohne Teamleitung.", "Die Befugnis, es beim ersten Anruf zu lösen"),
    ("Gebühr gleich erlassen", "Ich habe die Mahngebühr sofort erlassen, weil der Fehler bei uns lag, und er ist geblieben.", "Dass ich Dinge selbst richtigstellen darf"),
    ("Gutschrift ohne Freigabe", "Ich habe der Familie direkt eine Kulanzgutschrift gegeben, statt sie zur Freigabe zu schicken.", "Vertrauen, vor Ort zu entscheiden"),
]  # fmt: skip
TEACHING = [
    ("Huddle tip that spread", "I shared my trick for tracing lost parcels at the morning huddle and by Friday the whole floor used it.", "A team that teaches each other every day"),
    ("Pairing with a new starter", "I sat with our new colleague for a week and we wrote the billing guide together as we went.", "Time set aside to pair and learn"),
    ("The how-to library", "We wrote short how-to guides for the tricky router settings so nobody has to guess alone.", "Sharing what works instead of keeping it"),
    ("Tipp in der Teamrunde", "Ich habe in der Morgenrunde meinen Trick zum Nachverfolgen verlorener Pakete gezeigt, und am Freitag nutzte ihn die ganze Etage.", "Ein Team, das sich jeden Tag etwas beibringt"),
    ("Einarbeitung im Tandem", "Ich saß eine Woche neben unserer neuen Kollegin, und wir haben dabei zusammen den Leitfaden zur Rechnung geschrieben.", "Zeit zum gemeinsamen Lernen"),
    ("Die Anleitungssammlung", "Wir haben kurze Anleitungen für die kniffligen Router-Einstellungen geschrieben, damit niemand allein raten muss.", "Teilen, was funktioniert"),
]  # fmt: skip


@needs_multilingual
def test_a_room_writing_in_two_languages_finds_themes_not_languages():
    told = [(entry, "refund") for entry in REFUND] + [(entry, "teaching") for entry in TEACHING]
    stories = [StoryInput(h, s, m, ()) for (h, s, m), _theme in told]
    result = suggest_themes(stories, k=2, engine=MULTILINGUAL)
    labels = [0] * len(stories)
    for number, theme in enumerate(result.themes):
        for member in theme.members:
            labels[member] = number
    assert adjusted_rand_score([theme for _entry, theme in told], labels) == 1.0
