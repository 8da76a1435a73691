"""The facilitator's laptop: logged in, the projector's live stream open, redrawing on events.

It behaves as static/js/live.js does: a "version" event that carries the new stories and
starts at or before the version on screen is inserted at once (and the panel refetched
within 2 s to catch up); one that comes while a fetch is on its way is inserted into what the
fetch brings; any other refetches the panel, with at most one fetch in flight and one queued.
A probe phone sends a story every second; a probe is on screen once an event carrying it
arrived, or a panel fetch that started after the probe was acknowledged has arrived, since
that fetch read the database after the story's commit.
"""

import asyncio
import json
import random
import re
import time

import aiohttp

CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
VERSION = re.compile(rb'data-version="(\d+)"')
CATCH_UP_SECONDS = 2.0


async def csrf_token(session, url: str) -> str:
    async with session.get(url) as response:
        match = CSRF.search(await response.text())
    if match is None:
        raise RuntimeError(f"no CSRF token on {url}")
    return match.group(1)


class Projector:
    PANELS = {"panel": "/projector/{code}/panel", "console": "/workshops/{code}/console/panel"}
    STREAM_SCREENS = {"panel": "projector", "console": "console"}

    def __init__(self, session, base_url, room, recorder, screen: str = "panel") -> None:
        self.screen = screen
        self.session = session
        self.base = base_url
        self.room = room
        self.recorder = recorder
        self.events: list[float] = []
        self.fetches: list[tuple[float, float]] = []  # (started, arrived)
        self.probes: list[tuple[float, float]] = []  # (sent, acknowledged)
        self.probe_ids: list[int] = []  # each probe's story id
        self.pushed: list[tuple[float, int]] = []  # (arrived, the newest story it covers)
        self.shown_version: int | None = None
        self._catch_up = None
        self.stream_drops = 0
        self._in_flight = self._pending = False
        self._pushed_meanwhile: list[dict] = []
        self.stopping = False

    async def log_in(self) -> None:
        token = await csrf_token(self.session, f"{self.base}/auth/login")
        form = {"csrf_token": token, "email": self.room["email"], "password": self.room["password"]}
        async with self.session.post(f"{self.base}/auth/login", data=form) as response:
            if "/auth/login" in str(response.url):
                raise RuntimeError("the facilitator could not log in")

    async def change_phase(self, phase: str, on_sent) -> None:
        """Press the console's phase button; on_sent(time) as it goes, since phones may see
        the change before the console's own answer arrives."""
        console = f"{self.base}/workshops/{self.room['code']}/console"
        token = await csrf_token(self.session, console)
        on_sent(time.perf_counter())
        url = f"{self.base}/workshops/{self.room['code']}/phase"
        async with self.session.post(url, data={"csrf_token": token, "phase": phase}) as response:
            if response.status >= 400:
                raise RuntimeError(f"phase change refused: {response.status}")

    async def watch(self) -> None:
        """Keep the event stream open, reconnecting as EventSource does."""
        screen = self.STREAM_SCREENS[self.screen]
        url = f"{self.base}/live/{self.room['code']}/events?screen={screen}"
        while not self.stopping:
            try:
                timeout = aiohttp.ClientTimeout(total=None, sock_read=40)
                async with self.session.get(url, timeout=timeout) as response:
                    version_next = False
                    async for line in response.content:
                        if line.startswith(b"event: version"):
                            self.events.append(time.perf_counter())
                            version_next = True
                        elif version_next and line.startswith(b"data: "):
                            version_next = False
                            self.on_version(json.loads(line[6:]))
                        if self.stopping:
                            return
            except (TimeoutError, aiohttp.ClientError):
                pass
            if not self.stopping:
                self.stream_drops += 1
                await asyncio.sleep(1)

    def on_version(self, data: dict) -> None:
        """As live.js: insert a push that starts at or before the shown version, else refetch."""
        if data["version"] == self.shown_version:
            return
        if "items" in data and self._in_flight:
            self._pushed_meanwhile.append(data)
        elif "items" not in data or not self._apply(data):
            self.refresh()

    def _apply(self, data: dict) -> bool:
        if self.shown_version is None or data["previous"] > self.shown_version:
            return False
        if data["version"] <= self.shown_version:
            return True
        self.shown_version = data["version"]
        self.pushed.append((time.perf_counter(), data.get("newest", 0)))
        if self._catch_up is None:
            self._catch_up = asyncio.get_running_loop().call_later(
                CATCH_UP_SECONDS, self._caught_up
            )
        return True

    def _caught_up(self) -> None:
        self._catch_up = None
        self.refresh()

    def refresh(self) -> None:
        if self._catch_up is not None:
            self._catch_up.cancel()
            self._catch_up = None
        if self._in_flight:
            self._pending = True
            return
        self._in_flight = True
        asyncio.get_running_loop().create_task(self._fetch_panel())

    async def _fetch_panel(self) -> None:
        url = self.base + self.PANELS[self.screen].format(code=self.room["code"])
        started = time.perf_counter()
        drawn = False
        try:
            async with self.session.get(url) as response:
                body = await response.read()
                arrived = time.perf_counter()
                found = VERSION.search(body)
                if found is not None:
                    self.shown_version = int(found.group(1))
                self.recorder.record(self.screen, response.status, (arrived - started) * 1000)
                if response.status == 200:
                    self.fetches.append((started, arrived))
                    drawn = True
        except (TimeoutError, aiohttp.ClientError) as error:
            self.recorder.fail(self.screen, type(error).__name__)
        finally:
            self._in_flight = False
            meanwhile, self._pushed_meanwhile = self._pushed_meanwhile, []
            if not self._pending and drawn and not all(self._apply(p) for p in meanwhile):
                self._pending = True
            if self._pending:
                self._pending = False
                self.refresh()

    async def probe(self, room, also=None, seconds: float = 1.0) -> None:
        """A story every second from an idle phone, timed from send to acknowledgement."""
        url = f"{room.api}/workshops/{self.room['code']}/stories"
        while not self.stopping and room.phase == "discover":
            await asyncio.sleep(seconds)
            idle = [phone for phone in random.sample(room.phones, min(20, len(room.phones)))
                    if not phone.busy]  # fmt: skip
            if not idle:
                continue
            phone = idle[0]
            phone.busy = True
            payload = room.story_payload()
            sent = time.perf_counter()
            try:
                status, body, _ = await room.call("probe", "POST", url, phone=phone, json=payload)
            finally:
                phone.busy = False
            if status in (200, 201):
                timing = (sent, time.perf_counter())
                self.probes.append(timing)
                self.probe_ids.append(body["id"])
                if also is not None:
                    also.probes.append(timing)
                    also.probe_ids.append(body["id"])
                room.acknowledged["story"][payload["client_id"]] = body["id"]

    def freshness_ms(self, timings=None) -> tuple[list[float], list[float], int]:
        """(send → on screen, send → first event after the commit, probes never shown), for
        the probes or the given (sent, acknowledged) timings."""
        shown, evented, missed = [], [], 0
        ids = self.probe_ids if timings is None else [None] * len(timings)
        for (sent, acknowledged), story_id in zip(
            self.probes if timings is None else timings, ids, strict=True
        ):
            fetched = next((end for start, end in self.fetches if start >= acknowledged), None)
            # An event that covers the story brought the screen up to date with it (the
            # ticker then shows the newest few), as a refetch after it would have.
            pushed = next(
                (at for at, newest in self.pushed if story_id is not None and newest >= story_id),
                None,
            )
            arrived = min((at for at in (fetched, pushed) if at is not None), default=None)
            event = next((at for at in self.events if at >= acknowledged), None)
            if arrived is None:
                missed += 1
                continue
            shown.append((arrived - sent) * 1000)
            if event is not None:
                evented.append((event - sent) * 1000)
        return shown, evented, missed
