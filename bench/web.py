"""Web load benchmark: latency of the scorecard and province comparison pages.

    .venv/bin/python bench/web.py [--database-url URL] [--clients 16] [--requests 2000]
                                  [--write]

Sets up the database (migrate, the official units, the catalogue, then `tongket synth`
for 2021–2025 over the whole country once; reused when present), creates a bench
superior over the province with the most communes, starts the real server (`tongket
serve`, waitress) on a free loopback port, logs every client in through the login form
and drives them concurrently (one thread and one keep-alive connection each) over a mix
of URLs: the scorecard `/don-vi/<id>/ket-qua/<year>/` of random communes of the province
(today's for 2025, the former ones that became them before) and, when the page exists,
the comparison `/don-vi/<province id>/so-sanh/<year>/`. Warm-up requests are not counted.
Reports per page: requests, errors, p50/p95/p99/max latency, throughput, and the
server's CPU time per request. Without --database-url the database is a scratch SQLite
file under var/bench/; for PostgreSQL create a scratch database first, e.g.
`createdb -h 127.0.0.1 -U postgres tongket_bench` and pass
`--database-url postgres://postgres@127.0.0.1:5432/tongket_bench`.
With --write the figures replace this database's part of the "Web" section of
bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tongket.units.models import Unit

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "RESULTS.md"
HEADING = "## Web (bench/web.py)"
YEARS = (2021, 2022, 2023, 2024, 2025)
TODAY_YEAR = 2025
GOAL_P95_MS = 150.0
GOAL_CLIENTS = 16
BENCH_USER = "bench-superior"
BENCH_PASSWORD = "bench-password-2025"  # a scratch database on loopback only
SCORECARD, COMPARE = "scorecard", "compare"


@dataclass(frozen=True)
class Plan:
    province_id: int
    province_name: str
    today: list[int]  # commune ids for 2025
    former: list[int]  # commune ids for 2021–2024
    has_compare: bool
    engine: str
    dataset: str


@dataclass
class Sample:
    page: str
    ms: float
    ok: bool


@dataclass
class Shared:
    remaining: int
    lock: threading.Lock = field(default_factory=threading.Lock)
    samples: list[Sample] = field(default_factory=list)

    def take(self) -> bool:
        with self.lock:
            if self.remaining <= 0:
                return False
            self.remaining -= 1
            return True


def configure_environment(database_url: str | None) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "tongket.site.settings"
    os.environ["TONGKET_VAR_DIR"] = str(ROOT / "var" / "bench")
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("LOG_LEVEL", "WARNING")


def prepare(say: Callable[[str], None]) -> Plan:
    """Migrate, load units and catalogue, synthesise once, create the bench superior."""
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.urls import NoReverseMatch, reverse

    from tongket.indicators.services import load_default_catalogue
    from tongket.units.loading import load_official_units
    from tongket.units.models import Source, Unit

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        Path(database["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    call_command("migrate", interactive=False, verbosity=0)
    if not Unit.objects.filter(source=Source.GSO).exists():
        say("Loading the official units…")
        load_official_units()
    load_default_catalogue()
    dataset = ensure_dataset(say)
    province, today, former = bench_province()
    ensure_bench_user(province)
    try:
        reverse("web:compare", args=[province.pk, TODAY_YEAR])
        has_compare = True
    except NoReverseMatch:
        has_compare = False
    engine = "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"
    connection.close()
    return Plan(province.pk, province.name, today, former, has_compare, engine, dataset)


def ensure_dataset(say: Callable[[str], None]) -> str:
    from tongket.results.models import Result, Target
    from tongket.synth.generate import SYNTH_NOTE
    from tongket.synth.writer import has_synthetic, synthesize

    if not all(has_synthetic(year, None) for year in YEARS):
        say("Generating the national data set (tongket synth, 2021–2025)…")
        started = time.perf_counter()
        reports = synthesize(YEARS, replace=True, progress=say)
        rows = sum(r.rows for r in reports)
        seconds = time.perf_counter() - started
        say(f"{rows:,} rows in {seconds:.0f} s ({rows / seconds:,.0f} rows/s)")
    targets = Target.objects.filter(note=SYNTH_NOTE).count()
    results = Result.objects.filter(note=SYNTH_NOTE).count()
    return f"{targets:,} synthetic targets and {results:,} results (2021–2025, seed 0)"


def bench_province() -> tuple[Unit, list[int], list[int]]:
    """The current province with the most communes, its communes and their predecessors."""
    from django.db.models import Count

    from tongket.units.lookup import lineage_predecessor_ids
    from tongket.units.models import Level, Unit

    province = (
        Unit.objects.current()
        .filter(level=Level.PROVINCE)
        .annotate(n=Count("children"))
        .order_by("-n", "code")
        .first()
    )
    assert province is not None, "no provinces loaded"
    today = list(
        Unit.objects.current()
        .filter(parent=province, level=Level.COMMUNE)
        .values_list("pk", flat=True)
    )
    former = sorted(lineage_predecessor_ids(today))
    return province, today, former


def ensure_bench_user(province: Unit) -> None:
    from django.contrib.auth import get_user_model

    from tongket.access.models import Membership, Role

    users = get_user_model()
    user = users.objects.filter(username=BENCH_USER).first()
    if user is None:
        user = users(username=BENCH_USER, first_name="Cấp trên (đo tải)")
        user.set_password(BENCH_PASSWORD)
        user.save()
    Membership.objects.filter(user=user).delete()
    Membership.objects.create(user=user, role=Role.SUPERIOR, unit=province)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(port: int, threads: int, workers: int, log: Path) -> subprocess.Popen[bytes]:
    """`tongket serve` on `port`; its log (queue warnings…) goes to `log`."""
    command = [sys.executable, "-m", "tongket.cli", "serve", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--threads", str(threads), "--workers", str(workers)]
    with log.open("ab") as sink:
        server = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=sink, env=os.environ.copy()
        )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server stopped (exit code {server.returncode})")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/dang-nhap/")
            if connection.getresponse().status == 200:
                connection.close()
                return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("the server did not answer within 120 s")


def server_cpu_seconds(pid: int) -> float | None:
    """utime + stime of the server process and its worker processes (Linux), or None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return None
    own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return own + sum(server_cpu_seconds(int(child)) or 0.0 for child in children)


def server_kind(workers: int) -> str:
    return "waitress (1 process)" if workers == 1 else f"gunicorn ({workers} processes)"


class Client:
    """One logged-in browser: a keep-alive connection and a session cookie."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: str | None = None) -> tuple[int, bytes]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            response, content = self.send(method, path, body, headers)
        except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
            # The server closed an idle keep-alive connection; a browser retries a GET on a
            # new connection, and so do we (once). Any other failure counts as an error.
            if method != "GET":
                raise
            response, content = self.send(method, path, body, headers)
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, content

    def send(
        self, method: str, path: str, body: str | None, headers: dict[str, str]
    ) -> tuple[http.client.HTTPResponse, bytes]:
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            return response, response.read()
        except (OSError, http.client.HTTPException):
            self.connection.close()
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            raise

    def log_in(self) -> None:
        _, page = self.request("GET", "/dang-nhap/")
        match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert match, "no CSRF token on the login page"
        form = {
            "csrfmiddlewaretoken": match.group(1).decode(),
            "username": BENCH_USER,
            "password": BENCH_PASSWORD,
            "next": "/",
        }
        status, _ = self.request("POST", "/dang-nhap/", urllib.parse.urlencode(form))
        if status != 302 or "sessionid" not in self.cookies:
            raise SystemExit(f"login failed (HTTP {status})")


def pick_url(plan: Plan, rng: random.Random, compare_share: float) -> tuple[str, str]:
    year = rng.choice(YEARS)
    if plan.has_compare and rng.random() < compare_share:
        return COMPARE, f"/don-vi/{plan.province_id}/so-sanh/{year}/"
    units = plan.today if year == TODAY_YEAR else plan.former
    return SCORECARD, f"/don-vi/{rng.choice(units)}/ket-qua/{year}/"


class Load:
    """`clients` threads, each logged in and warmed up, then measured together."""

    def __init__(
        self, plan: Plan, port: int, clients: int, requests: int, warmup: int, share: float
    ) -> None:
        self.plan, self.port, self.warmup, self.share = plan, port, warmup, share
        self.shared = Shared(remaining=requests)
        self.ready = threading.Barrier(clients + 1, timeout=600)
        self.go = threading.Event()
        self.failures: list[str] = []
        self.threads = [
            threading.Thread(target=self.run, args=(n,), daemon=True) for n in range(clients)
        ]

    def start(self) -> None:
        """Start every client and wait until all are logged in and warmed up."""
        for thread in self.threads:
            thread.start()
        self.ready.wait()
        if self.failures:
            raise SystemExit(f"a client failed to start: {self.failures[0]}")

    def measure(self) -> float:
        """Let the clients go; the wall seconds until the last request is answered."""
        started = time.perf_counter()
        self.go.set()
        for thread in self.threads:
            thread.join()
        return time.perf_counter() - started

    def run(self, number: int) -> None:
        rng = random.Random(number)
        try:
            client = Client(self.port)
            client.log_in()
            for _ in range(self.warmup):
                client.request("GET", pick_url(self.plan, rng, self.share)[1])
        except (OSError, http.client.HTTPException, SystemExit, AssertionError) as error:
            self.failures.append(repr(error))
            self.ready.wait()
            return
        self.ready.wait()
        self.go.wait()
        while self.shared.take():
            page, path = pick_url(self.plan, rng, self.share)
            started = time.perf_counter()
            try:
                status, body = client.request("GET", path)
                ok = status == 200 and b"</html>" in body
            except (OSError, http.client.HTTPException):
                ok = False
            sample = Sample(page, (time.perf_counter() - started) * 1000, ok)
            with self.shared.lock:
                self.shared.samples.append(sample)


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile of `values` (sorted)."""
    rank = max(1, round(share * len(values) + 0.5))
    return values[min(rank, len(values)) - 1]


def page_lines(samples: list[Sample], seconds: float) -> list[str]:
    lines = [
        "| page | requests | errors | p50 ms | p95 ms | p99 ms | max ms | req/s |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for page in (SCORECARD, COMPARE, "all"):
        chosen = [s for s in samples if page in ("all", s.page)]
        if not chosen:
            continue
        ms = sorted(s.ms for s in chosen)
        errors = sum(not s.ok for s in chosen)
        lines.append(
            f"| {page} | {len(chosen)} | {errors} | {percentile(ms, 0.50):.0f} | "
            f"{percentile(ms, 0.95):.0f} | {percentile(ms, 0.99):.0f} | {ms[-1]:.0f} | "
            f"{len(chosen) / seconds:.1f} |"
        )
    return lines


def write_section(title: str, lines: list[str]) -> None:
    """Replace (or add) this run's part (`title`) of the Web section, keeping the rest."""
    sub = f"### {title}"
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmarks\n"
    start = old.find(HEADING)
    if start < 0:
        intro = [HEADING, "", (__doc__ or "").strip().splitlines()[0], ""]
        old = old.rstrip("\n") + "\n\n" + "\n".join(intro) + "\n"
        start = old.find(HEADING)
    end = old.find("\n## ", start + len(HEADING))
    section = old[start:] if end < 0 else old[start : end + 1]
    rest = "" if end < 0 else old[end + 1 :]
    body = "\n".join([sub, "", *lines, ""]) + "\n"
    at = section.find(sub + "\n")
    if at < 0:
        section = section.rstrip("\n") + "\n\n" + body
    else:
        stop = section.find("\n### ", at + len(sub))
        section = section[:at] + body + ("" if stop < 0 else section[stop + 1 :])
    RESULTS.write_text(
        old[:start] + section.rstrip("\n") + "\n" + ("\n" + rest if rest else ""),
        encoding="utf-8",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--database-url", help="default: a scratch SQLite file in var/bench/")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--requests", type=int, default=2000, help="measured requests")
    parser.add_argument("--warmup", type=int, default=5, help="uncounted requests per client")
    parser.add_argument("--threads", type=int, default=8, help="server threads per process")
    parser.add_argument(
        "--workers", type=int, default=1, help="server processes (more than 1: gunicorn)"
    )
    parser.add_argument("--compare-share", type=float, default=0.25)
    parser.add_argument("--write", action="store_true", help="record in bench/RESULTS.md")
    args = parser.parse_args()
    configure_environment(args.database_url)

    def say(text: str) -> None:
        print(text, flush=True)

    plan = prepare(say)
    if not plan.has_compare:
        say("The comparison page (web:compare) does not exist yet: measuring the scorecard only.")
    port = free_port()
    log = ROOT / "var" / "bench" / f"server-{plan.engine.lower()}.log"
    server = start_server(port, args.threads, args.workers, log)
    try:
        load_before = os.getloadavg()
        load = Load(plan, port, args.clients, args.requests, args.warmup, args.compare_share)
        load.start()
        cpu_before = server_cpu_seconds(server.pid)
        seconds = load.measure()
        cpu_after = server_cpu_seconds(server.pid)
        load_after = os.getloadavg()
    finally:
        server.terminate()
        server.wait(timeout=30)
    samples = load.shared.samples
    cpu_ms = (
        f"{(cpu_after - cpu_before) * 1000 / len(samples):.1f} ms"
        if cpu_before is not None and cpu_after is not None and samples
        else "n/a"
    )
    clients = f"{args.clients} {'client' if args.clients == 1 else 'clients'}"
    scorecards = sorted(s.ms for s in samples if s.page == SCORECARD)
    p95 = percentile(scorecards, 0.95) if scorecards else float("nan")
    errors = sum(not s.ok for s in samples)
    verdict = "met" if p95 <= GOAL_P95_MS and errors == 0 else "not met"
    if args.clients != GOAL_CLIENTS:
        verdict = f"not judged: the goal is for {GOAL_CLIENTS} clients"
    lines = [
        f"{plan.dataset}; bench superior over {plan.province_name} "
        f"({len(plan.today)} communes today, {len(plan.former)} former).",
        f"{clients} on loopback, {len(samples)} measured requests after "
        f"{args.warmup} warm-up requests per client; {server_kind(args.workers)} "
        f"with {args.threads} threads; "
        f"Python {sys.version.split()[0]}, {os.cpu_count()} cores; load average "
        f"{load_before[0]:.1f} before, {load_after[0]:.1f} after (the machine was shared).",
        f"Server CPU time per request: {cpu_ms}."
        + ("" if plan.has_compare else " The comparison page did not exist yet: not measured."),
        "",
        *page_lines(samples, seconds),
        "",
        f"Goal p95 ≤ {GOAL_P95_MS:.0f} ms with zero errors (scorecard, {GOAL_CLIENTS} "
        f"clients): {verdict} "
        f"(p95 {p95:.0f} ms, {errors} errors).",
    ]
    mix = (
        f"scorecard and comparison ({args.compare_share:.0%} of requests)"
        if plan.has_compare and args.compare_share > 0
        else "scorecard only"
    )
    title = f"{plan.engine}, {mix}, {clients}"
    if args.workers > 1:
        title += f", {args.workers} server processes"
    say("\n".join([f"### {title}", *lines]))
    if args.write:
        write_section(title, lines)
        say(f"Recorded in {RESULTS.relative_to(ROOT)}.")


if __name__ == "__main__":
    main()
