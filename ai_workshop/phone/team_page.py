"""A summit phone's team in Design and Destiny: the theme it chose to work on."""

from flask import flash, redirect
from flask_babel import gettext as _

from ai_workshop.participants.teams import join_team
from ai_workshop.phone.forms import TeamForm
from ai_workshop.phone.views import bp
from ai_workshop.web import access
from ai_workshop.web.answers import BackTo
from ai_workshop.web.write_views import write_view


class _BackToTeam(BackTo):
    """A phone sent without a choice is told so on its page, as a refusal is."""

    def invalid(self, write):
        flash(_("Choose a team."), "error")
        return redirect(self.url(write, self.anchor))


_BACK_TO_TEAM = _BackToTeam("phone.home", "#team")


@bp.post("/p/<code>/team")
@access.phone
@write_view(TeamForm, _BACK_TO_TEAM)
def choose_team(workshop, participant, form):
    theme = join_team(workshop, participant, form.theme_id.data)
    return _("You're in the team for “%(theme)s”.", theme=theme.name)
