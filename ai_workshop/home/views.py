"""The front page, with the box for a join code, and the health check."""

from flask import Blueprint, render_template

from ai_workshop.db.health import database_health
from ai_workshop.web import access

bp = Blueprint("home", __name__)


@bp.get("/")
@access.public
def index():
    return render_template("home/index.html")


@bp.get("/healthz")
@access.public
def health():
    """200 when the database answers and stores; 503 with what is wrong otherwise."""
    healthy, database = database_health()
    if healthy:
        return {"status": "ok", "database": "ok"}
    return {"status": "unavailable", "database": database}, 503
