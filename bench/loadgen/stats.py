"""Latency and error records per endpoint, and their percentiles."""

import math
import time
from collections import Counter, defaultdict


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile: the smallest value with at least `share` of values at or below."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


WRITES = ("story", "dream", "vote", "probe", "host", "harvest")


class Recorder:
    def __init__(self) -> None:
        self.latency_ms: dict[str, list[float]] = defaultdict(list)
        self.statuses: dict[str, Counter] = defaultdict(Counter)
        self.failures: dict[str, Counter] = defaultdict(Counter)
        self.writes_sent: list[tuple[float, float]] = []  # (sent at, milliseconds)

    def room_writes(self) -> int:
        """Stories, dreams and dots answered so far: the room's own writes, not the probe's."""
        return sum(len(self.latency_ms[kind]) for kind in ("story", "dream", "vote"))

    def record(self, endpoint: str, status: int, milliseconds: float) -> None:
        self.latency_ms[endpoint].append(milliseconds)
        self.statuses[endpoint][status] += 1
        if endpoint in WRITES:
            self.writes_sent.append((time.perf_counter() - milliseconds / 1000, milliseconds))

    def write_timeline(self, start: float, window: float = 5.0) -> str:
        """p95 of writes by when they were sent: a slow patch shows where it happened."""
        windows: dict[int, list[float]] = defaultdict(list)
        for sent, milliseconds in self.writes_sent:
            if sent >= start:
                windows[int((sent - start) // window)].append(milliseconds)
        return ", ".join(
            f"{index * window:.0f}s {percentile(values, 0.95):.0f}"
            for index, values in sorted(windows.items())
        )

    def fail(self, endpoint: str, kind: str) -> None:
        self.failures[endpoint][kind] += 1

    def server_errors(self) -> int:
        return sum(count for statuses in self.statuses.values()
                   for status, count in statuses.items() if status >= 500)  # fmt: skip

    def connection_failures(self) -> int:
        return sum(sum(kinds.values()) for kinds in self.failures.values())

    def table(self) -> str:
        header = (f"{'endpoint':<10}{'requests':>10}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
                  f"{'max ms':>9}  statuses / failures")  # fmt: skip
        lines = [header, "-" * len(header)]
        for endpoint in sorted(self.latency_ms.keys() | self.failures.keys()):
            values = self.latency_ms.get(endpoint, [])
            statuses = " ".join(
                f"{code}:{n}" for code, n in sorted(self.statuses[endpoint].items())
            )
            failed = " ".join(f"{kind}:{n}" for kind, n in sorted(self.failures[endpoint].items()))
            lines.append(
                f"{endpoint:<10}{len(values):>10}{percentile(values, 0.5):>9.1f}"
                f"{percentile(values, 0.95):>9.1f}{percentile(values, 0.99):>9.1f}"
                f"{max(values, default=math.nan):>9.1f}  {statuses}  {failed}".rstrip()
            )
        writes = self.write_latencies()
        lines.append(
            f"{'all writes':<10}{len(writes):>10}{percentile(writes, 0.5):>9.1f}"
            f"{percentile(writes, 0.95):>9.1f}{percentile(writes, 0.99):>9.1f}"
            f"{max(writes, default=math.nan):>9.1f}"
        )
        return "\n".join(lines)

    def write_latencies(self) -> list[float]:
        return [ms for name in WRITES for ms in self.latency_ms.get(name, [])]

    def write_percentiles(self) -> dict:
        writes = self.write_latencies()
        return {f"p{int(q * 100)}": percentile(writes, q) for q in (0.5, 0.95, 0.99)}


def summary(name: str, values: list[float], unit: str = "ms") -> str:
    if not values:
        return f"{name}: no samples"
    return (f"{name}: p50 {percentile(values, .5):.0f} {unit}, p95 {percentile(values, .95):.0f} "
            f"{unit}, p99 {percentile(values, .99):.0f} {unit}, max {max(values):.0f} {unit} "
            f"over {len(values)}")  # fmt: skip
