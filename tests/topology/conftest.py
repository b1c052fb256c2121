"""Three replicas of the real app behind nginx with the repository's own proxy configuration, on
loopback, reading the local fake Sheets server: the topology of compose.yaml without containers.

Debian's nginx is installed as root when missing (like chromium for the browser tests); without
root and without nginx the tests skip and say so. Module-scoped: one topology per test file.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import pytest

from tests.fake_sheets import FakeSheetsServer, FakeSpreadsheet, make_service_account
from tests.test_app_venue import CLAVES, secrets_toml, writable_tabs
from tools import screenshots as shots

ROOT = Path(__file__).resolve().parents[2]
# The one proxy configuration: compose.yaml mounts it, these tests render it (tests/topology/test_deploy_files.py
# checks that both name the same file).
NGINX_CONF = ROOT / "deploy" / "nginx.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
N_REPLICAS = 3
# Test-only wrapper around the site file: where nginx keeps its pid, logs and temp files, and a log
# line that names the replica (upstream) and the affinity cookie of every request.
MAIN_CONF = """\
{user}
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
worker_processes 1;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    log_format foro '$upstream_addr $cookie_foro_afinidad $status "$request_uri"';
    access_log {tmp}/access.log foro;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/site.conf;
}}
"""


def nginx_or_skip() -> str:
    """Debian's nginx, installed as root when missing (apt-get update first)."""
    if os.path.exists(NGINX):
        return NGINX
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip("nginx is missing and this is not root: install Debian's nginx (apt-get install -y nginx)")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env, timeout=600)
    subprocess.run(["apt-get", "install", "-y", "-qq", "nginx"], check=True, env=env, timeout=600)
    path = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.path.exists(path):
        pytest.skip("apt-get install nginx did not provide an nginx binary")
    return path


def render_site(conf: str, upstreams: list[int], listen_port: int) -> str:
    """The repository's nginx.conf with its two marked lines replaced: the replicas' addresses
    and the port nginx listens on. Everything else runs exactly as compose runs it."""
    up = [line for line in conf.splitlines() if line.rstrip().endswith("# foro:upstream")]
    li = [line for line in conf.splitlines() if line.rstrip().endswith("# foro:listen")]
    assert len(up) == 1 and len(li) == 1, "deploy/nginx.conf must mark one upstream line and one listen line"
    indent = re.match(r"\s*", up[0]).group(0)  # type: ignore[union-attr]
    servers = "\n".join(f"{indent}server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;" for p in upstreams)
    return conf.replace(up[0], servers).replace(li[0], f"    listen 127.0.0.1:{listen_port};")


@dataclass
class Replica:
    port: int
    cache_dir: Path
    log_path: Path
    env: dict[str, str]
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "serve.py",
                "--server.headless",
                "true",
                "--server.port",
                str(self.port),
                "--server.address",
                "127.0.0.1",
                "--server.fileWatcherType",
                "none",
                "--browser.gatherUsageStats",
                "false",
            ],
            cwd=ROOT,
            env=dict(self.env, FORO_CACHE_DIR=str(self.cache_dir)),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()

    def wait_healthy(self, timeout_s: float = 90.0) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                raise RuntimeError(f"replica {self.port} exited:\n{self.log_path.read_text(errors='replace')[-3000:]}")
            try:
                with urllib.request.urlopen(self.url + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"replica {self.port} did not become healthy")

    def kill(self) -> None:
        """SIGKILL: a crash, no chance to flush anything."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()


@dataclass
class Topology:
    url: str  # the proxy
    replicas: list[Replica]
    fake: FakeSheetsServer
    claves: dict[str, str]
    tmp: Path
    nginx: subprocess.Popen | None = None
    site_conf: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    def access_log(self) -> list[tuple[str, str, str, str]]:
        """(upstream, affinity cookie, status, uri) per request nginx finished."""
        path = self.tmp / "access.log"
        if not path.exists():
            return []
        out = []
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            m = re.match(r'(\S+) (\S+) (\d+) "(.*)"$', line)
            if m:
                out.append((m.group(1), m.group(2), m.group(3), m.group(4)))
        return out

    def replica_at(self, upstream: str) -> Replica:
        port = int(upstream.rsplit(":", 1)[-1])
        return next(r for r in self.replicas if r.port == port)


@contextmanager
def topology(n: int = N_REPLICAS) -> Iterator[Topology]:
    nginx = nginx_or_skip()
    with tempfile.TemporaryDirectory(prefix="foro-topologia-") as tmp_s, FakeSheetsServer() as fake:
        tmp = Path(tmp_s)
        fake.add(FakeSpreadsheet.from_tabs(writable_tabs()))
        secrets_path = tmp / "secrets.toml"
        # Behind our own proxy: passcode attempts are counted by the address nginx saw.
        toml = secrets_toml(fake, make_service_account(fake.token_uri)).replace(
            "[foro]\n", "[foro]\nproxy_confiable = true\n", 1
        )
        secrets_path.write_text(toml, encoding="utf-8")
        proxy_port = shots.free_port()
        env = dict(
            os.environ,
            FORO_SECRETS=str(secrets_path),
            FORO_SHEETS_API_URL=fake.url,
            # One cookie secret for every replica, from the environment as compose hands it.
            STREAMLIT_SERVER_COOKIE_SECRET=secrets.token_urlsafe(32),
            STREAMLIT_BROWSER_SERVER_ADDRESS="127.0.0.1",
            STREAMLIT_BROWSER_SERVER_PORT=str(proxy_port),
        )
        env.pop("FORO_UI_RAISE", None)
        replicas = [Replica(shots.free_port(), tmp / f"cache-{i}", tmp / f"replica-{i}.log", env) for i in range(n)]
        topo = Topology(f"http://127.0.0.1:{proxy_port}", replicas, fake, dict(CLAVES), tmp)
        try:
            for r in replicas:
                r.start()
            for r in replicas:
                r.wait_healthy()
            topo.site_conf = render_site(NGINX_CONF.read_text(encoding="utf-8"), [r.port for r in replicas], proxy_port)
            topo.nginx = start_nginx(nginx, tmp, topo.site_conf)
            wait_http(topo.url + "/_stcore/health", topo.nginx)
            yield topo
        finally:
            if topo.nginx and topo.nginx.poll() is None:
                topo.nginx.terminate()
                topo.nginx.wait(timeout=10)
            for r in replicas:
                r.stop()


def start_nginx(nginx: str, tmp: Path, site_conf: str) -> subprocess.Popen:
    """nginx in the foreground with ``site_conf`` inside the test wrapper, its files under ``tmp``."""
    (tmp / "site.conf").write_text(site_conf, encoding="utf-8")
    user = "user root;" if os.geteuid() == 0 else ""
    (tmp / "nginx.conf").write_text(MAIN_CONF.format(tmp=tmp, user=user), encoding="utf-8")
    check = subprocess.run(
        [nginx, "-t", "-p", str(tmp), "-c", str(tmp / "nginx.conf")], capture_output=True, text=True, timeout=30
    )
    assert check.returncode == 0, check.stderr
    return subprocess.Popen(
        [nginx, "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=open(tmp / "nginx.out", "wb"),
    )


def wait_http(url: str, proc: subprocess.Popen, timeout_s: float = 30.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("nginx exited early")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer")


@pytest.fixture(scope="module")
def topo() -> Iterator[Topology]:
    with topology() as t:
        yield t
