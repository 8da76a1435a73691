"""Who may use each route, and what everyone else gets: the table the authorization matrix
test (tests/functional/test_authorization_matrix.py) checks every route and role against.
It stays independent of the routes' own declarations, which the test compares with it."""

ROLES = (
    "anonymous",
    "participant",
    "other_participant",
    "owner",
    "co_facilitator",
    "other_facilitator",
    "plan_link_holder",
)
FACILITATORS = ("owner", "co_facilitator", "other_facilitator")

# Who may use a route; the rest of the roles get the refusal below.
PUBLIC = "public"  # anyone: the status is the route's own
SIGNED_IN = "signed in"  # any facilitator account
RUNS = "runs"  # the owner and co-facilitators
OWNS = "owns"  # the owner alone
PHONE = "phone"  # the participant of this workshop, by the phone's cookie
API = "api"  # the participant of this workshop, by bearer token
LEADER = "leader"  # whoever holds the plan's secret link


def refusal(access: str, role: str) -> int:
    """What a role outside a route's access gets."""
    if access in (SIGNED_IN, RUNS, OWNS):
        return 403 if role in FACILITATORS else 302  # others go to the login page
    if access == PHONE:
        return 302  # to the join page
    if access == API:
        return 403 if role == "other_participant" else 401
    if access == LEADER:
        return 404  # a wrong link looks like no link
    raise AssertionError(access)


def allowed(access: str, role: str) -> bool:
    return {
        PUBLIC: True,
        SIGNED_IN: role in FACILITATORS,
        RUNS: role in ("owner", "co_facilitator"),
        OWNS: role == "owner",
        PHONE: role == "participant",
        API: role == "participant",
        LEADER: role == "plan_link_holder",
    }[access]


# (endpoint, method) -> (access, status when allowed). Requests carry no form fields and an
# empty JSON object, so allowed writes mostly stop at validation and change nothing: the
# theme board sends a plain form back to the board with a message (302), the console's
# controls answer 400, forms re-rendered with their errors 422.
ROUTES = {
    ("static", "GET"): (PUBLIC, 200),
    ("home.index", "GET"): (PUBLIC, 200),
    ("home.health", "GET"): (PUBLIC, 200),
    ("language.choose", "POST"): (PUBLIC, 302),
    ("auth.login", "GET"): (PUBLIC, 200),
    ("auth.login", "POST"): (PUBLIC, 422),
    ("auth.signup", "GET"): (PUBLIC, 200),
    ("auth.signup", "POST"): (PUBLIC, 422),
    ("auth.logout", "POST"): (SIGNED_IN, 302),
    ("auth.end_other_sessions", "POST"): (SIGNED_IN, 302),
    ("workshops.index", "GET"): (SIGNED_IN, 200),
    ("workshops.new", "GET"): (SIGNED_IN, 200),
    ("workshops.new", "POST"): (SIGNED_IN, 422),
    ("workshops.settings", "GET"): (RUNS, 200),
    ("workshops.settings", "POST"): (RUNS, 422),
    ("workshops.console", "GET"): (RUNS, 200),
    ("workshops.table_cards", "GET"): (RUNS, 404),  # the room has no tables
    ("workshops.round_table", "GET"): (RUNS, 404),
    ("workshops.nudge_table", "POST"): (RUNS, 404),  # the room has no tables
    ("workshops.choose_host", "POST"): (RUNS, 400),
    ("workshops.move_person", "POST"): (RUNS, 400),
    ("workshops.merge_tables", "POST"): (RUNS, 400),
    ("workshops.spotlight", "POST"): (RUNS, 302),
    ("workshops.console_panel", "GET"): (RUNS, 200),
    ("workshops.change_phase", "POST"): (RUNS, 400),
    ("workshops.timer", "POST"): (RUNS, 400),
    ("workshops.moderate", "POST"): (RUNS, 400),
    ("workshops.correct", "GET"): (RUNS, 200),
    ("workshops.correct", "POST"): (RUNS, 422),
    ("workshops.mask_personal_data", "POST"): (RUNS, 302),
    ("workshops.mask_all_personal_data", "POST"): (RUNS, 302),
    ("workshops.open_vote", "POST"): (RUNS, 400),
    ("workshops.close_vote", "POST"): (RUNS, 302),
    ("workshops.reveal_vote", "POST"): (RUNS, 400),
    ("workshops.choose_design_themes", "POST"): (RUNS, 302),
    ("workshops.moderate_dream", "POST"): (RUNS, 400),
    ("workshops.moderate_proposition", "POST"): (RUNS, 400),
    ("workshops.edit_proposition", "POST"): (RUNS, 400),
    ("workshops.merge_proposition", "POST"): (RUNS, 400),
    ("workshops.moderate_action", "POST"): (RUNS, 400),
    ("workshops.action_detail", "GET"): (RUNS, 200),
    ("workshops.action_detail", "POST"): (RUNS, 422),
    ("workshops.team", "GET"): (RUNS, 200),
    ("workshops.share", "POST"): (OWNS, 422),
    ("workshops.unshare", "POST"): (OWNS, 404),
    ("workshops.delete", "GET"): (OWNS, 200),
    ("workshops.delete", "POST"): (OWNS, 422),
    ("board.show", "GET"): (RUNS, 200),
    ("board.panel", "GET"): (RUNS, 200),
    ("board.suggest", "POST"): (RUNS, 302),
    ("board.preview", "GET"): (RUNS, 302),
    ("board.apply_suggestion", "POST"): (RUNS, 400),
    ("board.move", "POST"): (RUNS, 302),
    ("board.secondary", "POST"): (RUNS, 302),
    ("board.create", "POST"): (RUNS, 302),
    ("board.rename", "POST"): (RUNS, 302),
    ("board.pin", "POST"): (RUNS, 302),
    ("board.delete", "POST"): (RUNS, 302),
    ("board.merge", "POST"): (RUNS, 302),
    ("board.split", "POST"): (RUNS, 302),
    ("board.undo", "POST"): (RUNS, 302),
    ("board.summary", "POST"): (RUNS, 302),
    ("board.summary_suggested", "POST"): (RUNS, 302),
    ("board.core_summary", "POST"): (RUNS, 302),
    ("board.core_summary_suggested", "POST"): (RUNS, 302),
    ("board.projector", "POST"): (RUNS, 302),
    ("projector.show", "GET"): (RUNS, 200),
    ("projector.panel", "GET"): (RUNS, 200),
    ("live.events", "GET"): (RUNS, 200),
    ("checkins.show", "GET"): (RUNS, 200),
    ("checkins.open_check_in", "POST"): (RUNS, 400),
    ("checkins.close_check_in", "POST"): (RUNS, 302),  # none is open: back with the refusal
    ("checkins.invite", "POST"): (RUNS, 302),
    ("checkins.moderate_story", "POST"): (RUNS, 400),
    ("checkins.next_cycle", "POST"): (RUNS, 302),  # the session is not closed: refused
    ("plan.show", "GET"): (RUNS, 200),
    ("plan.edit", "GET"): (RUNS, 200),
    ("plan.edit", "POST"): (RUNS, 302),
    ("plan.pdf", "GET"): (RUNS, 200),
    ("plan.export_json", "GET"): (RUNS, 200),
    ("plan.export_zip", "GET"): (RUNS, 200),
    ("plan.calendar", "GET"): (RUNS, 200),
    ("plan.share", "POST"): (OWNS, 302),
    ("plan.revoke", "POST"): (OWNS, 302),
    ("leader.plan_page", "GET"): (LEADER, 200),
    ("leader.plan_pdf", "GET"): (LEADER, 200),
    ("leader.plan_calendar_file", "GET"): (LEADER, 200),
    ("phone.join_by_code", "GET"): (PUBLIC, 302),
    ("phone.join_page", "GET"): (PUBLIC, 200),
    ("phone.choose_table", "GET"): (PHONE, 302),  # the room has no tables: back home
    ("phone.choose_table", "POST"): (PHONE, 302),
    ("phone.join_table", "GET"): (PUBLIC, 404),  # the room has no tables
    ("phone.join_table", "POST"): (PUBLIC, 404),
    ("phone.my_table", "GET"): (PHONE, 302),  # the room has no tables: back home
    ("phone.my_table_live", "GET"): (PHONE, 204),
    ("phone.host_table", "POST"): (PHONE, 302),  # refused: no table chosen
    ("phone.choose_team", "POST"): (PHONE, 302),  # no team chosen: back with the message
    ("phone.harvest", "POST"): (PHONE, 302),  # refused: not the table's host
    ("phone.join_page", "POST"): (PUBLIC, 302),
    ("phone.join_qr", "GET"): (PUBLIC, 200),
    ("phone.home", "GET"): (PHONE, 200),
    ("phone.live_part", "GET"): (PHONE, 200),
    ("phone.submit", "POST"): (PHONE, 422),
    ("phone.edit_story", "GET"): (PHONE, 200),
    ("phone.edit_story", "POST"): (PHONE, 422),
    ("phone.delete_story", "POST"): (PHONE, 302),
    ("contribute.dream", "POST"): (PHONE, 422),
    ("contribute.proposition", "POST"): (PHONE, 422),
    ("contribute.action", "POST"): (PHONE, 422),
    ("contribute.commitment", "POST"): (PHONE, 422),
    ("contribute.volunteer", "POST"): (PHONE, 302),
    ("check_in.report", "POST"): (PHONE, 422),
    ("check_in.story", "POST"): (PHONE, 422),
    ("check_in.remember", "POST"): (PHONE, 422),
    ("check_in.forget", "POST"): (PHONE, 302),
    ("contribute.dots", "POST"): (PHONE, 302),
    ("contribute.delete_mine", "POST"): (PHONE, 302),
    ("api.openapi", "GET"): (PUBLIC, 200),
    ("api.join_workshop", "POST"): (PUBLIC, 422),
    ("api.workshop_detail", "GET"): (PUBLIC, 200),
    ("api.state", "GET"): (PUBLIC, 200),
    ("api.list_own_stories", "GET"): (API, 200),
    ("api.my_table", "GET"): (API, 200),
    ("api.choose_table", "PUT"): (API, 422),  # the room has no tables
    ("api.host_table", "POST"): (API, 409),  # no table chosen
    ("api.save_harvest", "PUT"): (API, 403),  # not a table's host
    ("api.my_team", "GET"): (API, 200),
    ("api.choose_team", "PUT"): (API, 422),  # no team named
    ("api.create_story", "POST"): (API, 422),
    ("api.story_detail", "GET"): (API, 200),
    ("api.update_story", "PATCH"): (API, 200),
    ("api.remove_story", "DELETE"): (API, 204),
    ("api.create_dream", "POST"): (API, 422),
    ("api.create_proposition", "POST"): (API, 422),
    ("api.create_action", "POST"): (API, 422),
    ("api.create_commitment", "POST"): (API, 422),
    # Teams form in Destiny; the workshop is in Discovery.
    ("api.join_action", "PUT"): (API, 409),
    ("api.leave_action", "DELETE"): (API, 409),
    ("api.current_vote", "GET"): (API, 200),
    ("api.set_dots", "PUT"): (API, 422),
    ("api.delete_contribution", "DELETE"): (API, 204),
}

# Where a role's answer on a public route is not the route's usual one, and why.
PUBLIC_BY_ROLE = {
    # A signed-in facilitator is taken to their workshops instead of the login form.
    ("auth.login", "GET", "owner"): 302,
    ("auth.login", "POST", "owner"): 302,
    # A phone that joined already goes straight to the workshop.
    ("phone.join_page", "GET", "participant"): 302,
}
for _role in ("co_facilitator", "other_facilitator"):
    for _key in [key for key in PUBLIC_BY_ROLE if key[2] == "owner"]:
        PUBLIC_BY_ROLE[(_key[0], _key[1], _role)] = PUBLIC_BY_ROLE[_key]


def expected(endpoint: str, method: str, role: str) -> int:
    access, status = ROUTES[(endpoint, method)]
    if not allowed(access, role):
        return refusal(access, role)
    return PUBLIC_BY_ROLE.get((endpoint, method, role), status)
