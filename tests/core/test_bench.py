"""The pure half of `manage.py bench`: reading wrk's output, the summary, the nginx config."""

from pathlib import Path

import pytest

from website.core.benchmark import (
    Figures,
    Measurement,
    PageSummary,
    WrkResult,
    bench_summary,
    duration_ms,
    nginx_config,
    wrk_output_parse,
)

# Captured from wrk 4.1.0 (Debian bookworm): a clean run, then one with failures.
WRK_CLEAN = """\
Running 1s test @ http://127.0.0.1:18765/index.html
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.62ms  789.74us   9.68ms   75.23%
    Req/Sec     1.14k   253.45     2.20k    95.24%
  Latency Distribution
     50%    2.55ms
     75%    3.01ms
     90%    3.53ms
     99%    5.27ms
  2383 requests in 1.10s, 435.36KB read
Requests/sec:   2167.33
Transfer/sec:    395.95KB
"""

WRK_FAILURES = """\
Running 1s test @ http://127.0.0.1:18765/missing.html
  1 threads and 2 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   680.74us  286.33us    1.49s    77.52%
    Req/Sec     2.76k   121.76     2.91k    81.82%
  Latency Distribution
     50%  632.00us
     75%  817.00us
     90%    1.00ms
     99%    1.20s
  3011 requests in 1.10s, 1.49MB read
  Socket errors: connect 0, read 2, write 0, timeout 5
  Non-2xx or 3xx responses: 3011
Requests/sec:   2739.09
Transfer/sec:      1.36MB
"""


def test_parse_reads_throughput_and_percentiles_not_the_thread_stats():
    result = wrk_output_parse(WRK_CLEAN)

    assert result == WrkResult(
        requests_per_second=2167.33,
        p50_ms=2.55,
        p99_ms=5.27,
        requests=2383,
        error_responses=0,
        socket_errors=0,
    )


def test_parse_converts_units_and_counts_failures():
    result = wrk_output_parse(WRK_FAILURES)

    assert result.p50_ms == pytest.approx(0.632)
    assert result.p99_ms == pytest.approx(1200.0)
    assert result.error_responses == 3011
    assert result.socket_errors == 7


def test_parse_refuses_output_without_the_latency_distribution():
    without_latency = WRK_CLEAN.replace("     50%    2.55ms\n", "").replace("99%", "98%")

    with pytest.raises(ValueError, match="p50, p99"):
        wrk_output_parse(without_latency)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("812.00us", 0.812), ("1.25ms", 1.25), ("2.00s", 2000.0), ("1.50m", 90_000.0)],
)
def test_duration_in_milliseconds(text, expected):
    assert duration_ms(text) == pytest.approx(expected)


def test_duration_rejects_anything_else():
    with pytest.raises(ValueError, match="Not a wrk duration"):
        duration_ms("fast")


def _result(rps: float, p50: float, p99: float = 9.0) -> WrkResult:
    return WrkResult(rps, p50, p99, requests=100, error_responses=0, socket_errors=0)


def test_summary_takes_medians_per_page_and_target_and_divides_site_by_static():
    measurements = [
        Measurement("home", "site", 1, _result(100, 20)),
        Measurement("home", "static", 1, _result(10_000, 0.5)),
        Measurement("home", "site", 2, _result(300, 10)),
        Measurement("home", "static", 2, _result(30_000, 0.1)),
        Measurement("home", "site", 3, _result(200, 40)),
        Measurement("home", "static", 3, _result(20_000, 0.2)),
        Measurement("search", "site", 1, _result(50, 80)),
        Measurement("search", "static", 1, _result(0, 0)),
    ]

    home, search = bench_summary(measurements)

    assert home.page == "home"
    assert home.site == Figures(rps=200, p50_ms=20, p99_ms=9.0)
    assert home.static == Figures(rps=20_000, p50_ms=0.2, p99_ms=9.0)
    assert home.rps_ratio == pytest.approx(0.01)
    assert home.p50_ratio == pytest.approx(100)
    assert search.page == "search"
    assert search.rps_ratio != search.rps_ratio  # NaN, not a ZeroDivisionError


def test_nginx_config_keeps_everything_in_the_work_dir_on_loopback(tmp_path: Path):
    config = nginx_config(root=tmp_path / "html", work=tmp_path, port=8123)

    assert "listen 127.0.0.1:8123;" in config
    assert f"root {tmp_path / 'html'};" in config
    assert f"pid {tmp_path / 'nginx.pid'};" in config
    for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        assert f"{kind}_temp_path {tmp_path / ('nginx-' + kind)};" in config
    assert "types { text/html html; }" in config
    assert "user " not in config  # only as root, where workers must keep our user


def test_nginx_config_as_root_keeps_the_current_user(tmp_path: Path):
    config = nginx_config(root=tmp_path, work=tmp_path, port=8123, as_root=True)

    assert config.startswith("user ")


def test_table_rows_show_the_figures_and_ratios():
    measurement = Measurement("search", "site", 2, WrkResult(1234.5, 6.789, 40.0, 100, 3, 1))
    summary = PageSummary(
        "home", Figures(rps=150, p50_ms=50, p99_ms=90), Figures(rps=30_000, p50_ms=0.1, p99_ms=3)
    )

    assert measurement.row().split() == ["search", "site", "2", "1,234", "6.79", "40.00", "4"]
    expected = ["home", "150", "30,000", "0.005", "50.00", "0.10", "500x", "90.00", "3.00"]
    assert summary.row().split() == expected
