"""Sign up, log in and log out for facilitators."""

import math

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_user, logout_user

from ai_workshop.auth.forms import LoginForm, SignupForm
from ai_workshop.auth.services import authenticate, create_facilitator
from ai_workshop.auth.throttle import (
    count_login_attempt,
    count_signup_attempt,
    login_succeeded,
    retry_after_header,
)
from ai_workshop.domain_errors import DomainError
from ai_workshop.extensions import db
from ai_workshop.web import access
from ai_workshop.web.language import remember_at_login
from ai_workshop.web.safe_next import local_target

bp = Blueprint("auth", __name__, url_prefix="/auth")


def _safe_next(target: str | None) -> str:
    """Only follow local paths after login, never another site."""
    return local_target(target) or url_for("workshops.index")


def too_many_logins(wait_seconds: float) -> str:
    return ngettext(
        "Too many failed logins. Try again in %(num)d minute.",
        "Too many failed logins. Try again in %(num)d minutes.",
        math.ceil(wait_seconds / 60),
    )


def _start_session(facilitator) -> None:
    session.clear()  # a fresh session at login defeats session fixation
    login_user(facilitator, remember=False)
    remember_at_login(facilitator)


@bp.route("/login", methods=["GET", "POST"])
@access.public
def login():
    if current_user.is_authenticated:
        return redirect(url_for("workshops.index"))
    form = LoginForm()
    if form.validate_on_submit():
        wait = count_login_attempt(form.email.data)
        if wait is not None:
            flash(too_many_logins(wait), "error")
            return render_template("auth/login.html", form=form), 429, retry_after_header(wait)
        facilitator = authenticate(form.email.data, form.password.data)
        if facilitator is not None:
            login_succeeded(form.email.data)
            _start_session(facilitator)
            return redirect(_safe_next(request.args.get("next")))
        form.password.errors.append(_("That email and password don't match an account."))
        return render_template("auth/login.html", form=form), 401
    return render_template("auth/login.html", form=form), 422 if form.errors else 200


@bp.route("/signup", methods=["GET", "POST"])
@access.public
def signup():
    form = SignupForm()
    if form.validate_on_submit():
        wait = count_signup_attempt()
        if wait is not None:
            flash(_("Too many new accounts from here. Wait a while and try again."), "error")
            return render_template("auth/signup.html", form=form), 429, retry_after_header(wait)
        try:
            facilitator = create_facilitator(
                form.email.data, form.password.data, form.name.data or ""
            )
        except DomainError as error:
            form.email.errors.append(error.message)
            return render_template("auth/signup.html", form=form), error.status
        db.session.commit()
        _start_session(facilitator)
        flash(_("Welcome! Create your first workshop."), "success")
        return redirect(url_for("workshops.index"))
    return render_template("auth/signup.html", form=form), 422 if form.errors else 200


@bp.post("/logout")
@access.signed_in
def logout():
    """Ends this session and every copy of it: the cookie no longer names a live session."""
    current_user.end_sessions()
    db.session.commit()
    logout_user()
    session.clear()
    flash(_("You are logged out."), "info")
    return redirect(url_for("home.index"))


@bp.post("/sessions/end-others")
@access.signed_in
def end_other_sessions():
    """Log out every other browser (a shared laptop, a lost phone); this one stays in."""
    facilitator = current_user._get_current_object()
    facilitator.end_sessions()
    db.session.commit()
    _start_session(facilitator)
    flash(_("Every other session is logged out."), "success")
    return redirect(url_for("workshops.index"))
