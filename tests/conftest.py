"""Shared fixtures: every test module gets them by name, without importing them."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from foro_data import access
from foro_data.sources.gsheets import GSheetsSource
from tests.apptest import DEMO_TOML, use_config
from tests.fake_sheets import FakeSheetsServer, FakeSpreadsheet, make_service_account
from tests.sheets_fixtures import TEST_TIMEOUT, forum_tabs


@pytest.fixture(autouse=True)
def _fresh_wrong_passcode_count():
    # The server-wide count of wrong passcodes would otherwise carry over from earlier tests and
    # slow them down (up to 8 s per wrong passcode).
    access.WRONG_PASSCODES.clear()
    access.GUESSES.clear()
    yield
    access.WRONG_PASSCODES.clear()
    access.GUESSES.clear()


@pytest.fixture(scope="module")
def demo_config(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The app on demo data for a whole module of AppTests (``pytestmark = usefixtures(...)``);
    the environment is restored when the module ends."""
    tmp = tmp_path_factory.mktemp("app")
    with pytest.MonkeyPatch.context() as env:
        use_config(env, tmp / "demo.toml", DEMO_TOML, tmp / "cache")
        yield tmp


# --- The fake Sheets server -------------------------------------------------------------------------


@pytest.fixture(scope="session")
def throwaway_service_account() -> dict[str, str]:
    """One RSA key per test session (generating one takes ~50 ms); token_uri is set per server."""
    return make_service_account("http://127.0.0.1:9/token")


@pytest.fixture()
def fake_sheets() -> Iterator[FakeSheetsServer]:
    with FakeSheetsServer() as server:
        server.add(FakeSpreadsheet.from_tabs(forum_tabs()))
        yield server


@pytest.fixture()
def service_account(fake_sheets: FakeSheetsServer, throwaway_service_account: dict[str, str]) -> dict[str, str]:
    return dict(throwaway_service_account, token_uri=fake_sheets.token_uri)


@pytest.fixture()
def gsheets_source(fake_sheets: FakeSheetsServer, service_account: dict[str, str]) -> GSheetsSource:
    return GSheetsSource(fake_sheets.book().id, service_account, api_url=fake_sheets.url, timeout=TEST_TIMEOUT)


@pytest.fixture()
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "cache"
    monkeypatch.setenv("FORO_CACHE_DIR", str(d))
    return d
