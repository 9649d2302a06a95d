#!/usr/bin/env python3
"""Reads one sitting of bench/run.sh (the files in its OUT directory) and prints its summary or draws it as an SVG.

  python3 bench/sitting.py summary OUT    median of the rounds per target, per-round ratios, fixed-rate p99
  python3 bench/sitting.py chart OUT      an SVG on stdout: tokens/s and p99 per target, and the per-round ratios
  python3 bench/sitting.py timeline FILE  what one fixed-rate timeline (bench/FixedRate.java TIMELINE=FILE) says about
                                          its measured window: steady or not, worst second, writer batches, GC

OUT holds rounds.txt ("NAME round=N RESULT k=v ..."), fixed.txt ("NAME share=S [round=N] RESULT k=v ...") and meta.txt
(key=value). The SVG is written by hand (no plotting library needed), so that the chart comes from the same files as
the printed summary. Tests: python3 -m unittest bench/test_sitting.py
"""
import html
import math
import re
import statistics
import sys
from pathlib import Path

# limits.md's calibration (openssl rsa2048 sign/s, one thread): figures are scaled to it to compare with its aims
LIMITS_CALIBRATION = 1505
# (numerator, denominator, the target for the ratio or None)
RATIOS = [
    ("grantsmith-as", "noop-same-stack", 0.50),
    ("grantsmith-api", "noop-same-stack", None),
    ("grantsmith-as", "oidc-provider-opaque", 6.0),
    ("grantsmith-api", "oidc-provider-opaque", None),
    ("pg1-as", "grantsmith-as", None),
    ("pg1-as", "noop-same-stack", None),
    ("pg2-haproxy-as", "pg1-as", 1.0),
    ("pg-node2-as", "pg1-as", None),
]
P99_TARGET_MS = 25.0
COLOURS = {"grantsmith": "#2b6cb0", "pg": "#2f855a", "noop": "#718096", "oidc": "#c05621"}


def read_results(path, tag):
    """{name: [{tag: ..., rps: ..., ...}]} from lines "NAME tag=V RESULT k=v ..." in file order."""
    rows = {}
    if not path.exists():
        return rows
    for line in path.read_text().splitlines():
        if not line.strip():
            continue
        name, rest = line.split(" ", 1)
        # signed: a CPU delta can come out negative (see cpu_per_request), and must be seen to be dropped
        values = {k: float(v) for k, v in re.findall(r"(\w+)=(-?[\d.]+)", rest)}
        if tag in values:
            rows.setdefault(name, []).append(values)
    return rows


def read_meta(path):
    meta = {}
    if path.exists():
        for line in path.read_text().splitlines():
            if "=" in line:
                key, value = line.split("=", 1)
                meta[key] = value
    return meta


class Sitting:
    def __init__(self, out):
        out = Path(out)
        self.rounds = read_results(out / "rounds.txt", "round")
        self.fixed = read_results(out / "fixed.txt", "share")  # {name: [each fixed-rate run]}
        self.meta = read_meta(out / "meta.txt")
        self.median = {n: {k: statistics.median(v[k] for v in vs) for k in ("rps", "p50_ms", "p99_ms", "non2xx_or_3xx")}
                       for n, vs in self.rounds.items()}

    def fixed_runs(self):
        """(label, values) of every fixed-rate run, by target then round."""
        return [(n + (f" round {f['round']:.0f}" if "round" in f and len(vs) > 1 else ""), f)
                for n, vs in self.fixed.items() for f in vs]

    def per_round(self, name):
        return {int(v["round"]): v["rps"] for v in self.rounds.get(name, [])}

    def ratio(self, a, b):
        """The per-round ratios of a to b (each round's two runs ran at most minutes apart), or None."""
        if a not in self.rounds or b not in self.rounds:
            return None
        ra, rb = self.per_round(a), self.per_round(b)
        return [ra[r] / rb[r] for r in sorted(ra) if r in rb]

    def calibration(self):
        values = [float(self.meta[k]) for k in ("calibration_start", "calibration_end") if self.meta.get(k)]
        return statistics.mean(values) if values else None


def cpu_per_request(rounds):
    """({process: median CPU µs per request}, {process: [rounds left out]}) over the rounds of one target.

    run.sh sums the CPU ticks of processes that live at each sample; PostgreSQL's are all of its processes then, so
    a backend that exits during a run takes its ticks out of the second sum and the difference can come out
    negative (or merely too small). A negative difference is left out of the median, with the round named, rather
    than shown as a CPU time; a process with no round left is not shown.
    """
    keys = sorted({k for v in rounds for k in v if k.startswith("cpu_") and k.endswith("_ms")},
                  key=lambda k: next(i for i, v in enumerate(rounds) if k in v))
    cpu, dropped = {}, {}
    for k in keys:
        name = k[4:-3]
        kept = [v[k] * 1000 / v["requests"] for v in rounds if k in v and v[k] >= 0 and v.get("requests")]
        dropped[name] = [v.get("round", i + 1) for i, v in enumerate(rounds) if k in v and v[k] < 0]
        if kept:
            cpu[name] = statistics.median(kept)
    return cpu, dropped


def summary(sitting):
    print("## summary (median of rounds)")
    for n, m in sitting.median.items():
        print(f"{n:24s} {m['rps']:>10,.0f} req/s   p50 {m['p50_ms']:.2f} ms   p99 {m['p99_ms']:.2f} ms   "
              f"non-2xx {m['non2xx_or_3xx']:.0f}")
    print()
    for a, b, _ in RATIOS:
        per_round = sitting.ratio(a, b)
        if per_round:
            rounds = "  ".join(f"{x:.2f}" for x in per_round)
            print(f"{a} / {b} = {statistics.median(per_round):.2f}   (per round: {rounds})")
    print()
    for n, vs in sitting.rounds.items():
        cpu, dropped = cpu_per_request(vs)
        shown = "  ".join(f"{k} {us:,.0f}" + (f" ({len(vs) - len(dropped[k])} of {len(vs)} rounds)" if dropped[k] else "")
                          for k, us in cpu.items() if us >= 5)
        if shown:
            print(f"{n} CPU µs per request (median of rounds): {shown}")
        batches = [v["writer_writes"] / v["writer_batches"] for v in vs if v.get("writer_batches", 0) > 0]
        if batches:
            print(f"{n} writes per store transaction (median of rounds): {statistics.median(batches):.1f}   "
                  f"(per round: {'  '.join(f'{x:.1f}' for x in batches)})")
        for k, rounds in dropped.items():
            if rounds:
                print(f"  note: {n} {k} CPU left out of round(s) {', '.join(f'{r:.0f}' for r in rounds)}: its "
                      f"counter went down during the run (a process it sums, e.g. a PostgreSQL backend, exited "
                      f"between the samples), so that round's figure for it is not a CPU time")
    calibration = sitting.calibration()
    if calibration:
        for n in ("grantsmith-as", "pg1-as", "pg2-haproxy-as", "pg-node2-as"):
            if n in sitting.median:
                scaled = sitting.median[n]["rps"] * LIMITS_CALIBRATION / calibration
                print(f"{n} scaled to limits.md's calibration ({LIMITS_CALIBRATION:,} / {calibration:,.0f}): "
                      f"{scaled:,.0f} req/s")
    for n, f in sitting.fixed_runs():
        print(f"{n} at {f['share']:.0%} of its maximum ({f['target_rps']:,.0f} req/s asked, "
              f"{f.get('served_rps', f['rps']):,.0f} answered within the run, last request {f.get('last_request_late_ms', 0):.0f} ms late): "
              f"p50 {f['p50_ms']:.2f} ms  p99 {f['p99_ms']:.2f} ms  p99.9 {f['p999_ms']:.2f} ms  "
              f"max {f['max_ms']:.2f} ms  non-2xx {f['non2xx_or_3xx']:.0f}  errors {f['errors']:.0f}"
              + (f"  unanswered {f['unanswered']:.0f}" if "unanswered" in f else ""))


def colour(name):
    for prefix, value in COLOURS.items():
        if name.startswith(prefix):
            return value
    return "#4a5568"


def text(x, y, s, size=12, anchor="start", weight="normal", fill="#1a202c"):
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" font-weight="{weight}" '
            f'fill="{fill}">{html.escape(s)}</text>')


def nice_max(value):
    """An axis end a little above value: 1, 2 or 5 times a power of ten."""
    if value <= 0:
        return 1
    magnitude = 10 ** len(str(int(value))) / 10
    for step in (1, 2, 2.5, 5, 10):
        if value * 1.05 <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def bar_panel(svg, top, title, rows, unit, axis_max, marks=()):
    """Horizontal bars: rows of (label, value, dots, fill, note); marks are (value, label) vertical lines."""
    left, width, row_h = 270, 520, 22
    svg.append(text(20, top, title, 14, weight="bold"))
    y0 = top + 14
    for i, (label, value, dots, fill, note) in enumerate(rows):
        y = y0 + i * row_h
        svg.append(text(left - 8, y + 14, label, 12, "end"))
        w = width * min(value, axis_max) / axis_max
        svg.append(f'<rect x="{left}" y="{y + 3}" width="{w:.1f}" height="{row_h - 8}" fill="{fill}" opacity="0.85"/>')
        for d in dots:
            svg.append(f'<circle cx="{left + width * min(d, axis_max) / axis_max:.1f}" cy="{y + row_h / 2 - 1:.1f}" '
                       f'r="2.6" fill="#1a202c"/>')
        svg.append(text(left + width + 10, y + 14, note, 11))
    bottom = y0 + len(rows) * row_h
    for value, label in marks:
        x = left + width * value / axis_max
        svg.append(f'<line x1="{x:.1f}" y1="{y0}" x2="{x:.1f}" y2="{bottom}" stroke="#e53e3e" stroke-dasharray="4 3"/>')
        svg.append(text(x, bottom + 12, label, 10, "middle", fill="#e53e3e"))
    svg.append(f'<line x1="{left}" y1="{bottom}" x2="{left + width}" y2="{bottom}" stroke="#a0aec0"/>')
    for k in range(5):
        value = axis_max * k / 4
        svg.append(text(left + width * k / 4, bottom + 24, f"{value:,.0f}" if axis_max >= 10 else f"{value:.2f}",
                        10, "middle", fill="#4a5568"))
    svg.append(text(left + width, bottom + 36, unit, 10, "end", fill="#4a5568"))
    return bottom + 56


def chart(sitting):
    names = list(sitting.median)
    svg = []
    meta = sitting.meta
    y = 28
    svg.append(text(20, y, f"Grantsmith bench sitting {meta.get('date', '')} (commit {meta.get('commit', '?')})",
                    16, weight="bold"))
    y += 18
    loads = ", ".join(f"{k[5:]} {v}" for k, v in meta.items() if k.startswith("load_"))
    svg.append(text(20, y, f"{meta.get('cores', '?')} cores shared with the load generator; wrk {meta.get('wrk', '')}; "
                           f"calibration rsa2048 sign/s {meta.get('calibration_start', '?')} → "
                           f"{meta.get('calibration_end', '?')} (limits.md: {LIMITS_CALIBRATION:,})", 11, fill="#4a5568"))
    y += 15
    svg.append(text(20, y, f"load average: {loads}" + (f"; PostgreSQL nodes: {meta['pg']}" if "pg" in meta else ""),
                    11, fill="#4a5568"))
    y += 32

    rps_rows = []
    for n in names:
        dots = [v["rps"] for v in sitting.rounds[n]]
        rps_rows.append((n, sitting.median[n]["rps"], dots, colour(n), f"{sitting.median[n]['rps']:,.0f}"))
    for n, f in sitting.fixed_runs():
        served = f.get("served_rps", f["rps"])
        rps_rows.append((f"{n} fixed {f['share']:.0%}", served, [], "#cbd5e0",
                         f"{served:,.0f} answered of {f['target_rps']:,.0f} asked (open loop)"))
    top_rps = max([r[1] for r in rps_rows] + [d for r in rps_rows for d in r[2]] + [1])
    calibration = sitting.calibration()
    aim = [(20000 * calibration / LIMITS_CALIBRATION, "20k aim at this calibration")] if calibration else []
    y = bar_panel(svg, y, "tokens/s (requests/s): bar = median of the rounds, dots = each round",
                  rps_rows, "req/s", nice_max(max([top_rps] + [a[0] for a in aim])), marks=aim)

    p99_rows = [(n, sitting.median[n]["p99_ms"], [v["p99_ms"] for v in sitting.rounds[n]], colour(n),
                 f"{sitting.median[n]['p99_ms']:.1f} ms (closed loop, wrk)") for n in names]
    for n, f in sitting.fixed_runs():
        p99_rows.append((f"{n} at {f['share']:.0%} of max", f["p99_ms"], [], "#ed8936",
                         f"{f['p99_ms']:.1f} ms at {f['target_rps']:,.0f} req/s asked (open loop)"))
    top_p99 = max([r[1] for r in p99_rows] + [d for r in p99_rows for d in r[2]] + [P99_TARGET_MS])
    y = bar_panel(svg, y, "p99 latency (bars past the axis end are cut; the label gives the value)", p99_rows, "ms",
                  min(nice_max(top_p99), 200),
                  marks=[(P99_TARGET_MS, f"target {P99_TARGET_MS:.0f} ms at 80 %")])

    ratio_rows = []
    marks = []
    for a, b, target in RATIOS:
        per_round = sitting.ratio(a, b)
        if per_round:
            ratio_rows.append((a, b, per_round, target))
    if ratio_rows:
        svg.append(text(20, y, "ratios per round (dots) and their median (bar), log scale; red tick = the issue's target",
                        14, weight="bold"))
        y += 14
        left, width, row_h = 270, 520, 22
        low, high = 0.02, 20.0  # the log axis: ratios outside it are drawn at its ends
        x_of = lambda v: left + width * (math.log10(min(max(v, low), high) / low) / math.log10(high / low))
        for tick in (0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10):
            svg.append(f'<line x1="{x_of(tick):.1f}" y1="{y}" x2="{x_of(tick):.1f}" y2="{y + row_h * len(ratio_rows)}" '
                       f'stroke="{"#4a5568" if tick == 1 else "#e2e8f0"}"/>')
            svg.append(text(x_of(tick), y + row_h * len(ratio_rows) + 12, f"{tick:g}", 10, "middle", fill="#4a5568"))
        for a, b, per_round, target in ratio_rows:
            median = statistics.median(per_round)
            svg.append(text(left - 8, y + 14, f"{a} / {b}", 11, "end"))
            svg.append(f'<rect x="{left}" y="{y + 3}" width="{x_of(median) - left:.1f}" height="{row_h - 8}" '
                       f'fill="{colour(a)}" opacity="0.55"/>')
            for value in per_round:
                svg.append(f'<circle cx="{x_of(value):.1f}" cy="{y + row_h / 2 - 1:.1f}" r="3" fill="#1a202c"/>')
            if target:
                svg.append(f'<line x1="{x_of(target):.1f}" y1="{y + 1}" x2="{x_of(target):.1f}" y2="{y + row_h - 3}" '
                           f'stroke="#e53e3e" stroke-width="2"/>')
            rounds = " ".join(f"{v:.2f}" for v in per_round)
            svg.append(text(left + width + 6, y + 14, f"{median:.2f} (rounds {rounds})", 10))
            y += row_h
        y += 30
    width_px = 1100
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width_px}" height="{y}" viewBox="0 0 {width_px} {y}" '
            f'font-family="DejaVu Sans, Arial, sans-serif">\n<rect width="100%" height="100%" fill="white"/>\n'
            + "\n".join(svg) + "\n</svg>\n")


def timeline(path):
    """Reads a FixedRate timeline and prints whether its window was steady, its worst second, writer and GC."""
    rows, header = [], None
    for line in Path(path).read_text().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        if header is None:
            header = line.split()
            continue
        rows.append(dict(zip(header, line.split())))
    window = [r for r in rows if r["phase"] == "window"]
    if not window:
        print(f"{path}: no measured window")
        return

    def num(r, k):
        try:
            return float(r[k])
        except (KeyError, ValueError):
            return math.nan

    before = [r for r in rows if r["phase"] != "window" and float(r["t_s"]) < float(window[0]["t_s"])]
    answered = [num(r, "answered") for r in window]
    worst = max(window, key=lambda r: num(r, "p99_ms"))
    over = sum(1 for r in window if num(r, "p99_ms") > P99_TARGET_MS)
    print(f"window: {len(window)} buckets, answered per bucket {min(answered):.0f}-{max(answered):.0f} "
          f"(due {num(window[0], 'due'):.0f}), backlog at its start {num(before[-1], 'backlog') if before else 0:.0f}, "
          f"max {max(num(r, 'backlog') for r in window):.0f}; worst bucket p99 {num(worst, 'p99_ms'):.1f} ms "
          f"(max {num(worst, 'max_ms'):.1f}) at {worst['utc']}, {over} bucket(s) over {P99_TARGET_MS:.0f} ms")
    if "hiccup_ms" in header:
        slow = [r for r in window if num(r, "p99_ms") > P99_TARGET_MS]
        probes = [k for k in ("hiccup_ms", "fsync_ms") if k in header]
        print("machine stalls in the window (max per bucket): "
              + ", ".join(f"{k[:-3]} {max(num(r, k) for r in window):.1f} ms" for k in probes)
              + (f"; in the {len(slow)} bucket(s) over {P99_TARGET_MS:.0f} ms: "
                 + " ".join("/".join(f"{num(r, k):.0f}" for k in probes) for r in slow)
                 + f" ms ({'/'.join(k[:-3] for k in probes)})"
                 + (", elsewhere at most "
                    + "/".join(f"{max(num(r, k) for r in window if r not in slow):.0f}" for k in probes)
                    + " ms" if len(slow) < len(window) else "") if slow else ""))
    if "nice_cpu_ms" in header:
        def mean_max(k):
            values = [v for r in window if not math.isnan(v := num(r, k))]
            return f"{statistics.mean(values):.0f}/{max(values):.0f}" if values else "-"
        print("CPU per second of the window, mean/max: "
              + (f"server {mean_max('server_cpu_ms')} ms, server threads waiting for a CPU "
                 f"{mean_max('server_wait_ms')} ms; " if "server_wait_ms" in header else "")
              + f"niced processes (others' builds and tests) {mean_max('nice_cpu_ms')} ms, idle {mean_max('idle_ms')} ms"
              + f" (of {1000 * (float(window[1]['t_s']) - float(window[0]['t_s'])) * 2:.0f} ms on 2 cores)")
    if "grantsmith_store_writer_batches_total" in header:
        batches = sum(v for r in window if not math.isnan(v := num(r, "grantsmith_store_writer_batches_total")))
        writes = sum(v for r in window if not math.isnan(v := num(r, "grantsmith_store_writer_writes_total")))
        queue = max((v for r in window if not math.isnan(v := num(r, "grantsmith_store_writer_queue"))), default=0)
        print(f"writer in the window: {writes:.0f} writes in {batches:.0f} batches "
              f"({writes / batches if batches else math.nan:.1f} per batch), queue at most {queue:.0f} at a scrape")
    if "jvm_gc_pause_seconds_count" in header:
        pauses = sum(v for r in window if not math.isnan(v := num(r, "jvm_gc_pause_seconds_count")))
        paused = sum(v for r in window if not math.isnan(v := num(r, "jvm_gc_pause_seconds_sum")))
        print(f"server GC in the window: {pauses:.0f} pauses, {paused * 1000:.0f} ms in all")


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "timeline":
        timeline(sys.argv[2])
        return
    if len(sys.argv) != 3 or sys.argv[1] not in ("summary", "chart"):
        sys.exit(__doc__)
    sitting = Sitting(sys.argv[2])
    if sys.argv[1] == "summary":
        summary(sitting)
    else:
        sys.stdout.write(chart(sitting))


if __name__ == "__main__":
    main()
