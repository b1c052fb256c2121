"""A real ``redis-server`` on a loopback port for tests and benchmarks (Debian's package).

Installed when missing and running as root (``apt-get``, like chromium); otherwise the test skips
and says how to install it. No persistence: ``--save '' --appendonly no`` in a temporary folder,
so a stop and a start on the same port is a Redis that lost everything, as after a crash.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

REDIS_SERVER = "redis-server"


def ensure_redis_server() -> str:
    """The path of ``redis-server``, installing Debian's package as root; skips the test otherwise."""
    found = shutil.which(REDIS_SERVER)
    if found:
        return found
    if os.geteuid() != 0:
        pytest.skip("redis-server is missing and this is not root: apt-get install -y redis-server")
    subprocess.run(["apt-get", "update"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run(
        ["apt-get", "install", "-y", "redis-server"],
        check=True,
        stdout=subprocess.DEVNULL,
        env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"),
    )
    found = shutil.which(REDIS_SERVER)
    if not found:
        pytest.skip("apt-get installed redis-server but it is not on PATH")
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class RedisServer:
    """``redis-server`` on 127.0.0.1:``port``; ``stop()`` and ``start()`` again keep the port."""

    def __init__(self, port: int | None = None):
        self.binary = ensure_redis_server()
        self.port = port or free_port()
        self._dir = tempfile.TemporaryDirectory(prefix="foro-redis-")
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout_s: float = 20.0) -> "RedisServer":
        log = open(Path(self._dir.name) / "redis.log", "ab")  # noqa: SIM115 - closed with the process
        self.process = subprocess.Popen(
            [
                self.binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                self._dir.name,
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"redis-server exited: {(Path(self._dir.name) / 'redis.log').read_text()[-2000:]}")
            if self.ping():
                return self
            time.sleep(0.05)
        raise RuntimeError("redis-server did not answer PING in time")

    def ping(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as s:
                s.sendall(b"PING\r\n")
                return s.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def close(self) -> None:
        self.stop()
        self._dir.cleanup()

    def __enter__(self) -> "RedisServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()
