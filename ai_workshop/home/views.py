"""The front page, with the box for a join code, and the health check."""

from flask import Blueprint, render_template

from ai_workshop.web import access

bp = Blueprint("home", __name__)


@bp.get("/")
@access.public
def index():
    return render_template("home/index.html")


@bp.get("/healthz")
@access.public
def health():
    return {"status": "ok"}
