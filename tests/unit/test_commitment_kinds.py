"""The projector puts "I need" before a request only when the request does not say it."""

import pytest

from ai_workshop.phases.destiny import ScreenCommitment


@pytest.mark.parametrize(
    ("label", "text", "says"),
    [
        ("I need", "I need ten minutes with the network lead.", True),
        ("I offer", "I can show anyone the how-to library.", False),
        ("Eu preciso", "Preciso de dez minutos com a liderança.", True),  # pronoun dropped
        ("Eu vou", "Vou retornar a ligação no horário.", True),
        ("Necesito", "Necesito diez minutos con el responsable.", True),
        ("J’ai besoin", "J’ai besoin de dix minutes.", True),
        ("Ich werde", "Ich rufe alle Kundinnen pünktlich zurück.", False),
        ("Ich brauche", "Ich brauche zehn Minuten mit der Leitung.", True),
        ("أحتاج", "أحتاج إلى عشر دقائق مع المسؤول.", True),
    ],
)
def test_a_sentence_that_says_its_kind_gets_no_label(label, text, says):
    assert ScreenCommitment(1, "request", label, text, None).says_kind is says
