"""`manage.py bench` (`make bench`): the site under load against a static copy of the same HTML.

The site runs under gunicorn with production settings and the demo content (a throwaway SQLite
database unless DATABASE_URL is set); nginx serves the same HTML from a temporary directory. wrk
loads each page on one and then on the other, round after round, so that anything else the
machine is doing slows both alike. Everything listens on loopback and is stopped at the end.
"""

import http.client
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from website.core.benchmark import (
    MEASUREMENT_HEADER,
    MEASUREMENT_ROW,
    SUMMARY_HEADER,
    SUMMARY_ROW,
    Measurement,
    PageSummary,
    WrkResult,
    bench_summary,
    nginx_config,
    wrk_output_parse,
)
from website.settings.env import env_int

# (name, path): the home page, search with results, listings, a content page, and the
# volunteering board sorted by distance from a postcode.
PAGES = (
    ("home", "/"),
    ("search", "/search/?q=wellbeing"),
    ("listing", "/consultations/"),
    ("detail", "/about/"),
    ("board", "/volunteering/?postcode=PL4+6AB&distance=5&sort=distance"),
    ("opportunity", "/volunteering/welcome-visitors-at-the-box/"),
    ("finder", "/support-near-you/?postcode=PL4+6AB&open_now=on"),
    ("hub", "/support-near-you/mount-gould-hub/"),
    ("oruk_services", "/open-referral/services?per_page=50"),
    ("oruk_nearby", "/open-referral/service_at_locations?postcode=PL4+6AB&proximity=3000"),
)
TARGETS = ("site", "static")
SETUP_COMMANDS = (
    ("migrate", "--no-input", "-v", "0"),
    ("load_demo_content",),
    ("collectstatic", "--no-input", "-v", "0"),
)
SETUP_TIMEOUT = 600  # seconds, for each setup command
START_TIMEOUT = 60  # seconds for a server to answer
WARM_UP_SECONDS = 1
BUSY_LOAD_AVERAGE = 0.5  # warn when other work was already using half a core


def bench_env(work: Path) -> dict[str, str]:
    """Environment for the site: production settings, loopback only, throwaway data."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",  # plain HTTP on loopback
        "MEDIA_ROOT": str(work / "media"),
        "STATIC_ROOT": str(work / "static"),  # collectstatic and whitenoise, not the repo's
        "LOG_LEVEL": "WARNING",
    }
    if not env.get("DATABASE_URL"):
        env["DATABASE_URL"] = f"sqlite:///{work / 'bench.sqlite3'}"
    return env


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing is listening on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def http_get(port: int, path: str) -> tuple[int, bytes]:
    """Status and body of GET http://127.0.0.1:port/path, without following redirects."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def _tail(path: Path, lines: int = 20) -> str:
    text = path.read_text(errors="replace") if path.exists() else ""
    return "\n".join(text.splitlines()[-lines:])


def wait_until_serving(process: subprocess.Popen, port: int, path: str, log: Path) -> None:
    """Return once the server answers 200 on `path`; CommandError if it dies or takes too long."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise CommandError(f"{process.args[0]} exited ({process.returncode}):\n{_tail(log)}")
        try:
            status, _body = http_get(port, path)
        except OSError:
            time.sleep(0.2)
            continue
        if status == 200:
            return
        raise CommandError(f"{path} answered {status} at start-up, not 200:\n{_tail(log)}")
    raise CommandError(f"Nothing answered on port {port} within {START_TIMEOUT} s:\n{_tail(log)}")


def stop(process: subprocess.Popen) -> None:
    """Stop a server started in its own session: quick shutdown, then kill its process group."""
    if process.poll() is None:
        process.send_signal(signal.SIGINT)  # gunicorn and nginx: quick shutdown
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _run(args: list[str], timeout: float, **kwargs) -> subprocess.CompletedProcess:
    # Every argument is built here from fixed strings and resolved tool paths.
    return subprocess.run(  # noqa: S603
        args, capture_output=True, text=True, timeout=timeout, check=False, **kwargs
    )


def tool_ensure(name: str, package: str, say) -> str | None:
    """The path of a command-line tool, installed with apt-get when missing and we are root."""
    if not shutil.which(name) and os.geteuid() == 0 and shutil.which("apt-get"):
        say(f"Installing {package} with apt-get...")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        install = ["apt-get", "install", "-y", "-qq", package]
        if _run(install, 600, env=env).returncode != 0:
            _run(["apt-get", "update", "-qq"], 600, env=env)
            _run(install, 600, env=env)
    return shutil.which(name)


@dataclass(frozen=True)
class LoadSettings:
    """How hard and how long wrk pushes each page."""

    wrk: str
    seconds: int
    threads: int
    connections: int

    def run(self, url: str, seconds: int | None = None) -> WrkResult:
        """Load `url` for the configured time (or `seconds`) and parse the figures."""
        args = [self.wrk, f"-t{self.threads}", f"-c{self.connections}"]
        args += [f"-d{seconds or self.seconds}s", "--latency", "--timeout", "10s", url]
        completed = _run(args, (seconds or self.seconds) + 30)
        if completed.returncode != 0:
            raise CommandError(f"wrk failed on {url}:\n{completed.stderr}{completed.stdout}")
        return wrk_output_parse(completed.stdout)


class Command(BaseCommand):
    help = (
        "Load the home, search, listing and detail pages with wrk, served by gunicorn with "
        "production settings, against the same HTML served by nginx; print req/s, p50, p99."
    )

    def add_arguments(self, parser):
        options = (
            ("--duration", "BENCH_DURATION", 5, "seconds of load per page, target and round"),
            ("--rounds", "BENCH_ROUNDS", 3, "rounds, each loading every page on both targets"),
            ("--threads", "BENCH_THREADS", 2, "wrk threads"),
            ("--connections", "BENCH_CONNECTIONS", 8, "wrk connections kept open"),
            ("--workers", "BENCH_WORKERS", 3, "gunicorn sync workers"),
        )
        for flag, variable, default, text in options:
            parser.add_argument(
                flag, type=int, default=env_int(variable, default), help=f"{text} ({variable})"
            )

    def handle(self, *args, **options):
        if options["threads"] > options["connections"]:
            raise CommandError("wrk needs at least as many connections as threads.")
        wrk = tool_ensure("wrk", "wrk", self._say)
        if not wrk:
            raise CommandError("wrk is missing: install it (as root: apt-get install wrk).")
        nginx = tool_ensure("nginx", "nginx", self._say)
        load = LoadSettings(wrk, options["duration"], options["threads"], options["connections"])
        previous = signal.signal(signal.SIGTERM, _interrupt)
        try:
            with ExitStack() as stack:
                self._bench(stack, load, nginx, options)
        except KeyboardInterrupt:
            raise CommandError("Interrupted: servers stopped, temporary files removed.") from None
        finally:
            signal.signal(signal.SIGTERM, previous)

    def _say(self, text: str) -> None:
        self.stdout.write(text)
        self.stdout.flush()

    def _bench(self, stack: ExitStack, load: LoadSettings, nginx: str | None, options) -> None:
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-")))
        env = bench_env(work)
        self._prepare(env)
        site_port = self._start_site(stack, work, env, options["workers"])
        root = work / "html"
        sizes = self._copy_pages(site_port, root)
        static_port, static_server = self._start_static(stack, work, root, nginx)
        urls = {
            "site": {name: f"http://127.0.0.1:{site_port}{path}" for name, path in PAGES},
            "static": {name: f"http://127.0.0.1:{static_port}/{name}.html" for name, _ in PAGES},
        }
        self._describe(load, options, env, static_server, sizes)
        for name, _path in PAGES:  # warm both servers' caches; not counted
            for target in TARGETS:
                load.run(urls[target][name], seconds=WARM_UP_SECONDS)
        measurements = self._measure(load, urls, options["rounds"])
        self._summarise(bench_summary(measurements))

    def _prepare(self, env: dict[str, str]) -> None:
        self._say("Preparing: migrate, load_demo_content, collectstatic (production settings)...")
        manage = str(Path(settings.BASE_DIR) / "manage.py")
        for command in SETUP_COMMANDS:
            done = _run([sys.executable, manage, *command], SETUP_TIMEOUT, env=env)
            if done.returncode != 0:
                raise CommandError(f"{command[0]} failed:\n{done.stderr[-3000:]}")

    def _start_site(self, stack: ExitStack, work: Path, env: dict, workers: int) -> int:
        port, log = free_port(), work / "gunicorn.log"
        gunicorn = str(Path(sys.executable).parent / "gunicorn")
        args = [gunicorn, "website.wsgi", "--pythonpath", str(settings.SITE_DIR)]
        args += ["--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--worker-class"]
        args += ["sync", "--no-control-socket", "--error-logfile", str(log)]
        process = self._spawn(stack, args, env, log)
        wait_until_serving(process, port, "/", log)
        return port

    def _spawn(self, stack: ExitStack, args: list[str], env: dict, log: Path) -> subprocess.Popen:
        """Start a server in its own session (Ctrl-C reaches us, not it) and stop it on exit."""
        with log.open("ab") as output:
            process = subprocess.Popen(  # noqa: S603 (fixed arguments, resolved paths)
                args,
                env=env,
                cwd=settings.BASE_DIR,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        stack.callback(stop, process)
        return process

    def _copy_pages(self, port: int, root: Path) -> dict[str, int]:
        """Save each page's HTML from the site for the static server; fail unless all are 200."""
        root.mkdir()
        sizes = {}
        for name, path in PAGES:
            status, body = http_get(port, path)
            if status != 200:
                raise CommandError(f"{path} answered {status} from the site, not 200.")
            (root / f"{name}.html").write_bytes(body)
            sizes[name] = len(body)
        return sizes

    def _start_static(self, stack, work: Path, root: Path, nginx: str | None) -> tuple[int, str]:
        port, log = free_port(), work / "static-server.log"
        if nginx:
            config = work / "nginx.conf"
            as_root = os.geteuid() == 0
            config.write_text(nginx_config(root=root, work=work, port=port, as_root=as_root))
            args = [nginx, "-p", str(work), "-c", str(config), "-e", str(log)]
            args += ["-g", "daemon off;"]
            server = f"nginx ({_nginx_version(nginx)}, one worker per core)"
        else:
            self.stderr.write(
                "nginx could not be installed: the baseline is Python's http.server instead, "
                "which is far slower than a real static server, so the ratios flatter the site."
            )
            args = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"]
            args += ["--directory", str(root)]
            server = "Python http.server (FALLBACK: nginx unavailable; ratios flatter the site)"
        process = self._spawn(stack, args, os.environ.copy(), log)
        wait_until_serving(process, port, f"/{PAGES[0][0]}.html", log)
        return port, server

    def _describe(self, load, options, env, static_server: str, sizes: dict[str, int]) -> None:
        database = env["DATABASE_URL"].split(":", 1)[0]
        if "bench.sqlite3" in env["DATABASE_URL"]:
            database = "SQLite (fresh, temporary)"
        busy = os.getloadavg()[0]
        self._say(
            f"\nSite: gunicorn, {options['workers']} sync workers, production settings, "
            f"{database}, demo content.\nStatic: {static_server}, the same HTML.\n"
            f"Load: wrk -t{load.threads} -c{load.connections} -d{load.seconds}s, "
            f"{options['rounds']} rounds, site and static interleaved.\n"
            f"Machine: {os.cpu_count()} cores, 1-minute load average {busy:.2f} before the run.\n"
            "Pages: " + ", ".join(f"{n} {p} ({sizes[n]:,} bytes)" for n, p in PAGES) + "\n"
        )
        if busy > BUSY_LOAD_AVERAGE:
            self.stderr.write(
                "Other processes are busy: absolute figures will be low and noisy; the "
                "interleaved ratios suffer less. Run again on a quiet machine for the issue note."
            )

    def _measure(self, load: LoadSettings, urls: dict, rounds: int) -> list[Measurement]:
        self._say(MEASUREMENT_ROW.format(*MEASUREMENT_HEADER))
        measurements = []
        for number in range(1, rounds + 1):
            for name, _path in PAGES:
                for target in TARGETS:
                    measurement = Measurement(name, target, number, load.run(urls[target][name]))
                    self._say(measurement.row())
                    measurements.append(measurement)
        failed = sum(m.result.error_responses + m.result.socket_errors for m in measurements)
        if failed:
            self.stderr.write(f"{failed} requests failed (status 4xx/5xx or socket errors).")
        return measurements

    def _summarise(self, summaries: list[PageSummary]) -> None:
        self._say("\nMedians over the rounds; ratio = site / static; latencies in ms:")
        self._say(SUMMARY_ROW.format(*SUMMARY_HEADER))
        for summary in summaries:
            self._say(summary.row())


def _nginx_version(nginx: str) -> str:
    """`nginx/1.22.1`, from `nginx -v` (which prints to stderr)."""
    return _run([nginx, "-v"], 10).stderr.strip().removeprefix("nginx version: ")
