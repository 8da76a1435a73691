"""Flask-Login wiring: how a session cookie becomes a facilitator."""

from flask_babel import lazy_gettext as _l

from ai_workshop.extensions import db
from ai_workshop.models import Facilitator


def init_login(app, login_manager) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Log in to run your workshops.")
    login_manager.login_message_category = "info"
    # Not "strong": that logs the facilitator out whenever their address changes, and a
    # laptop that moves from the venue's Wi-Fi to a phone's hotspot would lose the console
    # mid-session. Fixation is handled at login instead (auth/views.py clears the session).
    login_manager.session_protection = "basic"

    @login_manager.user_loader
    def load_facilitator(session_id: str) -> Facilitator | None:
        """ "<id>.<epoch>": a session issued before the facilitator's last logout is void."""
        user_id, _dot, epoch = session_id.partition(".")
        if not (user_id.isdigit() and epoch.isdigit()):
            return None
        facilitator = db.session.get(Facilitator, int(user_id))
        if facilitator is None or facilitator.session_epoch != int(epoch):
            return None
        return facilitator
