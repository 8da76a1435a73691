"""bench/load.py's figures, printed."""


def print_report(args, report: dict) -> None:
    print(f"\n{args.participants} participants, {args.workers} worker(s), "
          f"{'PostgreSQL' if args.database_url else 'SQLite'}, "
          f"target {args.rate:.0f} writes/s (bursts ×{args.burst_factor}), "
          f"{args.duration:.0f} s of load"
          + (f", at {args.tables} round tables" if getattr(args, "tables", 0) else ""))  # fmt: skip
    print(report["table"])
    print(f"\nwrites/s achieved: {report['writes_per_second']:.0f}   "
          f"server errors (5xx): {report['server_errors']}   "
          f"connection failures: {report['connection_failures']}")  # fmt: skip
    per_write = report["cpu_ms_per_write"]
    print("server CPU per write during the load (ms): " + ", ".join(
        f"{role} {ms:.2f}" for role, ms in sorted(per_write.items()))
        + f"; app and database: {per_write.get('app', 0) + per_write.get('database', 0):.2f}")  # fmt: skip
    for key in ("freshness", "console_freshness", "event_lag", "phase_change", "phase_page",
                "client_loop_lag", "harvest_freshness"):  # fmt: skip
        print(report[key])
    print(
        f"probes never shown: {report['probes_never_shown']}; phones that never saw Dream: "
        f"{report['phones_missing_phase']}; live stream reconnects: {report['stream_drops']}"
    )
    if "real_phones" in report:
        print(report["real_phones"] + f"; never got there: {len(report['real_phones_failed'])}")
        for failure in report["real_phones_failed"]:
            print(f"  {failure}")
    if "kill" in report:
        restart = report.get("restart_seconds")
        print(
            f"fault: {report['kill']}"
            + (f"; serving again after {restart:.2f} s" if restart else "")
        )
    print(f"writes p95 (ms) by second sent, phase change at {report['phase_changed_second']:.0f}"
          f" s: {report['write_timeline']}")  # fmt: skip
    memory = report["memory"]
    step = max(1, len(memory) // 12)
    print("server memory (MB) over time: " + ", ".join(
        f"{at:.0f}s {mb:.0f}" for at, mb in memory[::step]) + f"; peak {max(mb for _, mb in memory):.0f}")  # fmt: skip
    check = report["exactly_once"]
    for kind in ("story", "dream"):
        row = check[kind]
        print(f"exactly once, {kind}: {row['acknowledged']} acknowledged, {row['lost']} lost, "
              f"{row['duplicated']} duplicated, {row['stored_unacknowledged']} stored but never "
              "acknowledged")  # fmt: skip
    if check["harvest"]["tables"]:
        print(f"harvests: last acknowledged one of {check['harvest']['tables']} tables, "
              f"{check['harvest']['mismatched']} not as stored")  # fmt: skip
    print(f"exactly once, dots: {check['dots']['acknowledged']} acknowledged, "
          f"{check['dots']['mismatched']} mismatched; retries answered 'already stored': "
          f"{report['resent_found']}; refused for good: {report['rejected']}")  # fmt: skip
