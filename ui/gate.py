"""The viewer's session: language, kiosk mode, role (passcodes, ``?clave=``, "ver como")."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass

import streamlit as st

from foro_data import access
from foro_data.config import Config
from foro_data.pacing import RunPacer
from foro_data.sources import cache

from .i18n import LANGS, normalise_lang, t

LANG_NAMES = {"es": "Español", "pt": "Português", "en": "English"}

_ROLE = "_rol_base"  # role granted by a passcode (or the demo)
_ROLE_CODE = "_rol_code"
_SEEN_CLAVE = "_clave_vista"  # the ?clave= value already checked (each value costs one check)
_SEEN_PASE = "_pase_visto"
PASE = "pase"  # the signed pass that replaces ?clave= in the address bar
_FAILURES = "_claves_fallidas"
VIEW_AS = "ver_como"  # a lower role chosen to preview the app with fewer rights
# dashboard.py ran its st.navigation for this session. Until some session does, a fresh server
# that sees a pages/ folder runs the requested page file on its own (Streamlit's old multipage
# mode), without dashboard.py; the page then goes through dashboard.py first (see frame).
NAV_OK = "_nav_ok"
GO_TO = "_ir_a"  # the page a viewer asked for before the navigation existed


@dataclass(frozen=True)
class Sesion:
    lang: str
    kiosk: bool
    role: str  # the effective role (after "ver como")
    base_role: str  # the role the passcode or the demo granted
    code: str  # access.Acceso.code


def _param(name: str) -> str:
    v = st.query_params.get(name)
    return str(v) if v is not None else ""


def lang() -> str:
    """``?lang=`` wins and is remembered for the session; Spanish by default."""
    q = _param("lang")
    if q:
        st.session_state["_lang"] = normalise_lang(q)
    return st.session_state.get("_lang", "es")


def carried_params() -> dict[str, str]:
    """The query parameters a page switch must keep (language, kiosk, pass, room, counter's name)."""
    return {
        k: str(v) for k, v in st.query_params.items() if k in ("lang", "kiosk", PASE, "sala", "rol", "rotar", "por")
    }


def rotation_seconds() -> int:
    """``?rotar=30`` on an unattended kiosk screen: show each public view for that many seconds."""
    try:
        return max(10, int(_param("rotar"))) if _param("rotar") else 0
    except ValueError:
        return 0


def kiosk() -> bool:
    return kiosk_on(_param("kiosk"))


def kiosk_on(value: str) -> bool:
    """Whether a ``?kiosk=`` value asks for the wall (also read by ui.first_frame).

    >>> kiosk_on("1"), kiosk_on("Sí"), kiosk_on("0"), kiosk_on("")
    (True, True, False, False)
    """
    return value.lower() in ("1", "true", "si", "sí", "yes")


def _address(cfg: Config) -> str:
    try:
        forwarded = st.context.headers.get("X-Forwarded-For")
        remote = st.context.ip_address
    except Exception:  # noqa: BLE001 - no client context (a bare script run): count as local
        forwarded, remote = None, None
    return access.client_address(remote, forwarded, bool(cfg.get("proxy_confiable")))


_PACER = RunPacer()  # one per process (a module global: no client message can reset it)
_SESSION_ID = "_sesion_id"


def pace(cfg: Config, kind: str) -> None:
    """Hold this run while its session or client address asks for more runs than a person could
    (foro_data.pacing). Requests arriving meanwhile are folded into one by Streamlit."""
    try:
        connected = bool(st.context.headers)  # a browser (or any websocket client) sent headers
    except Exception:  # noqa: BLE001 - no client context at all
        connected = False
    if not connected:  # AppTest or a bare script run: nobody to pace
        return
    sid = st.session_state.setdefault(_SESSION_ID, uuid.uuid4().hex)
    wait = _PACER.wait_s(kind, sid, _address(cfg), time.monotonic())
    if wait > 0:
        time.sleep(wait)


def _check_passcode(given: str, cfg: Config) -> access.Acceso:
    # Parallel sessions from one address wait their turn in one lane before any comparison, so
    # guessing costs the same with 1 or 100 connections; a locked-out attempt is not compared.
    address = _address(cfg)
    turno = access.GUESSES.turn(address, time.monotonic())
    if turno.rechazado:
        return access.Acceso("publico", "clave_bloqueada")
    time.sleep(turno.espera_s)
    result = access.resolve_role(given, cfg.acceso, cfg.is_demo)
    access.GUESSES.record(address, result.code == "clave", time.monotonic(), turno)
    if result.code == "clave_incorrecta":
        failures = st.session_state.get(_FAILURES, 0) + 1
        st.session_state[_FAILURES] = failures
        # Slow down guessing: each wrong passcode waits longer, counted per session and per server
        # (fresh sessions for each guess do not reset the wait).
        server = access.WRONG_PASSCODES.record(time.monotonic())
        time.sleep(access.wrong_passcode_delay(max(failures, server)))
    elif result.code == "clave":
        st.session_state[_FAILURES] = 0
    return result


def _pase_key(cfg: Config) -> bytes:
    return access.pase_key(access.server_secret(cache.cache_dir()), cfg.acceso)


def _swap_clave_for_pase(cfg: Config) -> None:
    """The passcode leaves the address bar once used (issue 18): a pass signed by this server
    (role + end of the forum day, never the passcode) takes its place, so a wall that reloads
    keeps its role; a wrong passcode just goes."""
    del st.query_params["clave"]
    role = st.session_state.get(_ROLE, "")
    if st.session_state.get(_ROLE_CODE) == "clave" and role in access.PASSCODE_ROLES:
        now = time.time()
        st.query_params[PASE] = access.pase(role, access.fin_del_dia(now, str(cfg.get("zona_horaria"))), _pase_key(cfg))


def _from_pase(cfg: Config) -> None:
    """A pass from the address bar (a reload, a rotation's page switch): its role, once checked."""
    token = _param(PASE)
    if not token or st.session_state.get(_SEEN_PASE) == token:
        return
    st.session_state[_SEEN_PASE] = token
    role = access.leer_pase(token, _pase_key(cfg), time.time())
    if role is None:  # forged, expired or made before a passcode changed: the public view
        del st.query_params[PASE]
        return
    st.session_state[_ROLE], st.session_state[_ROLE_CODE] = role, "clave"


def session(cfg: Config) -> Sesion:
    """Resolve the session once per rerun. A passcode, once accepted, lasts for the session."""
    clave = _param("clave")
    if clave and st.session_state.get(_SEEN_CLAVE) != clave:
        st.session_state[_SEEN_CLAVE] = clave
        result = _check_passcode(clave, cfg)
        if result.code == "clave" or _ROLE not in st.session_state:
            st.session_state[_ROLE], st.session_state[_ROLE_CODE] = result.role, result.code
    if clave:
        _swap_clave_for_pase(cfg)
    else:
        _from_pase(cfg)
    if _ROLE not in st.session_state:
        result = access.resolve_role(None, cfg.acceso, cfg.is_demo)
        st.session_state[_ROLE], st.session_state[_ROLE_CODE] = result.role, result.code
    base = st.session_state[_ROLE]
    # ?rol= previews the app with fewer rights (used by unattended partner screens and tests).
    wanted = _param("rol") or st.session_state.get(VIEW_AS, "")
    role = wanted if wanted and access.may_downgrade(base, wanted) else base
    return Sesion(lang(), kiosk(), role, base, st.session_state.get(_ROLE_CODE, ""))


def sidebar(cfg: Config, ses: Sesion) -> None:
    """Language, passcode and "ver como" controls. Nothing is drawn in kiosk mode."""
    if ses.kiosk:
        return
    lg = ses.lang
    with st.sidebar:
        chosen = st.selectbox(
            t("side.idioma", lg), LANGS, index=LANGS.index(lg), format_func=LANG_NAMES.__getitem__, key="_lang_sel"
        )
        if chosen != lg:
            st.session_state["_lang"] = chosen
            st.query_params["lang"] = chosen
            st.rerun()
        st.caption(t("side.rol", lg, rol=t(f"acceso.{ses.role}", lg)))
        if ses.code == "sin_claves":
            st.info(t("acceso.sin_claves", lg))
        if ses.code == "clave" and st.button(t("side.salir", lg), key="_salir"):
            for k in (_ROLE, _ROLE_CODE, VIEW_AS):
                st.session_state.pop(k, None)
            st.query_params.pop("clave", None)
            st.query_params.pop(PASE, None)
            st.rerun()
        if ses.base_role != "organizacion":
            with st.form("clave", clear_on_submit=True, border=False):
                given = st.text_input(t("side.clave", lg), type="password", help=t("side.clave.ayuda", lg))
                if st.form_submit_button(t("side.entrar", lg), width="stretch") and given:
                    result = _check_passcode(given, cfg)
                    if result.code == "clave":
                        st.session_state[_ROLE], st.session_state[_ROLE_CODE] = result.role, "clave"
                        st.session_state.pop(VIEW_AS, None)
                        st.rerun()
                    else:
                        st.error(t("clave.bloqueada" if result.code == "clave_bloqueada" else "clave.incorrecta", lg))
        lower = [r for r in access.ROLES if access.may_downgrade(ses.base_role, r)]
        if len(lower) > 1 and not _param("rol"):
            st.selectbox(t("side.ver_como", lg), lower, key=VIEW_AS, format_func=lambda r: t(f"acceso.{r}", lg))
