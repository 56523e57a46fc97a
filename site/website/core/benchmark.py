"""The pure half of `manage.py bench`: wrk's output read, results summarised, nginx configured.

Nothing here starts a process or touches the network; the command in
`website/core/management/commands/bench.py` does that and calls these.
"""

import grp
import os
import pwd
import re
import statistics
from dataclasses import dataclass
from pathlib import Path

MEASUREMENT_ROW = "{:<8} {:<7} {:>5} {:>10} {:>10} {:>10} {:>7}"
MEASUREMENT_HEADER = ("page", "target", "round", "req/s", "p50 ms", "p99 ms", "errors")
SUMMARY_ROW = "{:<8} {:>10} {:>10} {:>7} {:>9} {:>9} {:>7} {:>9} {:>9}"
SUMMARY_HEADER = ("page", "site r/s", "stat r/s", "ratio", "site p50", "stat p50", "ratio")
SUMMARY_HEADER += ("site p99", "stat p99")
MS_PER_UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


@dataclass(frozen=True)
class WrkResult:
    """One wrk run: throughput, latency percentiles in milliseconds, and what went wrong."""

    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    error_responses: int  # wrk counts responses with a status of 400 or more
    socket_errors: int


@dataclass(frozen=True)
class Measurement:
    """A wrk result for one page on one target in one round."""

    page: str
    target: str
    round: int
    result: WrkResult

    def row(self) -> str:
        """This measurement as a line of the results table."""
        r = self.result
        errors = r.error_responses + r.socket_errors
        rps, p50, p99 = f"{r.requests_per_second:,.0f}", f"{r.p50_ms:.2f}", f"{r.p99_ms:.2f}"
        return MEASUREMENT_ROW.format(self.page, self.target, self.round, rps, p50, p99, errors)


@dataclass(frozen=True)
class Figures:
    """Requests/s and p50/p99 latency in milliseconds: medians over the rounds."""

    rps: float
    p50_ms: float
    p99_ms: float


@dataclass(frozen=True)
class PageSummary:
    """One page's figures on the site and on the static copy."""

    page: str
    site: Figures
    static: Figures

    @property
    def rps_ratio(self) -> float:
        """Site requests/s as a fraction of the static server's."""
        return _ratio(self.site.rps, self.static.rps)

    @property
    def p50_ratio(self) -> float:
        """How many times longer the site's median response takes."""
        return _ratio(self.site.p50_ms, self.static.p50_ms)

    def row(self) -> str:
        """This summary as a line of the summary table."""
        site, static = self.site, self.static
        rps = (f"{site.rps:,.0f}", f"{static.rps:,.0f}", f"{self.rps_ratio:.2g}")
        p50 = (f"{site.p50_ms:.2f}", f"{static.p50_ms:.2f}", _times(self.p50_ratio))
        return SUMMARY_ROW.format(
            self.page, *rps, *p50, f"{site.p99_ms:.2f}", f"{static.p99_ms:.2f}"
        )


def _times(ratio: float) -> str:
    """A ratio as `12x` or `1.5x`."""
    return f"{ratio:,.0f}x" if ratio >= 10 else f"{ratio:.1f}x"


def _ratio(numerator: float, denominator: float) -> float:
    """numerator / denominator, or NaN when the denominator is zero."""
    return numerator / denominator if denominator else float("nan")


def duration_ms(text: str) -> float:
    """A wrk duration such as `812.00us`, `1.25ms` or `2.00s`, in milliseconds."""
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text.strip())
    if not match:
        raise ValueError(f"Not a wrk duration: {text!r}")
    return float(match[1]) * MS_PER_UNIT[match[2]]


def wrk_output_parse(output: str) -> WrkResult:
    """The figures from `wrk --latency` output; ValueError if a required line is missing."""
    found = {
        "rps": re.search(r"^Requests/sec:\s+([\d.]+)", output, re.M),
        "p50": re.search(r"^\s+50%\s+(\S+)", output, re.M),
        "p99": re.search(r"^\s+99%\s+(\S+)", output, re.M),
        "requests": re.search(r"^\s+(\d+) requests in", output, re.M),
    }
    missing = [name for name, match in found.items() if match is None]
    if missing:
        raise ValueError(f"wrk output without {', '.join(missing)}:\n{output}")
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return WrkResult(
        requests_per_second=float(found["rps"][1]),
        p50_ms=duration_ms(found["p50"][1]),
        p99_ms=duration_ms(found["p99"][1]),
        requests=int(found["requests"][1]),
        error_responses=int(errors[1]) if errors else 0,
        socket_errors=sum(int(count) for count in sockets.groups()) if sockets else 0,
    )


def bench_summary(measurements: list[Measurement]) -> list[PageSummary]:
    """Per page, in the order measured, the median of each figure over the rounds."""

    def medians(page: str, target: str) -> Figures:
        results = [m.result for m in measurements if (m.page, m.target) == (page, target)]
        if not results:
            return Figures(float("nan"), float("nan"), float("nan"))
        fields = ("requests_per_second", "p50_ms", "p99_ms")
        return Figures(*(statistics.median(getattr(r, f) for r in results) for f in fields))

    pages = dict.fromkeys(m.page for m in measurements)
    return [PageSummary(page, medians(page, "site"), medians(page, "static")) for page in pages]


def nginx_config(*, root: Path, work: Path, port: int, as_root: bool = False) -> str:
    """An nginx configuration serving `root` on loopback, every file it writes kept in `work`."""
    # As root, nginx would hand its workers to `nobody`, who cannot read a private temp dir.
    user = f"user {pwd.getpwuid(os.getuid()).pw_name} {grp.getgrgid(os.getgid()).gr_name};"
    temp_paths = "\n".join(
        f"    {kind}_temp_path {work / ('nginx-' + kind)};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""{user if as_root else ""}
worker_processes auto;
pid {work / "nginx.pid"};
error_log {work / "nginx-error.log"} warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
{temp_paths}
    types {{ text/html html; }}
    default_type application/octet-stream;
    charset utf-8;
    sendfile on;
    server {{
        listen 127.0.0.1:{port};
        root {root};
    }}
}}
"""
