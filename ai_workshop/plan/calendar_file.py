"""The plan's dates as an iCalendar file (RFC 5545): the check-ins and every action's due date.

Check-ins are hour-long meetings at the room's local time of day, in the workshop's own time
zone (with its VTIMEZONE, so Outlook and Google agree); due dates are all-day events. Each
event keeps its UID across downloads, so importing a newer file updates it in place.
"""

from datetime import date, datetime, time, timedelta

from flask_babel import gettext as _
from icalendar import Calendar, Event

from ai_workshop.clock import utcnow
from ai_workshop.time_zones import zone

PRODUCT_ID = "-//AI Workshop//Action plan//EN"
UID_DOMAIN = "ai-workshop.invalid"  # a reserved name: no real host's UIDs can clash with ours
CHECK_IN_LENGTH = timedelta(hours=1)
WORKING_HOURS = range(9, 17)
DEFAULT_HOUR = 10


def _check_in_hour(workshop) -> int:
    """The hour the room met, in its own zone; a meeting hour when the room met at night."""
    created = workshop.created_at.replace(tzinfo=zone("UTC")).astimezone(zone(workshop.time_zone))
    return created.hour if created.hour in WORKING_HOURS else DEFAULT_HOUR


def _uid(workshop, what: str) -> str:
    return f"{what}.{workshop.code}.{workshop.created_at:%Y%m%dT%H%M%S}@{UID_DOMAIN}"


def _lines(*parts: str) -> str:
    return "\n".join(part for part in parts if part)


def _check_in(workshop, number: int, label: str, day: date, hour: int, open_actions) -> Event:
    event = Event()
    event.add("uid", _uid(workshop, f"check-in-{number}"))
    event.add("summary", f"{workshop.name}: {label}")
    start = datetime.combine(day, time(hour), tzinfo=zone(workshop.time_zone))
    event.add("dtstart", start)
    event.add("dtend", start + CHECK_IN_LENGTH)
    owners = [f"• {a.title}" + (f" ({a.owner})" if a.owner else "") for a in open_actions]
    event.add(
        "description",
        _lines(
            _("At each check-in we appreciate progress and ask what made it possible."),
            _("Actions to hear about:") if owners else "",
            "\n".join(owners),
        ),
    )
    return event


def _due(workshop, action) -> Event:
    event = Event()
    event.add("uid", _uid(workshop, f"action-{action.id}-due"))
    event.add("summary", _("Due: %(action)s", action=action.title))
    event.add("dtstart", action.due_date)
    event.add("dtend", action.due_date + timedelta(days=1))
    event.add("transp", "TRANSPARENT")  # a deadline, not a meeting: it keeps the day free
    event.add(
        "description",
        _lines(
            _("Owner: %(owner)s", owner=action.owner) if action.owner else "",
            _("First step: %(step)s", step=action.first_step) if action.first_step else "",
            _("Success measure: %(measure)s", measure=action.success_measure)
            if action.success_measure
            else "",
            _("From the workshop %(name)s", name=workshop.name),
        ),
    )
    return event


def plan_calendar(p) -> bytes:
    """`p` (PlanContent) as an .ics file in the page's language."""
    workshop = p.workshop
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", workshop.name)
    calendar.add("x-wr-timezone", zone(workshop.time_zone).key)
    stamp = utcnow().replace(tzinfo=zone("UTC"))
    hour = _check_in_hour(workshop)
    open_actions = [a for a in p.actions if a.status not in ("done", "celebrated")]
    events = [
        _check_in(workshop, number, label, day, hour, open_actions)
        for number, (label, day) in enumerate(p.followups, start=1)
    ]
    events += [_due(workshop, action) for action in p.actions if action.due_date]
    for event in events:
        event.add("dtstamp", stamp)
        calendar.add_component(event)
    days = [day for _label, day in p.followups]
    if days:
        calendar.add_missing_timezones(
            first_date=min(days) - timedelta(days=1), last_date=max(days) + timedelta(days=2)
        )
    return calendar.to_ical()
