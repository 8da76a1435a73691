"""Simulated phones: join, follow the room by polling, and send stories, dreams and dots.

Each phone behaves as the real one does: it polls the state with If-None-Match, keeps at
most one submission in flight, and retries a submission that got no answer, with the same
client_id, until the server acknowledges it. What was acknowledged goes into the ledger.
"""

import asyncio
import random
import time
import uuid

import aiohttp

STORY_TEXTS = [
    "A customer called back three times about a lost parcel; I stayed on it until it arrived.",
    "An elderly caller could not read the screen, so we went through it slowly together.",
    "Two of us swapped shifts so a colleague could see her son's school play.",
    "We turned an angry complaint into a thank-you letter by fixing the root cause.",
]
RETRYABLE = {429, 500, 502, 503, 504}


class Phone:
    __slots__ = ("index", "token", "participant_id", "busy", "etag", "phase", "dots", "table")

    def __init__(self, index: int) -> None:
        self.index = index
        self.token = self.participant_id = self.etag = self.phase = self.table = None
        self.busy = False
        self.dots: dict[int, int] = {}


class Room:
    def __init__(
        self, session, base_url, room, recorder, poll_seconds: float, hold_seconds: float = 0,
        poll_session=None, tables: int = 0, harvest_share: float = 0.0,
    ) -> None:  # fmt: skip
        self.session = session
        # Held polls keep a connection each: they get their own pool, as each phone has its own.
        self.poll_session = poll_session or session
        self.hold_seconds = hold_seconds
        self.api = f"{base_url}/api/v1"
        self.room = room
        self.recorder = recorder
        self.poll_seconds = poll_seconds
        self.phones: list[Phone] = []
        self.phase = "discover"
        self.phase_changed_at: float | None = None
        self.load_started = 0.0
        self.page_cookie = None  # phone → the Cookie header its page reload sends
        self.phase_seen_after: list[float] = []  # the phone says "moved on to Dream"
        self.page_after: list[float] = []  # ... and has loaded the Dream page
        self.acknowledged = {"story": {}, "dream": {}, "dots": {}, "harvest": {}}
        # A summit: phones join by their table's card; hosts send their table's harvest.
        self.tables = tables
        self.harvest_share = harvest_share
        self.hosts: dict[int, int] = {}  # table → the host's participant id
        self.harvest_timings: list[tuple[float, float]] = []  # (sent, acknowledged)
        self.resent_found = 0  # retries answered "already stored": idempotency at work
        self.rejected = 0  # definite refusals (e.g. a story after Discovery closed)
        self.stopping = False

    async def call(self, endpoint, method, url, phone=None, session=None, json_body=True, **kwargs):
        headers = kwargs.pop("headers", {})
        if phone is not None and phone.token:
            headers["Authorization"] = f"Bearer {phone.token}"
        started = time.perf_counter()
        session = session or self.session
        try:
            async with session.request(method, url, headers=headers, **kwargs) as response:
                ok = response.status in (200, 201)
                body = (
                    (await response.json() if json_body else await response.read()) if ok else None
                )
                self.recorder.record(
                    endpoint, response.status, (time.perf_counter() - started) * 1000
                )
                return response.status, body, response.headers
        except (TimeoutError, aiohttp.ClientError) as error:
            self.recorder.fail(endpoint, type(error).__name__)
            return None, None, None

    async def join(self, index: int) -> Phone:
        phone = Phone(index)
        payload = {"code": self.room["code"], "display_name": f"Phone {index}"}
        if self.tables:
            payload["table"] = index % self.tables + 1
        delay = 0.5
        while not self.stopping:
            status, body, _ = await self.call("join", "POST", f"{self.api}/join", json=payload)
            if status == 201:
                phone.token, phone.participant_id = (
                    body["participant_token"],
                    body["participant_id"],
                )
                phone.table = body.get("table")
                self.phones.append(phone)
                return phone
            await asyncio.sleep(delay + random.random() * delay)
            delay = min(delay * 2, 5)
        return phone

    async def follow(self, phone: Phone) -> None:
        """Follow the state as the phone page does: held polls (or plain ones every few seconds)."""
        url = f"{self.api}/workshops/{self.room['code']}/state"
        held_url = f"{url}?wait={self.hold_seconds:g}"
        await asyncio.sleep(random.random() * self.poll_seconds)
        failures = 0
        while not self.stopping:
            held = bool(phone.etag and self.hold_seconds)
            headers = {"If-None-Match": phone.etag} if phone.etag else {}
            started = time.perf_counter()
            status, body, response_headers = await self.call(
                "held state" if held else "state",
                "GET",
                held_url if held else url,
                headers=headers,
                session=self.poll_session,
            )
            if status == 200:
                phone.etag = response_headers.get("ETag")
                if phone.phase is not None and body["phase"] != phone.phase:
                    if self.phase_changed_at:
                        seen = time.perf_counter() - self.phase_changed_at
                        self.phase_seen_after.append(seen * 1000)
                    await self._reload(phone, body.get("redraw_spread_ms", 0))
                phone.phase = body["phase"]
            failures = 0 if status in (200, 304) else failures + 1
            if failures:
                delay = min(self.poll_seconds * 2 ** (failures - 1), 15)
            elif self.hold_seconds:
                delay = max(0.0, 1.0 - (time.perf_counter() - started))
            else:
                delay = self.poll_seconds
            await asyncio.sleep(delay + random.random() * 0.5)

    def phase_change_sent(self, at: float) -> None:
        self.phase_changed_at = at

    async def _reload(self, phone: Phone, spread_ms: int) -> None:
        """As phone-follow.js does on a new phase: reload the page at a moment within the spread.
        The time until the new page has arrived goes into page_after."""
        await asyncio.sleep(random.random() * spread_ms / 1000)
        url = self.api.removesuffix("/api/v1") + f"/p/{self.room['code']}"
        headers = {"Cookie": self.page_cookie(phone)} if self.page_cookie else {}
        status, _body, _headers = await self.call(
            "page", "GET", url, headers=headers, session=self.poll_session, json_body=False
        )
        if status == 200 and self.phase_changed_at:
            self.page_after.append((time.perf_counter() - self.phase_changed_at) * 1000)
        phone.etag = None  # the new page starts following afresh

    async def write(self, phone: Phone) -> None:
        try:
            if self.phase == "discover" and phone.table and random.random() < self.harvest_share:
                await self._harvest(phone)
            elif self.phase == "discover":
                await self._submit(phone, "story", "stories", self.story_payload())
            elif random.random() < 0.5:
                await self._submit(phone, "dream", "dreams", self._dream())
            else:
                await self._spend_dot(phone)
        finally:
            phone.busy = False

    def story_payload(self) -> dict:
        return {
            "client_id": str(uuid.uuid4()),
            "headline": f"Load story {random.randrange(10**6)}",
            "story": random.choice(STORY_TEXTS),
            "made_possible": "A team that trusts each other.",
            "strengths": random.sample(self.room["strengths"], 2),
            "wish": "More of this.",
            "whose": "mine",
            "consent": "anonymous",
        }

    def _dream(self) -> dict:
        return {"client_id": str(uuid.uuid4()), "text": "Every caller is helped on the first call."}

    async def _submit(self, phone, kind, path, payload) -> int | None:
        url = f"{self.api}/workshops/{self.room['code']}/{path}"
        attempts = 0
        while True:
            status, body, _ = await self.call(kind, "POST", url, phone=phone, json=payload)
            attempts += 1
            if status in (200, 201):
                self.acknowledged[kind][payload["client_id"]] = body["id"]
                if status == 200 and attempts > 1:
                    self.resent_found += 1
                return body["id"]
            if status is not None and status not in RETRYABLE:
                self.rejected += 1
                return None
            await asyncio.sleep(min(0.5 * 2**attempts, 4) * (0.5 + random.random()))

    async def _harvest(self, phone: Phone) -> None:
        """The table's first phone to try hosts it and sends its harvest; others, a story."""
        url = f"{self.api}/workshops/{self.room['code']}/table"
        host = self.hosts.get(phone.table)
        if host is None:
            status, body, _ = await self.call("host", "POST", f"{url}/host", phone=phone)
            if status == 200 and body["host"]:
                host = self.hosts[phone.table] = body["host"]["id"]
            elif status == 409:
                return
        if host != phone.participant_id:
            await self._submit(phone, "story", "stories", self.story_payload())
            return
        text = f"Root cause {random.randrange(10**9)}: trust to decide on the spot"
        payload = {
            "causes": [{"text": text, "strengths": random.sample(self.room["strengths"], 2)}],
            "wish": "More of this.",
            "done": True,
        }
        sent, attempts = time.perf_counter(), 0
        while True:
            status, _body, _ = await self.call("harvest", "PUT", f"{url}/harvest", phone=phone,
                                               json=payload)  # fmt: skip
            attempts += 1
            if status == 200:
                self.acknowledged["harvest"][phone.table] = text
                self.harvest_timings.append((sent, time.perf_counter()))
                return
            if status is not None and status not in RETRYABLE:
                self.rejected += 1
                return
            await asyncio.sleep(min(0.5 * 2**attempts, 4) * (0.5 + random.random()))

    async def _spend_dot(self, phone: Phone) -> None:
        """Add a dot while any are left, else take one back: always a valid move."""
        options = self.room["option_ids"]
        if sum(phone.dots.values()) < self.room["dots_per_person"]:
            option = random.choice(options)
            dots = phone.dots.get(option, 0) + 1
        else:
            option = random.choice([key for key, value in phone.dots.items() if value])
            dots = phone.dots[option] - 1
        url = (f"{self.api}/workshops/{self.room['code']}/votes/{self.room['vote_id']}"
               f"/options/{option}")  # fmt: skip
        attempts = 0
        while True:
            status, body, _ = await self.call("vote", "PUT", url, phone=phone, json={"dots": dots})
            attempts += 1
            if status == 200:
                phone.dots = {item["id"]: item["my_dots"] for item in body["options"]}
                for key, value in phone.dots.items():
                    self.acknowledged["dots"][(phone.participant_id, key)] = value
                return
            if status is not None and status not in RETRYABLE:
                self.rejected += 1
                return
            await asyncio.sleep(min(0.5 * 2**attempts, 4) * (0.5 + random.random()))
