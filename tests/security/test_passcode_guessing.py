"""Finding 4 (issue 18): passcode guesses sent in parallel sessions from one address wait in one
lane and are then refused without being compared, so the right passcode hidden among them is not
granted; a person at another address who mistypes once still gets in with the right passcode.
The real server on loopback, behind a "trusted proxy" so that X-Forwarded-For names the client.
Bounded: 40 parallel guesses, each session closed after 90 s at most."""

from __future__ import annotations

import asyncio
from urllib.parse import quote

import pytest

from tests.fake_sheets import FakeSheetsServer, make_service_account
from tests.reliability.conftest import PASSCODES, forum_book, secrets_toml
from tests.security import wsclient
from tools import screenshots as shots

N_GUESSES = 40
GRANTED = "Acceso: organización".encode()
ATTACKER = {"X-Forwarded-For": "203.0.113.7"}
PERSON = {"X-Forwarded-For": "198.51.100.20"}


@pytest.fixture(scope="module")
def app_url():
    with FakeSheetsServer() as fake:
        fake.add(forum_book())
        toml = secrets_toml(fake.book().id, make_service_account(fake.token_uri), 30, PASSCODES)
        toml = toml.replace("[foro]\n", "[foro]\nproxy_confiable = true\n", 1)
        with shots.streamlit_server(secrets_toml=toml, env_extra={"FORO_SHEETS_API_URL": fake.url}) as server:
            yield server.url


def _clave(value: str) -> str:
    return "clave=" + quote(value)


async def _attack(url: str) -> tuple[list[bytes | BaseException], bytes]:
    guesses = [
        asyncio.create_task(wsclient.page(url, _clave(f"adivinanza-{i}"), timeout_s=90, headers=ATTACKER))
        for i in range(N_GUESSES)
    ]
    await asyncio.sleep(5)  # every guess is in: the free ones answered, the rest waiting their turn
    right = await wsclient.page(url, _clave(PASSCODES["organizacion"]), timeout_s=90, headers=ATTACKER)
    for task in guesses:
        task.cancel()
    return await asyncio.gather(*guesses, return_exceptions=True), right


def test_parallel_guesses_do_not_reach_the_right_passcode(app_url) -> None:
    assert GRANTED in wsclient.run(wsclient.page(app_url, _clave(PASSCODES["organizacion"]), headers=PERSON))
    _, right = wsclient.run(_attack(app_url))
    assert GRANTED not in right, "the right passcode among parallel guesses was granted"
    assert "Demasiados intentos".encode() in right or b"clave" in right


def test_a_typo_at_another_address_does_not_lock_the_person_out(app_url) -> None:
    wrong = wsclient.run(wsclient.page(app_url, _clave(PASSCODES["organizacion"] + "x"), timeout_s=90, headers=PERSON))
    assert GRANTED not in wrong
    assert GRANTED in wsclient.run(wsclient.page(app_url, _clave(PASSCODES["organizacion"]), headers=PERSON))
