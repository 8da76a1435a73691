"""Whose language each page speaks: a phone its person's, the console its facilitator's,
the projector, the plan and its PDF the workshop's; <html lang dir> always says which."""

import io
import re
from pathlib import Path

import pytest
from babel.dates import format_date
from babel.messages.pofile import read_po
from flask import g
from pypdf import PdfReader

from ai_workshop.board.summaries import joined
from ai_workshop.extensions import db
from ai_workshop.i18n import LANGUAGES
from ai_workshop.models import Facilitator, Workshop
from ai_workshop.workshops.template_library import TEMPLATES

from ..factories import PASSWORD, settings_form
from ..support.clients import fresh
from ..support.rooms import SCREENS, comparable, room_with_writing, set_screen

TRANSLATIONS = Path(__file__).resolve().parents[2] / "ai_workshop" / "translations"


def translated(code: str, english: str) -> str:
    """The catalog's own translation: what a page in that language must show."""
    with open(TRANSLATIONS / code / "LC_MESSAGES" / "messages.po", "rb") as file:
        message = read_po(file, locale=code).get(english)
    assert message is not None and message.string, f"{code} lacks {english!r}"
    return message.string


def html_tag(response) -> str:
    return re.search(r"<html[^>]*>", response.get_data(as_text=True)).group(0)


def escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("'", "&#39;").replace('"', "&#34;")


@pytest.mark.parametrize(
    ("accept", "tag", "direction", "code"),
    [
        ("de-DE,de;q=0.9,en;q=0.5", "de", "ltr", "de"),
        ("es-MX,es;q=0.9", "es", "ltr", "es"),
        ("fr-CA", "fr", "ltr", "fr"),
        ("pt-BR,pt;q=0.8", "pt-BR", "ltr", "pt_BR"),
        ("pt-PT", "pt-BR", "ltr", "pt_BR"),
        ("ja-JP,ja;q=0.9", "ja", "ltr", "ja"),
        ("ar-AE", "ar", "rtl", "ar"),
    ],
)
def test_a_browser_gets_its_own_language(client, accept, tag, direction, code):
    response = client.get("/", headers={"Accept-Language": accept})
    assert f'lang="{tag}"' in html_tag(response)
    assert f'dir="{direction}"' in html_tag(response)
    assert escaped(translated(code, "Join a workshop")) in response.get_data(as_text=True)


def test_a_language_nobody_translated_falls_back_to_english(client):
    response = client.get("/", headers={"Accept-Language": "sw,nl;q=0.8"})
    assert 'lang="en" dir="ltr"' in html_tag(response)
    assert "Join a workshop" in response.get_data(as_text=True)


def test_the_switch_is_remembered_over_the_browser(client):
    response = client.post("/language", data={"language": "ja", "next": "/?x=1"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/?x=1"
    cookie = response.headers["Set-Cookie"]
    assert "aiw_lang=ja" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    page = fresh(client).get("/", headers={"Accept-Language": "de"})
    assert 'lang="ja"' in html_tag(page)


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "/\\evil"])
def test_the_switch_only_goes_back_to_this_site(client, target):
    response = client.post("/language", data={"language": "fr", "next": target})
    assert response.headers["Location"] == "/"


def test_an_unknown_language_changes_nothing(client):
    response = client.post("/language", data={"language": "xx", "next": "/"})
    assert response.status_code == 302
    assert "aiw_lang" not in response.headers.get("Set-Cookie", "")


def test_a_phone_page_follows_the_phone(client, make, workshop):
    make.participant(workshop)  # someone else in the room
    fresh(client).post(
        f"/j/{workshop.code}", data={"display_name": "Aiko"}, headers={"Accept-Language": "ja"}
    )
    page = fresh(client).get(f"/p/{workshop.code}", headers={"Accept-Language": "ja"})
    assert page.status_code == 200
    assert 'lang="ja"' in html_tag(page)
    text = page.get_data(as_text=True)
    assert 'id="language-switch"' in text
    # The room's page drawn for a German phone is not handed to this one.
    other = fresh(client.application.test_client())
    other.post(f"/j/{workshop.code}", headers={"Accept-Language": "de"})
    german = fresh(other).get(f"/p/{workshop.code}", headers={"Accept-Language": "de"})
    assert 'lang="de"' in html_tag(german)
    again = fresh(client).get(f"/p/{workshop.code}", headers={"Accept-Language": "ja"})
    assert 'lang="ja"' in html_tag(again)


def test_the_facilitator_choice_is_kept_on_the_account(client, login, facilitator, app):
    login(facilitator)
    client.post("/language", data={"language": "es", "next": "/workshops/"})
    db.session.expire_all()
    assert db.session.get(Facilitator, facilitator.id).language == "es"
    # Another browser, set to German: logging in brings the console back in Spanish.
    other = fresh(app.test_client())
    response = other.post(
        "/auth/login",
        data={"email": facilitator.email, "password": "correct horse battery"},
        headers={"Accept-Language": "de"},
    )
    assert "aiw_lang=es" in response.headers["Set-Cookie"]
    console = fresh(other).get("/workshops/", headers={"Accept-Language": "de"})
    assert 'lang="es"' in html_tag(console)


def test_projector_and_plan_speak_the_workshop_language(client, login, facilitator, workshop):
    workshop.language = "ar"
    db.session.commit()
    login(facilitator)
    headers = {"Accept-Language": "en"}
    for path in (f"/projector/{workshop.code}", f"/plan/{workshop.code}"):
        page = fresh(client).get(path, headers=headers)
        assert page.status_code == 200, path
        assert 'lang="ar" dir="rtl"' in html_tag(page), path
    console = fresh(client).get(f"/workshops/{workshop.code}/console", headers=headers)
    assert 'lang="en"' in html_tag(console)


def test_a_new_workshop_starts_in_the_chosen_language(client, login, facilitator):
    login(facilitator)
    response = client.post(
        "/workshops/new",
        data={"template": "customer-service", "name": "Équipe support", "language": "fr"},
    )
    assert response.status_code == 302
    workshop = db.session.query(Workshop).filter_by(name="Équipe support").one()
    assert workshop.language == "fr"
    english_topic = TEMPLATES["customer-service"].topic._args[0]
    assert workshop.topic == translated("fr", english_topic)


def test_the_settings_change_the_room_language(client, login, facilitator, workshop):
    login(facilitator)
    form = client.get(f"/workshops/{workshop.code}/settings").get_data(as_text=True)
    assert 'name="language"' in form
    data = settings_form(workshop, language="pt_BR")
    client.post(f"/workshops/{workshop.code}/settings", data=data)
    db.session.expire_all()
    assert db.session.get(Workshop, workshop.id).language == "pt_BR"


def test_the_command_line_creates_a_room_in_its_language(runner, facilitator):
    result = runner.invoke(
        args=["workshop", "create", "--facilitator", facilitator.email, "--name", "Osaka",
              "--language", "ja"]
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    workshop = db.session.query(Workshop).filter_by(code=result.output.strip()).one()
    assert workshop.language == "ja"
    assert workshop.questions[0] == translated("ja", workshop_question_in_english())


def workshop_question_in_english() -> str:
    return TEMPLATES["customer-service"].questions[0]._args[0]


def test_arrows_point_the_way_the_language_reads():
    assert (LANGUAGES["en"].back_arrow, LANGUAGES["en"].forward_arrow) == ("←", "→")
    assert (LANGUAGES["ar"].back_arrow, LANGUAGES["ar"].forward_arrow) == ("→", "←")


def test_lists_and_dates_follow_the_page_language(app, login, client, facilitator, workshop):
    with app.test_request_context(headers={"Accept-Language": "ja"}):
        assert joined(["傾聴", "共感", "粘り強さ"]) == "傾聴、共感、粘り強さ"
    g.pop("_flask_babel", None)
    with app.test_request_context(headers={"Accept-Language": "en"}):
        assert joined(["listening", "empathy", "patience"]) == "listening, empathy, and patience"
    workshop.language = "de"
    db.session.commit()
    login(facilitator)
    page = fresh(client).get(f"/plan/{workshop.code}").get_data(as_text=True)
    day = workshop.created_at.date()
    assert format_date(day, "long", locale="de") in page  # "1. Dezember 2026"
    assert day.isoformat() not in page


def embedded_fonts(pdf: bytes) -> bytes:
    """The names of the fonts the PDF's pages use, as the PDF stores them, one per line."""
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for font in fonts.values():
            font = font.get_object()
            names.add(str(font.get("/BaseFont", "")))
            for descendant in font.get("/DescendantFonts", []):
                names.add(str(descendant.get_object().get("/BaseFont", "")))
    return "\n".join(sorted(names)).encode()


@pytest.mark.parametrize(
    ("language", "fonts"),
    [
        ("ja", (b"IPAGothic", b"IPAexGothic", b"NotoSansCJK")),
        ("ar", (b"NotoSansArabic", b"NotoNaskhArabic")),
    ],
)
def test_the_pdf_embeds_fonts_drawn_for_japanese_and_arabic(
    client, login, facilitator, workshop, language, fonts
):
    workshop.language = language
    db.session.commit()
    login(facilitator)
    response = fresh(client).get(f"/plan/{workshop.code}/plan-a4.pdf")
    assert response.status_code == 200
    embedded = embedded_fonts(response.data).replace(b"-", b"")  # "Noto-Sans-Arabic" as embedded
    assert any(font in embedded for font in fonts), (
        f"no {language} font in the PDF: `make fonts` installs them"
    )


@pytest.mark.parametrize("code", [code for code in LANGUAGES if code != "en"])
def test_every_screen_draws_in_every_language(app, make, facilitator, login, code):
    """Phone (the room's copy, drawn as for the phone alone), projector and console in
    every phase and screen: a translation that breaks a page fails here."""
    tag = LANGUAGES[code].tag
    for phase, screen in SCREENS:
        workshop, ada = room_with_writing(make, facilitator, phase)
        workshop.language = code
        set_screen(workshop, ada, screen)
        phone = fresh(app.test_client())
        phone.set_cookie("aiw_lang", code)
        phone.post(f"/j/{workshop.code}", data={"display_name": "Ama"})
        served = fresh(phone).get(f"/p/{workshop.code}")
        assert served.status_code == 200, (phase, screen)
        assert f'lang="{tag}"' in html_tag(served), (phase, screen)
        app.extensions.pop("aiw_room_pages", None)
        g.pop("_flask_babel", None)
        kept, app.config["ROOM_PAGE_SECONDS"] = app.config["ROOM_PAGE_SECONDS"], 0
        try:
            full = fresh(phone).get(f"/p/{workshop.code}")  # drawn for this phone alone
        finally:
            app.config["ROOM_PAGE_SECONDS"] = kept
        assert comparable(served.get_data(as_text=True)) == comparable(
            full.get_data(as_text=True)
        ), (phase, screen)
        desk = fresh(app.test_client())
        desk.set_cookie("aiw_lang", code)
        desk.post("/auth/login", data={"email": facilitator.email, "password": PASSWORD})
        for path in (f"/projector/{workshop.code}", f"/workshops/{workshop.code}/console"):
            page = fresh(desk).get(path)
            assert page.status_code == 200, (path, phase, screen)
            assert f'lang="{tag}"' in html_tag(page), (path, phase, screen)
