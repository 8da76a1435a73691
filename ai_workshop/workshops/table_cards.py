"""A summit's table cards: one per round table, four to a sheet, each with the QR code
that seats a phone at its table."""

from dataclasses import dataclass

from flask import render_template
from markupsafe import Markup

from ai_workshop.web.qrcodes import qr_svg
from ai_workshop.web.template_helpers import external_url

# Printable area of each paper at 10 mm margins, in mm, halved both ways (a little under:
# two cards of exactly half the width do not fit side by side): 2 x 2 cards.
CARD_SIZES = {"a4": (94.5, 137.5), "letter": (97.5, 128.5)}


@dataclass(frozen=True)
class TableCard:
    number: int
    link: str
    qr: Markup


def table_cards_html(workshop, paper: str) -> str:
    links = [
        (number, external_url("phone.join_table", code=workshop.code, number=number))
        for number in range(1, workshop.table_count + 1)
    ]
    # segno's SVG, made here from our own link: safe to put in the page as it is.
    cards = [TableCard(n, link, Markup(qr_svg(link).decode())) for n, link in links]
    width, height = CARD_SIZES[paper]
    return render_template(
        "workshops/table_cards.html",
        workshop=workshop,
        cards=cards,
        paper=paper,
        card_width=width,
        card_height=height,
        qr_size=min(width, height) - 48,
    )
