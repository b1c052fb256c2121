"""The real app (``streamlit run dashboard.py``) against the local fake Sheets server, and a browser.

Module-scoped on purpose: one Streamlit server and one chromium serve a whole test file, so the
fault matrix costs one start-up, not twelve.
"""

from __future__ import annotations

import json
import subprocess
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import pytest

from tests.fake_sheets import FakeSheetsServer, FakeSpreadsheet, make_service_account
from tests.sheets_fixtures import forum_tabs

ROOT = Path(__file__).resolve().parents[2]

# Passcodes of the app under test: long and unusual, so finding one in a log is never a fluke.
PASSCODES = {"organizacion": "org-Kx9#fuerte-71", "coordinacion": "coo-Qm4#sala-28", "socios": "soc-Zr2#red-53"}
REFRESH_S = 5  # the minimum refresco_segundos: keeps the fault matrix fast


from tools import screenshots as shots  # noqa: E402 - server/browser helpers shared with tests/e2e


def secrets_toml(
    spreadsheet_id: str,
    service_account: dict[str, str],
    refresh_s: int = REFRESH_S,
    passcodes: dict[str, str] | None = None,
) -> str:
    """A secrets.toml for the fake Sheet (json.dumps of a str is a valid TOML basic string)."""
    lines = [
        "[foro]",
        'fuente = "gsheets"',
        f"planilla = {json.dumps(spreadsheet_id)}",
        f"refresco_segundos = {refresh_s}",
        "",
        "[gcp_service_account]",
    ]
    lines += [f"{k} = {json.dumps(v)}" for k, v in service_account.items()]
    if passcodes:
        lines += ["", "[acceso]"] + [f"{k} = {json.dumps(v)}" for k, v in passcodes.items()]
    return "\n".join(lines) + "\n"


@dataclass
class App:
    """A running ``streamlit run serve.py`` (as app.sh starts it) and the fake Sheet it reads."""

    url: str
    process: subprocess.Popen
    log_path: Path
    fake: FakeSheetsServer

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


@contextmanager
def streamlit_app(
    fake: FakeSheetsServer,
    *,
    refresh_s: int = REFRESH_S,
    passcodes: dict[str, str] | None = None,
    extra_args: tuple[str, ...] = (),
    timeout_s: float = 90.0,
    root: Path = shots.ROOT,
    script: str | None = None,
) -> Iterator[App]:
    """``streamlit run serve.py`` on 127.0.0.1 reading ``fake``; stopped on exit. ``root`` is the
    checkout to run (bench/load.py --compare runs an older commit beside this one); ``script`` may
    be ``dashboard.py``, the app without serve.py's pulse route and compression (the default for a
    checkout older than serve.py)."""
    sa = make_service_account(fake.token_uri)
    toml = secrets_toml(fake.book().id, sa, refresh_s, passcodes)
    with shots.streamlit_server(
        timeout_s=timeout_s,
        secrets_toml=toml,
        env_extra={"FORO_SHEETS_API_URL": fake.url},
        extra_args=extra_args,
        root=root,
        script=script or ("serve.py" if (root / "serve.py").exists() else "dashboard.py"),
    ) as server:
        yield App(server.url, server.process, server.log_path, fake)


def chromium_or_skip() -> None:
    pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    if not shots.chromium_available():
        pytest.skip(f"{shots.CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)")


def forum_book(n_personas: int = 24) -> FakeSpreadsheet:
    return FakeSpreadsheet.from_tabs(forum_tabs(n_personas))


@pytest.fixture(scope="module")
def fake_sheet() -> Iterator[FakeSheetsServer]:
    with FakeSheetsServer() as server:
        server.add(forum_book())
        yield server


@pytest.fixture(scope="module")
def app(fake_sheet: FakeSheetsServer) -> Iterator[App]:
    with streamlit_app(fake_sheet, passcodes=PASSCODES) as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    chromium_or_skip()
    with shots.browser() as b:
        yield b


def add_person(fake: FakeSheetsServer, n: int) -> None:
    """Append one new registration (a distinct person) to the fake Sheet's Inscripciones."""
    with fake._lock:
        sheet = fake.book().sheet("Inscripciones")
        assert sheet is not None
        header = [str(h) for h in sheet.rows[0]]
        row: list[Any] = [None] * len(header)
        values = {
            "Nombre": f"Nueva{n}",
            "Apellido": f"Llegada{n}",
            "Dirección de correo electrónico": f"nueva{n}@ejemplo.org",
            "Ciudad": "Rosario",
            "País": "Argentina",
        }
        for k, v in values.items():
            if k in header:
                row[header.index(k)] = v
        sheet.rows.append(row)
        sheet.fit_grid()


def wait_until(predicate, timeout_s: float, interval_s: float = 0.25, what: str = "condition"):
    """Poll ``predicate`` until it returns a truthy value; that value, or AssertionError."""
    deadline = time.monotonic() + timeout_s
    last = None
    while time.monotonic() < deadline:
        last = predicate()
        if last:
            return last
        time.sleep(interval_s)
    raise AssertionError(f"timed out after {timeout_s:.0f} s waiting for {what} (last: {last!r})")
