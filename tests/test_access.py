"""Roles, passcodes and the fail-closed rule of foro_data.access."""

import pytest

from foro_data import access

CLAVES = {"organizacion": "org-secreta", "coordinacion": "coord-1", "socios": "socios-2"}


@pytest.mark.parametrize(
    "passcode, acceso, demo, role, code",
    [
        ("org-secreta", CLAVES, False, "organizacion", "clave"),
        ("coord-1", CLAVES, False, "coordinacion", "clave"),
        ("socios-2", CLAVES, False, "socios", "clave"),
        ("  socios-2 ", CLAVES, False, "socios", "clave"),
        ("Socios-2", CLAVES, False, "publico", "clave_incorrecta"),
        ("", CLAVES, False, "publico", "publico"),
        (None, {}, False, "publico", "sin_claves"),  # real source, no passcodes: fail closed
        ("anything", {}, False, "publico", "clave_incorrecta"),
        (None, {}, True, "organizacion", "demo"),  # demo data is open to all
        ("wrong", CLAVES, True, "organizacion", "demo"),
        ("socios-2", CLAVES, True, "socios", "clave"),
        ("", {"organizacion": ""}, False, "publico", "sin_claves"),  # a blank passcode is no passcode
    ],
)
def test_resolve_role(passcode, acceso, demo, role, code):
    assert access.resolve_role(passcode, acceso, demo) == access.Acceso(role, code)


def test_empty_passcode_never_matches_an_empty_setting():
    assert not access.passcode_matches("", "")
    assert access.role_for_passcode("", {"organizacion": ""}) is None


def test_same_passcode_for_two_roles_gives_the_most_privileged():
    assert access.role_for_passcode("x", {"socios": "x", "organizacion": "x"}) == "organizacion"


def test_fail_closed_opens_only_aggregate_pages():
    role = access.resolve_role(None, {}, is_demo=False).role
    assert set(access.allowed_pages(role)) <= access.AGGREGATE_PAGES
    assert not set(access.allowed_pages(role)) & access.PERSONAL_DATA_PAGES


@pytest.mark.parametrize("role", ["coordinacion", "socios", "publico", "desconocido"])
def test_no_personal_data_page_outside_organisers(role):
    assert not set(access.allowed_pages(role)) & access.PERSONAL_DATA_PAGES
    assert not access.may_open(role, "calidad")


def test_organisers_open_everything_partners_their_summary():
    assert access.allowed_pages("organizacion") == access.PAGES
    assert access.may_open("socios", "socios")
    assert not access.may_open("publico", "socios")
    assert not access.may_open("coordinacion", "socios")


def test_downgrade_only():
    assert access.may_downgrade("organizacion", "socios")
    assert access.may_downgrade("socios", "publico")
    assert not access.may_downgrade("socios", "organizacion")
    assert not access.may_downgrade("publico", "coordinacion")
    assert not access.may_downgrade("socios", "root")


def test_wrong_passcode_delay_grows_and_is_capped():
    delays = [access.wrong_passcode_delay(n) for n in range(0, 10)]
    assert delays[0] == 0
    assert all(a <= b for a, b in zip(delays, delays[1:]))
    assert delays[1] > 0 and delays[-1] == 8.0


def test_the_page_registry_matches_the_page_files_and_the_screenshot_tool() -> None:
    from pathlib import Path

    from tools import screenshots

    root = Path(__file__).resolve().parent.parent
    assert {p.file for p in access.PAGE_REGISTRY} == {f"pages/{f.name}" for f in (root / "pages").glob("*.py")}
    # Every page has a shot; "<page>_kiosk" shots add the wall's view of a page, TAB_VIEWS a tab of one.
    shown = {
        screenshots.TAB_VIEWS[v][0] if v in screenshots.TAB_VIEWS else v.removesuffix("_kiosk")
        for v in screenshots.SHOTS
    }
    assert shown == set(access.PAGES)
    assert len({p.url_path for p in access.PAGE_REGISTRY}) == len(access.PAGE_REGISTRY)
