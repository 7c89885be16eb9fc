"""Debian's PostgreSQL, Redis and nginx on loopback ports in a temporary folder, and two replicas.

Nothing here is mocked: each server is the real program, started for this test session and
stopped after it. A missing program fails the tests (`make test` installs them); it never skips.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import httpx2
import pytest

from ..conftest import CORPUS, wait_for

SMABOT = str(Path(sys.executable).with_name("smabot"))


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def program(pattern: str) -> str:
    """The path of a Debian program, or a failure that says how to install it."""
    found = sorted(glob.glob(pattern)) or ([shutil.which(pattern)] if shutil.which(pattern) else [])
    if not found:
        pytest.fail(f"{pattern} is missing: `make test` installs postgresql, redis-server, nginx")
    return str(found[-1])


def as_postgres(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run it as the postgres user then."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@dataclass
class Postgres:
    """A PostgreSQL cluster of its own, trusting local connections."""

    folder: Path
    port: int = field(default_factory=free_port)
    running: bool = False

    @property
    def url(self) -> str:
        return f"postgresql://smabot@127.0.0.1:{self.port}/smabot"

    def init(self) -> None:
        self.folder.mkdir(parents=True)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        initdb = program("/usr/lib/postgresql/*/bin/initdb")
        data = str(self.folder / "data")
        subprocess.run(
            as_postgres([initdb, "-D", data, "-U", "smabot", "-A", "trust", "-E", "UTF8"]),
            check=True,
            capture_output=True,
        )
        self.start()
        psql = program("/usr/lib/postgresql/*/bin/psql")
        where = ["-h", "127.0.0.1", "-p", str(self.port), "-U", "smabot", "-d", "postgres"]
        subprocess.run(
            [psql, *where, "-c", "CREATE DATABASE smabot"],
            check=True,
            capture_output=True,
        )

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder}"
        self._ctl("start", "-w", "-o", options, "-l", str(self.folder / "log"))
        self.running = True

    def stop(self) -> None:
        try:
            self._ctl("stop", "-m", "fast", "-w")
        except subprocess.CalledProcessError:  # seen once under load: stop it harder
            self._ctl("stop", "-m", "immediate", "-w")
        self.running = False

    def _ctl(self, *args: str) -> None:
        pg_ctl = program("/usr/lib/postgresql/*/bin/pg_ctl")
        command = [pg_ctl, "-D", str(self.folder / "data"), *args]
        done = subprocess.run(as_postgres(command), capture_output=True, text=True, timeout=90)
        if done.returncode != 0:
            print(f"pg_ctl {' '.join(args)}: {done.stdout}{done.stderr}")
            done.check_returncode()


@pytest.fixture(scope="session")
def postgres(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Postgres]:
    """A running PostgreSQL with an empty `smabot` database."""
    base = tmp_path_factory.mktemp("fleet")
    if os.geteuid() == 0:  # the postgres user must reach its folder through the temp path
        for parent in [base, *base.parents][:4]:
            parent.chmod(parent.stat().st_mode | 0o711)
    server = Postgres(base / "postgres")
    server.init()
    yield server
    if server.running:  # the last tests stop it themselves
        server.stop()


@dataclass
class Redis:
    """A Redis server that keeps nothing on disk."""

    process: subprocess.Popen[bytes]
    port: int

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"


@pytest.fixture(scope="session")
def redis(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Redis]:
    """A running redis-server on a free loopback port."""
    port, folder = free_port(), tmp_path_factory.mktemp("redis")
    command = [program("redis-server"), "--port", str(port), "--bind", "127.0.0.1"]
    command += ["--save", "", "--appendonly", "no", "--dir", str(folder)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("redis-server did not start") from None
            time.sleep(0.05)
    yield Redis(process, port)
    process.terminate()
    process.wait(timeout=10)


@dataclass
class Replica:
    """One `smabot serve` with its own corpus copy and index folder."""

    name: str
    folder: Path
    env: dict[str, str]
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    output: IO[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, workers: int = 1) -> None:
        self.output = open(self.folder / "serve.log", "ab")  # noqa: SIM115 (closed by stop)
        self.process = subprocess.Popen(
            [SMABOT, "serve", "--port", str(self.port), "--workers", str(workers)],
            env=self.env,
            stdout=self.output,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for(f"{self.url}/healthz", seconds=60)
        except AssertionError:
            self.stop()
            message = f"replica {self.name} did not start:\n{self.log()[-3000:]}"
            raise AssertionError(message) from None

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=20)
        if self.output is not None:
            self.output.close()

    def smabot(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run an smabot command with this replica's settings."""
        return subprocess.run(
            [SMABOT, *args], env=self.env, capture_output=True, text=True, timeout=300
        )

    def log(self) -> str:
        return (self.folder / "serve.log").read_text(errors="replace")


@pytest.fixture(scope="session")
def replicas(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    postgres: Postgres,
    redis: Redis,
) -> tuple[Replica, Replica]:
    """Replica A (two workers) and replica B, sharing PostgreSQL and Redis."""
    started: list[Replica] = []
    request.addfinalizer(lambda: [replica.stop() for replica in started])
    for name, workers in (("a", 2), ("b", 1)):
        folder = tmp_path_factory.mktemp(f"replica-{name}")
        shutil.copytree(CORPUS, folder / "corpus", ignore=shutil.ignore_patterns(".index"))
        env = {
            **os.environ,
            "SMABOT_DB": postgres.url,
            "SMABOT_RATE_LIMIT_STORAGE": redis.url,
            "SMABOT_RATE_LIMIT_PER_MINUTE": "10",
            "SMABOT_CORPUS": str(folder / "corpus"),
            "SMABOT_INDEX": str(folder / "index"),
            "SMABOT_TRUSTED_PROXIES": "127.0.0.1",
            "SMABOT_SYNC_SECONDS": "1",
        }
        env.pop("PROMETHEUS_MULTIPROC_DIR", None)
        replica = Replica(name, folder, env)
        started.append(replica)
        replica.start(workers)
    return started[0], started[1]


NGINX_CONF = """\
worker_processes 1;
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    upstream smabot {{ server 127.0.0.1:{a}; server 127.0.0.1:{b}; }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://smabot;
            proxy_set_header X-Forwarded-For $remote_addr;
        }}
    }}
}}
"""


@pytest.fixture(scope="session")
def balancer(
    tmp_path_factory: pytest.TempPathFactory, replicas: tuple[Replica, Replica]
) -> Iterator[str]:
    """Debian's nginx, round robin over the two replicas; yields its URL."""
    folder, port = tmp_path_factory.mktemp("nginx"), free_port()
    folder.chmod(0o777)  # nginx's workers may run as nobody
    a, b = replicas
    conf = folder / "nginx.conf"
    conf.write_text(NGINX_CONF.format(folder=folder, a=a.port, b=b.port, port=port))
    process = subprocess.Popen(
        [program("/usr/sbin/nginx"), "-c", str(conf), "-p", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{url}/healthz", seconds=20)
    except AssertionError:
        process.kill()
        raise AssertionError((folder / "error.log").read_text(errors="replace")) from None
    yield url
    process.terminate()
    process.wait(timeout=10)


def served_version(url: str) -> str:
    """The index version a server says it serves."""
    return str(httpx2.get(f"{url}/healthz", timeout=5).json()["index_version"])
