"""The facilitator's laptop: logged in, the projector's live stream open, redrawing on events.

It behaves as static/js/live.js does: on a "version" event it refetches the projector panel,
with at most one fetch in flight and one queued. A probe phone sends a story every second;
a probe is on screen once a panel fetch that started after the probe was acknowledged has
arrived, since that fetch read the database after the story's commit.
"""

import asyncio
import random
import re
import time

import aiohttp

CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


async def csrf_token(session, url: str) -> str:
    async with session.get(url) as response:
        match = CSRF.search(await response.text())
    if match is None:
        raise RuntimeError(f"no CSRF token on {url}")
    return match.group(1)


class Projector:
    PANELS = {"panel": "/projector/{code}/panel", "console": "/workshops/{code}/console/panel"}

    def __init__(self, session, base_url, room, recorder, screen: str = "panel") -> None:
        self.screen = screen
        self.session = session
        self.base = base_url
        self.room = room
        self.recorder = recorder
        self.events: list[float] = []
        self.fetches: list[tuple[float, float]] = []  # (started, arrived)
        self.probes: list[tuple[float, float]] = []  # (sent, acknowledged)
        self.stream_drops = 0
        self._in_flight = self._pending = False
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
        url = f"{self.base}/live/{self.room['code']}/events"
        while not self.stopping:
            try:
                timeout = aiohttp.ClientTimeout(total=None, sock_read=40)
                async with self.session.get(url, timeout=timeout) as response:
                    async for line in response.content:
                        if line.startswith(b"event: version"):
                            self.events.append(time.perf_counter())
                            self.refresh()
                        if self.stopping:
                            return
            except (TimeoutError, aiohttp.ClientError):
                pass
            if not self.stopping:
                self.stream_drops += 1
                await asyncio.sleep(1)

    def refresh(self) -> None:
        if self._in_flight:
            self._pending = True
            return
        self._in_flight = True
        asyncio.get_running_loop().create_task(self._fetch_panel())

    async def _fetch_panel(self) -> None:
        url = self.base + self.PANELS[self.screen].format(code=self.room["code"])
        started = time.perf_counter()
        try:
            async with self.session.get(url) as response:
                await response.read()
                arrived = time.perf_counter()
                self.recorder.record(self.screen, response.status, (arrived - started) * 1000)
                if response.status == 200:
                    self.fetches.append((started, arrived))
        except (TimeoutError, aiohttp.ClientError) as error:
            self.recorder.fail(self.screen, type(error).__name__)
        finally:
            self._in_flight = False
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
                if also is not None:
                    also.probes.append(timing)
                room.acknowledged["story"][payload["client_id"]] = body["id"]

    def freshness_ms(self, timings=None) -> tuple[list[float], list[float], int]:
        """(send → on screen, send → first event after the commit, probes never shown), for
        the probes or the given (sent, acknowledged) timings."""
        shown, evented, missed = [], [], 0
        for sent, acknowledged in self.probes if timings is None else timings:
            arrived = next((end for start, end in self.fetches if start >= acknowledged), None)
            event = next((at for at in self.events if at >= acknowledged), None)
            if arrived is None:
                missed += 1
                continue
            shown.append((arrived - sent) * 1000)
            if event is not None:
                evented.append((event - sent) * 1000)
        return shown, evented, missed
