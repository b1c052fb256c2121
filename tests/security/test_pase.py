"""Issue 18 (Low): ``?clave=`` leaves the address bar once used. The passcode is swapped for an
opaque pass (``?pase=``): role + expiry (end of the forum day) signed with HMAC under a server
secret, so a kiosk wall that reloads keeps its role and the passcode is never in the URL, the
history or a proxy's log. Unit tests of the pass here; tests/security/test_pase_browser.py drives
chromium."""

from __future__ import annotations

from datetime import datetime, timezone

from foro_data import access

ACCESO = {"organizacion": "org-Kx9#fuerte-71", "coordinacion": "coo-Qm4#sala-28"}
SECRET = b"s" * 32
NOW = datetime(2026, 6, 19, 10, 0, tzinfo=timezone.utc).timestamp()


def test_a_pass_gives_back_its_role_until_it_expires_and_never_holds_the_passcode() -> None:
    key = access.pase_key(SECRET, ACCESO)
    token = access.pase("coordinacion", NOW + 3600, key)
    assert "coo-Qm4" not in token and "sala-28" not in token and "coordinacion" not in token
    assert access.leer_pase(token, key, NOW) == "coordinacion"
    assert access.leer_pase(token, key, NOW + 3601) is None  # expired


def test_a_tampered_or_foreign_pass_is_refused() -> None:
    key = access.pase_key(SECRET, ACCESO)
    token = access.pase("coordinacion", NOW + 3600, key)
    forged = access.pase("organizacion", NOW + 3600, access.pase_key(b"x" * 32, ACCESO))
    assert access.leer_pase(forged, key, NOW) is None
    body, sig = token.split(".")
    assert access.leer_pase(body + "." + sig[::-1], key, NOW) is None
    assert access.leer_pase("garbage", key, NOW) is None and access.leer_pase("", key, NOW) is None
    # A changed passcode revokes every pass made with the old one.
    changed = access.pase_key(SECRET, {**ACCESO, "coordinacion": "nueva-clave-99"})
    assert access.leer_pase(token, changed, NOW) is None


def test_the_pass_ends_with_the_forum_day_in_the_event_time_zone() -> None:
    at = datetime(2026, 6, 19, 13, 0, tzinfo=timezone.utc).timestamp()  # 10:00 in Mendoza
    end = access.fin_del_dia(at, "America/Argentina/Mendoza")
    assert datetime.fromtimestamp(end, timezone.utc) == datetime(2026, 6, 20, 3, 0, tzinfo=timezone.utc)
