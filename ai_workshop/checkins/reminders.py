"""Reminders: addresses that people gave with their consent, and the check-in invitation
sent to the action owners among them through the configured SMTP server."""

import smtplib
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import make_msgid
from urllib.parse import parse_qs, unquote, urlsplit

from flask import current_app, render_template
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from ai_workshop.checkins.services import owned_action_ids
from ai_workshop.clock import utcnow
from ai_workshop.domain_errors import DomainError, NotAllowedNow
from ai_workshop.extensions import db
from ai_workshop.models import Action, CheckIn, Participant, ReminderAddress, Workshop

SMTP_TIMEOUT_SECONDS = 20


class MailUnavailable(DomainError):
    status = 503
    code = "mail_unavailable"


@dataclass(frozen=True)
class SmtpServer:
    host: str
    port: int
    tls: str  # "", "ssl" or "starttls"
    user: str = ""
    password: str = ""

    @classmethod
    def from_url(cls, url: str) -> "SmtpServer":
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise ValueError("SMTP_URL must look like smtp://user:password@host:port")
        query = parse_qs(parts.query)
        if parts.scheme == "smtps":
            tls = "ssl"
        elif query.get("starttls", ["0"])[0] in ("1", "true", "yes"):
            tls = "starttls"
        else:
            tls = ""
        return cls(
            host=parts.hostname,
            port=parts.port or (465 if tls == "ssl" else 587 if tls == "starttls" else 25),
            tls=tls,
            user=unquote(parts.username or ""),
            password=unquote(parts.password or ""),
        )

    def connect(self) -> smtplib.SMTP:
        if self.tls == "ssl":
            connection = smtplib.SMTP_SSL(self.host, self.port, timeout=SMTP_TIMEOUT_SECONDS)
        else:
            connection = smtplib.SMTP(self.host, self.port, timeout=SMTP_TIMEOUT_SECONDS)
            if self.tls == "starttls":
                connection.starttls()
        if self.user:
            connection.login(self.user, self.password)
        return connection


def mail_configured() -> bool:
    return bool(current_app.config.get("SMTP_URL"))


def address_of(participant) -> ReminderAddress | None:
    return db.session.scalar(
        select(ReminderAddress).where(ReminderAddress.participant_id == participant.id)
    )


def remember_address(workshop: Workshop, participant, email: str) -> ReminderAddress:
    """Keep (or change) this person's address; given only with the box ticked."""
    row = address_of(participant)
    if row is None:
        row = ReminderAddress(workshop_id=workshop.id, participant_id=participant.id)
        db.session.add(row)
    row.email, row.consented_at = email, utcnow()
    db.session.flush()
    return row


def forget_address(participant) -> bool:
    row = address_of(participant)
    if row is not None:
        db.session.delete(row)
    return row is not None


@dataclass(frozen=True)
class Invitee:
    email: str
    name: str
    actions: list[str]


def invitees(workshop: Workshop) -> list[Invitee]:
    """The action owners (proposers and team members) who left an address."""
    rows = db.session.execute(
        select(ReminderAddress, Participant)
        .join(Participant, Participant.id == ReminderAddress.participant_id)
        .where(ReminderAddress.workshop_id == workshop.id)
        .order_by(ReminderAddress.id)
    )
    titles = dict(
        db.session.execute(
            select(Action.id, Action.title).where(
                Action.workshop_id == workshop.id, Action.hidden.is_(False)
            )
        ).all()
    )
    found = []
    for address, participant in rows:
        theirs = sorted(owned_action_ids(workshop, participant) & set(titles))
        if theirs:
            found.append(
                Invitee(address.email, participant.display_name or "", [titles[i] for i in theirs])
            )
    return found


def _message(workshop: Workshop, check_in: CheckIn, invitee: Invitee, join_url: str):
    message = EmailMessage()
    message["From"] = current_app.config["MAIL_FROM"]
    message["To"] = invitee.email
    message["Message-ID"] = make_msgid(domain="ai-workshop.invalid")
    with force_locale(workshop.language):
        message["Subject"] = _(
            "%(check_in)s: %(workshop)s", check_in=check_in.label, workshop=workshop.name
        )
        body = render_template(
            "checkins/invitation.txt",
            workshop=workshop,
            check_in=check_in,
            invitee=invitee,
            join_url=join_url,
        )
    message.set_content(body)
    return message


def send_invitations(workshop: Workshop, check_in: CheckIn, join_url: str) -> int:
    """Send the check-in's invitation to each owner with an address, one message each (no
    one sees another's address). Returns how many went; a refused address is skipped."""
    if not mail_configured():
        raise NotAllowedNow(_("E-mail is not set up on this server (SMTP_URL)."))
    people = invitees(workshop)
    if not people:
        raise NotAllowedNow(_("No action owner left an e-mail address."))
    try:
        server = SmtpServer.from_url(current_app.config["SMTP_URL"])
        connection = server.connect()
    except (OSError, smtplib.SMTPException, ValueError) as error:
        current_app.logger.warning("SMTP server not reachable: %s", error)
        raise MailUnavailable(
            _("The mail server could not be reached. Check SMTP_URL and try again.")
        ) from error
    sent = 0
    with connection:
        for invitee in people:
            try:
                connection.send_message(_message(workshop, check_in, invitee, join_url))
                sent += 1
            except smtplib.SMTPRecipientsRefused:
                current_app.logger.warning("SMTP refused a check-in invitation's address")
    check_in.invitations_sent_at = utcnow()
    return sent
