"""Load: a room of simulated phones against the real server (gunicorn + gevent).

Phones join, poll the state every few seconds, and send stories and dot votes in bursts;
part-way through, the facilitator moves the room to Dream (phones then send dreams and
dots). A logged-in projector keeps the live stream open and redraws as the real one does.

Prints p50/p95/p99 per endpoint, server errors, projector freshness, how soon phones saw
the phase change, the server's memory over time, and a final check against the database
that every acknowledged submission is stored exactly once. --kill worker|server kills with
SIGKILL mid-run (and restarts the server) to show that nothing acknowledged is lost.

Usage:
  .venv/bin/python bench/load.py --participants 2000 --rate 250 --duration 60
  .venv/bin/python bench/load.py --database-url postgresql://postgres@127.0.0.1:5432/aiw_bench \\
      --workers 2 --participants 5000
  .venv/bin/python bench/load.py --participants 2000 --kill server --kill-at 30
  .venv/bin/python bench/load.py --participants 2000 --browsers 5   # and 5 real Chromium phones
"""

import argparse
import asyncio
import contextlib
import json
import random
import sys
import time
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.loadgen import ledger  # noqa: E402
from bench.loadgen.browsers import RealPhones  # noqa: E402
from bench.loadgen.phone_cookie import participant_cookie  # noqa: E402
from bench.loadgen.projector import Projector  # noqa: E402
from bench.loadgen.report import print_report  # noqa: E402
from bench.loadgen.room import Room  # noqa: E402
from bench.loadgen.server import (  # noqa: E402
    cpu_between,
    cpu_seconds,
    kill_and_restart,
    kill_one_worker,
    tree_rss_mb,
)
from bench.loadgen.stats import Recorder, summary  # noqa: E402
from tests.support.server import GunicornServer  # noqa: E402


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--participants", type=int, default=2000)
    parser.add_argument("--rate", type=float, default=250, help="average writes per second")
    parser.add_argument("--duration", type=float, default=60, help="seconds of load after joining")
    parser.add_argument("--ramp", type=float, default=20, help="seconds over which phones join")
    parser.add_argument("--poll-seconds", type=float, default=3.0, help="without holding")
    parser.add_argument(
        "--hold-seconds", type=float, default=25, help="held state polls, as phones do; 0: plain"
    )
    parser.add_argument("--burst-every", type=float, default=10, help="a burst every N seconds")
    parser.add_argument("--burst-seconds", type=float, default=3)
    parser.add_argument("--burst-factor", type=float, default=1.6, help="rate × this in a burst")
    parser.add_argument("--phase-at", type=float, default=0.7, help="share of the run: to Dream")
    parser.add_argument("--database-url", help="default: a fresh SQLite file")
    parser.add_argument("--workers", type=int, default=2, help="as make run starts")
    parser.add_argument(
        "--no-embedder",
        action="store_true",
        help="without the story embedder beside the workers (make run starts one)",
    )
    parser.add_argument("--kill", choices=["worker", "server"])
    parser.add_argument("--kill-at", type=float, default=30, help="seconds into the load")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument(
        "--full-pages", action="store_true", help="every phone page drawn for its phone"
    )
    parser.add_argument(
        "--browsers", type=int, default=0, help="real Chromium phones through the phase change"
    )
    parser.add_argument(
        "--tables", type=int, default=0, help="a summit: phones join at this many round tables"
    )
    parser.add_argument(
        "--harvest-share",
        type=float,
        default=0.1,
        help="with tables: share of writes that are a table's harvest (from its host)",
    )
    return parser.parse_args()


def rate_at(args, second: float) -> float:
    """Bursts at burst_factor × rate, and a lower rate between them, averaging `rate`."""
    share = args.burst_seconds / args.burst_every
    calm = args.rate * (1 - args.burst_factor * share) / (1 - share)
    in_burst = (second % args.burst_every) < args.burst_seconds
    return args.rate * args.burst_factor if in_burst else max(0.0, calm)


async def drive_writes(args, room: Room, until: float) -> int:
    launched, owed = 0, 0.0
    loop = asyncio.get_running_loop()
    start = last = loop.time()
    while loop.time() < until:
        await asyncio.sleep(0.005)
        now = loop.time()
        owed += rate_at(args, now - start) * (now - last)
        last = now
        while owed >= 1:
            owed -= 1
            phone = random.choice(room.phones)
            if phone.busy:
                continue  # a person sends one thing at a time
            phone.busy = True
            loop.create_task(room.write(phone))
            launched += 1
    return launched


async def sample_memory(server, samples: list, stop: asyncio.Event, started: float) -> None:
    while not stop.is_set():
        if server.process is not None:
            samples.append((time.perf_counter() - started, tree_rss_mb(server.process.pid)))
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(stop.wait(), 2)


async def client_lag(lags: list, stop: asyncio.Event) -> None:
    """How late this process's own event loop runs: large values mean the client is the limit."""
    while not stop.is_set():
        before = time.perf_counter()
        await asyncio.sleep(0.1)
        lags.append((time.perf_counter() - before - 0.1) * 1000)


async def kill_mid_run(args, server, at: float, report: dict) -> None:
    await asyncio.sleep(at)
    if args.kill == "worker":
        report["killed_worker_pid"] = kill_one_worker(server.process.pid)
        report["kill"] = "kill -9 of one worker; gunicorn's master started a new one"
    else:
        report["restart_seconds"] = await asyncio.to_thread(kill_and_restart, server)
        report["kill"] = "kill -9 of the master and every worker, then a restart"


async def run(args, server, room_info: dict) -> dict:
    recorder, report = Recorder(), {}
    connector = aiohttp.TCPConnector(limit=1000, ttl_dns_cache=300)
    timeout = aiohttp.ClientTimeout(total=30)
    polls = aiohttp.TCPConnector(limit=0, ttl_dns_cache=300)
    poll_timeout = aiohttp.ClientTimeout(total=args.hold_seconds + 15)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as phones_session, \
            aiohttp.ClientSession(connector=polls, timeout=poll_timeout) as poll_session, \
            aiohttp.ClientSession(timeout=timeout, cookie_jar=aiohttp.CookieJar(unsafe=True)) as laptop:  # fmt: skip
        room = Room(
            phones_session, server.base_url, room_info, recorder, args.poll_seconds,
            hold_seconds=args.hold_seconds, poll_session=poll_session, tables=args.tables,
            harvest_share=args.harvest_share if args.tables else 0.0,
        )  # fmt: skip
        room.page_cookie = participant_cookie(server.env["SECRET_KEY"], room_info["code"])
        projector = Projector(laptop, server.base_url, room_info, recorder)
        console = Projector(laptop, server.base_url, room_info, recorder, screen="console")
        await projector.log_in()
        stop, started = asyncio.Event(), time.perf_counter()
        memory, lags = [], []
        background = [
            asyncio.create_task(projector.watch()),
            asyncio.create_task(console.watch()),
            asyncio.create_task(sample_memory(server, memory, stop, started)),
            asyncio.create_task(client_lag(lags, stop)),
        ]
        followers = []
        for index in range(args.participants):
            followers.append(asyncio.create_task(join_and_follow(room, index)))
            await asyncio.sleep(args.ramp / args.participants)
        while len(room.phones) < args.participants:
            await asyncio.sleep(0.1)
        load_started = room.load_started = time.perf_counter()
        on_postgres = server.env["DATABASE_URL"].startswith("postgres")
        cpu_before, writes_before = (
            cpu_seconds(server.process.pid, on_postgres),
            recorder.room_writes(),
        )
        loop = asyncio.get_running_loop()
        until = loop.time() + args.duration
        probe = asyncio.create_task(projector.probe(room, also=console))
        if args.kill:
            background.append(asyncio.create_task(kill_mid_run(args, server, args.kill_at, report)))
        writer = asyncio.create_task(drive_writes(args, room, until))
        real = RealPhones(server.base_url, room_info["code"], args.browsers)
        if args.browsers:
            await real.join()
        await asyncio.sleep(
            max(0.0, args.duration * args.phase_at - (time.perf_counter() - load_started))
        )
        sent = []
        await projector.change_phase(
            "dream", on_sent=lambda at: (sent.append(at), room.phase_change_sent(at))
        )
        room.phase = "dream"
        watching = asyncio.create_task(real.time_to_dream(sent[0])) if args.browsers else None
        launched = await writer
        cpu = cpu_between(cpu_before, cpu_seconds(server.process.pid, on_postgres))
        report["cpu_ms_per_write"] = {
            role: 1000 * seconds / max(1, recorder.room_writes() - writes_before)
            for role, seconds in cpu.items()
        }
        if watching is not None:
            await watching
            await real.close()
            report["real_phones"] = summary("real Chromium phones show Dream", real.times_ms)
            report["real_phones_failed"] = real.failures
        report["load_seconds"] = time.perf_counter() - load_started
        report["writes_launched"] = launched
        await asyncio.sleep(14)  # the last phones see the phase change and reload
        room.stopping = projector.stopping = console.stopping = True
        await drain(room)
        stop.set()
        for task in [probe, *followers, *background]:
            task.cancel()
        await asyncio.gather(probe, *followers, *background, return_exceptions=True)
        report.update(figures(args, room, projector, recorder, memory, lags, server, room_info))
        console_shown, _events, console_missed = console.freshness_ms()
        report["console_freshness"] = summary("console shows a new story", console_shown)
        report["console_missed"] = console_missed
    return report


async def join_and_follow(room: Room, index: int) -> None:
    await room.follow(await room.join(index))


async def drain(room: Room, seconds: float = 30) -> None:
    """Let submissions still in flight (or retrying after a kill) reach an answer."""
    deadline = time.perf_counter() + seconds
    while any(phone.busy for phone in room.phones) and time.perf_counter() < deadline:
        await asyncio.sleep(0.2)


def figures(args, room, projector, recorder, memory, lags, server, room_info) -> dict:
    shown, evented, missed = projector.freshness_ms()
    held = ledger.stored(server.env["DATABASE_URL"], room_info["code"])
    check = ledger.exactly_once(room.acknowledged, held)
    unseen = sum(1 for phone in room.phones if phone.phase != "dream")
    return {
        "table": recorder.table(),
        "server_errors": recorder.server_errors(),
        "connection_failures": recorder.connection_failures(),
        "write_percentiles_ms": recorder.write_percentiles(),
        "writes_per_second": recorder.room_writes() / max(1.0, args.duration),
        "freshness": summary("projector shows a new story (send → redrawn)", shown),
        "harvest_freshness": summary(
            "harvest map shows a table's harvest (send → redrawn)",
            projector.freshness_ms(room.harvest_timings)[0],
        ),
        "event_lag": summary("live event after a story (send → event)", evented),
        "probes_never_shown": missed,
        "phase_change": summary("phones see the phase change", room.phase_seen_after),
        "phase_page": summary("phones show the new phase's page", room.page_after),
        "write_timeline": recorder.write_timeline(room.load_started),
        "phase_changed_second": room.phase_changed_at - room.load_started,
        "phones_missing_phase": unseen,
        "memory": memory,
        "client_loop_lag": summary("load generator's own loop lag", lags),
        "exactly_once": check,
        "resent_found": room.resent_found,
        "rejected": room.rejected,
        "stream_drops": projector.stream_drops,
    }


def main() -> None:
    args = arguments()
    if args.database_url and args.database_url.startswith("postgres"):
        ledger.ensure_postgres_database(args.database_url)
    # As `make run` serves: the story embedder reads the stories beside the workers.
    extra_env = {
        "WORKERS": str(args.workers),
        "JOINS_PER_ADDRESS_PER_MINUTE": "100000",
        "BACKGROUND_EMBEDDER": "0" if args.no_embedder else "1",
        **({"ROOM_PAGE_SECONDS": "0"} if args.full_pages else {}),
    }
    server = GunicornServer(database_url=args.database_url, extra_env=extra_env)
    room_info = ledger.prepare_room(server.env["DATABASE_URL"], tables=args.tables)
    room_info["dots_per_person"] = ledger.DOTS_PER_PERSON
    server.start()
    try:
        report = asyncio.run(run(args, server, room_info))
    finally:
        server.stop()
    print_report(args, report)
    if args.json:
        Path(args.json).write_text(
            json.dumps({k: v for k, v in report.items()}, indent=2, default=str)
        )


if __name__ == "__main__":
    main()
