"""Who may open which page: roles, passcodes from ``[acceso]``, the fail-closed rule.

Pure logic, no streamlit: the app asks ``resolve_role`` once per session and ``allowed_pages``
for the navigation; the pages re-check ``may_open`` as a second lock.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import secrets
import threading
from collections import deque
from dataclasses import dataclass
from datetime import datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from zoneinfo import ZoneInfo

# Ordered from most to least privileged.
ROLES: tuple[str, ...] = ("organizacion", "coordinacion", "socios", "publico")
PASSCODE_ROLES: tuple[str, ...] = ("organizacion", "coordinacion", "socios")


@dataclass(frozen=True)
class Page:
    """One screen of the app: the one registry the navigation, the access rules, the screenshot
    tool and the tests read (a page added here is everywhere at once)."""

    id: str
    icon: str  # an emoji: nothing is fetched from a CDN
    url_path: str
    gestion: bool = False  # listed under the organisers' section of the navigation

    @property
    def file(self) -> str:
        """The page script, relative to the project root."""
        return f"pages/{self.id}.py"


# In navigation order; the first page a role may open is its home ("/").
PAGE_REGISTRY: tuple[Page, ...] = (
    Page("en_vivo", "📺", "en-vivo"),
    Page("salas", "🚪", "salas"),
    Page("mapa", "🗺️", "mapa"),
    Page("socios", "🤝", "socios"),
    Page("acreditacion", "🪪", "acreditacion", gestion=True),
    Page("apoyos", "✈️", "apoyos", gestion=True),
    Page("personas", "👥", "personas", gestion=True),
    Page("calidad", "🩺", "calidad", gestion=True),
)
PAGE_BY_ID: dict[str, Page] = {p.id: p for p in PAGE_REGISTRY}
PAGES: tuple[str, ...] = tuple(p.id for p in PAGE_REGISTRY)

# Pages with no personal data at all: counts, rooms, the map. What "publico" sees, and all that
# opens when a real source has no passcodes configured (fail closed).
AGGREGATE_PAGES: frozenset[str] = frozenset({"en_vivo", "salas", "mapa"})

PAGES_BY_ROLE: dict[str, frozenset[str]] = {
    "organizacion": frozenset(PAGES),
    # Coordinators write the room tallies on Salas (can_write below); no personal data.
    "coordinacion": AGGREGATE_PAGES,
    # Partners: aggregates plus their suppressed summary and downloads.
    "socios": AGGREGATE_PAGES | {"socios"},
    "publico": AGGREGATE_PAGES,
}

# Pages that show names, e-mails or documents (DESIGN: Personas, Acreditación, Apoyos only).
PERSONAL_DATA_PAGES: frozenset[str] = frozenset({"personas", "acreditacion", "apoyos"})


@dataclass(frozen=True)
class Acceso:
    """The outcome of one access decision, with a stable code the UI branches on."""

    role: str
    # "clave" (a passcode matched), "demo" (demo data, open to all), "sin_claves" (real source
    # with no passcodes: fail closed), "publico" (no or wrong passcode), "clave_incorrecta",
    # "clave_bloqueada" (too many wrong passcodes from this address: not even compared).
    code: str


def passcode_matches(given: str, expected: str) -> bool:
    """Constant-time comparison; empty strings never match."""
    if not given or not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def role_for_passcode(given: str, acceso: dict[str, str]) -> str | None:
    """The most privileged role whose passcode equals ``given``.

    Every configured passcode is compared (no early exit), so the time taken does not reveal
    which role, if any, matched.
    """
    matched: str | None = None
    for role in PASSCODE_ROLES:
        if passcode_matches(given, acceso.get(role, "")) and matched is None:
            matched = role
    return matched


def resolve_role(passcode: str | None, acceso: dict[str, str], is_demo: bool) -> Acceso:
    """Decide the session's role.

    Demo data is open to all (it holds no real people), so without a passcode a demo session is
    "organizacion". With a real source, no passcode means "publico"; if the configuration has no
    passcodes at all we still answer "publico" — nothing beyond aggregates can be unlocked.
    """
    passcode = (passcode or "").strip()
    configured = {r: v for r, v in acceso.items() if r in PASSCODE_ROLES and v}
    if passcode:
        role = role_for_passcode(passcode, configured)
        if role:
            return Acceso(role, "clave")
        if is_demo:
            return Acceso("organizacion", "demo")
        return Acceso("publico", "clave_incorrecta")
    if is_demo:
        return Acceso("organizacion", "demo")
    if not configured:
        return Acceso("publico", "sin_claves")
    return Acceso("publico", "publico")


def allowed_pages(role: str) -> tuple[str, ...]:
    """Pages the role may open, in navigation order. Unknown roles get the public set."""
    allowed = PAGES_BY_ROLE.get(role, PAGES_BY_ROLE["publico"])
    return tuple(p for p in PAGES if p in allowed)


def may_open(role: str, page: str) -> bool:
    return page in PAGES_BY_ROLE.get(role, PAGES_BY_ROLE["publico"])


def sees_small_numbers(role: str) -> bool:
    """Only organisers see counts of 1 or 2 people; every other view shows "<3" (DESIGN: partner
    summary), so that a small city or group cannot point at a person.

    >>> sees_small_numbers("organizacion"), sees_small_numbers("socios"), sees_small_numbers("publico")
    (True, False, False)
    """
    return role == "organizacion"


def sees_typed_text(role: str) -> bool:
    """Free text as people typed it into a non-personal field (a city that could not be placed)
    only reaches organisers: someone may have typed a name or an e-mail there. Every other view
    gets counts only (issue 18, finding 5).

    >>> sees_typed_text("organizacion"), sees_typed_text("socios"), sees_typed_text("publico")
    (True, False, False)
    """
    return role == "organizacion"


def sees_identifiers(role: str) -> bool:
    """The service-account e-mail, the Sheet key and server file paths in a failure's reason are
    for organisers (who fix the sharing or the secrets file); every other view, the kiosk
    included, gets the reason without them (issue 18, finding 6).

    >>> sees_identifiers("organizacion"), sees_identifiers("coordinacion"), sees_identifiers("publico")
    (True, False, False)
    """
    return role == "organizacion"


_EMAIL = re.compile(r"[^\s@«»()<>:,;]+@[^\s@«»()<>:,;]+\.[A-Za-z]{2,}")
_LONG_TOKEN = re.compile(r"[A-Za-z0-9_-]{25,}")  # a Sheet key is 44 such characters
HIDDEN = "…"


def reason_for(role: str, text: str, identifiers: tuple[str, ...] = ()) -> str:
    """``text`` as ``role`` may read it: unchanged for organisers; otherwise without e-mails, long
    keys and the given identifiers (the config's Sheet key, URL and file paths).

    >>> msg = "No existe una planilla con la clave 1FakeKey_0123456789abcdefghijklm: revise [foro] planilla."
    >>> reason_for("publico", msg)
    'No existe una planilla con la clave …: revise [foro] planilla.'
    >>> reason_for("publico", "no compartida con foro@x.iam.gserviceaccount.com.")
    'no compartida con ….'
    >>> reason_for("socios", "El archivo /srv/foro/secrets.toml no es TOML válido", ("/srv/foro/secrets.toml",))
    'El archivo … no es TOML válido'
    >>> reason_for("organizacion", "clave 1FakeKey_0123456789abcdefghijklm")
    'clave 1FakeKey_0123456789abcdefghijklm'
    """
    if sees_identifiers(role):
        return text
    for ident in sorted((i for i in identifiers if i and len(i) >= 4), key=len, reverse=True):
        text = text.replace(ident, HIDDEN)
    return _LONG_TOKEN.sub(HIDDEN, _EMAIL.sub(HIDDEN, text))


def may_downgrade(current: str, target: str) -> bool:
    """A session may always look at the app with fewer rights ("ver como"), never with more."""
    if current not in ROLES or target not in ROLES:
        return False
    return ROLES.index(target) >= ROLES.index(current)


def wrong_passcode_delay(failures: int) -> float:
    """Seconds to wait before answering the n-th wrong passcode of a session.

    Grows 0.5, 1, 2, 4, 8 and stays at 8: harmless for a typo, slow for guessing.

    >>> [wrong_passcode_delay(n) for n in (0, 1, 2, 5, 9)]
    [0.0, 0.5, 1.0, 8.0, 8.0]
    """
    if failures <= 0:
        return 0.0
    return min(8.0, 0.5 * 2 ** (failures - 1))


class WrongPasscodes:
    """Wrong passcodes this server saw in the last ``window_s`` seconds, from any session.

    A per-session count alone is useless against someone who opens a fresh session for every
    guess; the delay grows with whichever count is larger. The time is passed in (monotonic s).

    >>> w = WrongPasscodes(window_s=60)
    >>> [w.record(t) for t in (0, 1, 2)], w.record(100)
    ([1, 2, 3], 1)
    """

    def __init__(self, window_s: float = 600.0):
        self.window_s = window_s
        self._times: deque[float] = deque()
        self._lock = threading.Lock()

    def record(self, now: float) -> int:
        with self._lock:
            while self._times and self._times[0] <= now - self.window_s:
                self._times.popleft()
            self._times.append(now)
            return len(self._times)

    def clear(self) -> None:
        with self._lock:
            self._times.clear()


# One per server process: every session of the app shares it.
WRONG_PASSCODES = WrongPasscodes()


@dataclass(frozen=True)
class Turno:
    """When a passcode attempt may be checked: after ``espera_s`` seconds (``en_cola``: in the
    server-wide lane), or not at all (``rechazado``: this address is locked out for now, and the
    attempt is not even compared)."""

    espera_s: float
    rechazado: bool = False
    en_cola: bool = False


class GuessGate:
    """Passcode attempts per client address and for the whole server (issue 18, finding 4).

    An address with fewer than ``libres`` wrong passcodes in the window is never queued: a person
    who mistyped once or twice gets the right passcode checked at once. Beyond that (and for any
    address with a mistake once the server has seen ``global_libres`` of them), attempts wait in
    one server-wide lane, ``paso_s`` apart, at most ``en_cola_max`` per address at a time, so
    parallel sessions buy nothing. An address with ``bloqueo`` wrong or refused attempts in the
    window is locked out until they age out. A refused attempt is not compared, so the answer
    never tells a right guess from a wrong one. A right passcode clears its address's count.
    The time is passed in (monotonic s); addresses are opaque strings.

    >>> g = GuessGate(libres=2, paso_s=2, en_cola_max=2, bloqueo=6, window_s=60)
    >>> for t in (0, 0):
    ...     g.record("a", False, t, Turno(0.0))
    >>> [(t.espera_s, t.rechazado) for t in (g.turn("a", 0.0) for _ in range(5))]
    [(0.0, False), (2.0, False), (0.0, True), (0.0, True), (0.0, True)]
    >>> g.turn("a", 1.0).rechazado, g.turn("b", 1.0)  # locked out; another address is not queued
    (True, Turno(espera_s=0.0, rechazado=False, en_cola=False))
    """

    def __init__(
        self,
        *,
        libres: int = 5,
        global_libres: int = 50,
        paso_s: float = 2.0,
        en_cola_max: int = 3,
        bloqueo: int = 20,
        max_espera_s: float = 60.0,
        window_s: float = 600.0,
    ):
        self.libres, self.global_libres, self.bloqueo = libres, global_libres, bloqueo
        self.paso_s, self.en_cola_max, self.max_espera_s, self.window_s = paso_s, en_cola_max, max_espera_s, window_s
        self._wrong: dict[str, deque[float]] = {}
        self._all: deque[float] = deque()
        self._waiting: dict[str, int] = {}
        self._lane_free = 0.0
        self._lock = threading.Lock()

    def _prune(self, q: deque[float], now: float) -> int:
        while q and q[0] <= now - self.window_s:
            q.popleft()
        return len(q)

    def _count(self, address: str, now: float) -> None:
        if len(self._wrong) > 10_000:  # bounded memory under a spray of forged addresses
            self._wrong.clear()
        self._wrong.setdefault(address, deque()).append(now)

    def turn(self, address: str, now: float) -> Turno:
        with self._lock:
            mine = self._prune(self._wrong.get(address, deque()), now)
            everyone = self._prune(self._all, now)
            if mine >= self.bloqueo or self._waiting.get(address, 0) >= self.en_cola_max:
                self._count(address, now)
                return Turno(0.0, rechazado=True)
            if mine < self.libres and not (mine and everyone >= self.global_libres):
                return Turno(0.0)
            slot = max(now, self._lane_free)
            if slot - now > self.max_espera_s:
                self._count(address, now)
                return Turno(0.0, rechazado=True)
            self._lane_free = slot + self.paso_s
            self._waiting[address] = self._waiting.get(address, 0) + 1
            return Turno(slot - now, en_cola=True)

    def record(self, address: str, ok: bool, now: float, turno: Turno) -> None:
        with self._lock:
            if turno.en_cola:
                left = self._waiting.get(address, 1) - 1
                if left > 0:
                    self._waiting[address] = left
                else:
                    self._waiting.pop(address, None)
            if ok:
                self._wrong.pop(address, None)
                return
            self._count(address, now)
            self._all.append(now)

    def clear(self) -> None:
        with self._lock:
            self._wrong.clear()
            self._all.clear()
            self._waiting.clear()
            self._lane_free = 0.0


# One per server process, like WRONG_PASSCODES.
GUESSES = GuessGate()


def client_address(remote_ip: str | None, forwarded_for: str | None, trust_proxy: bool) -> str:
    """The address passcode attempts are counted for: the connection's, or, only behind a proxy
    the configuration trusts, the last hop that proxy added to X-Forwarded-For.

    >>> client_address(None, "6.6.6.6", False), client_address("10.0.0.2", "1.1.1.1, 9.9.9.9", True)
    ('local', '9.9.9.9')
    """
    if trust_proxy and forwarded_for:
        last = forwarded_for.split(",")[-1].strip()
        if last:
            return last
    return remote_ip or "local"


# Who may write what from the venue (foro_data.writes): kind -> the one role allowed.
WRITE_ROLE_BY_KIND: dict[str, str] = {
    "conteo": "coordinacion",  # room tallies
    "acreditacion": "organizacion",  # check-in at the desk
    "anulacion": "organizacion",  # undo of a check-in
    "inscripcion": "organizacion",  # walk-in registration + check-in
}


def can_write(role: str, kind: str) -> bool:
    """Only coordinacion writes tallies, only organizacion accredits (issue 7).

    >>> can_write("coordinacion", "conteo"), can_write("organizacion", "conteo")
    (True, False)
    >>> can_write("organizacion", "acreditacion"), can_write("socios", "acreditacion")
    (True, False)
    """
    return WRITE_ROLE_BY_KIND.get(kind) == role


# The venue roles: on Salas they see the tally controls, or one sentence saying why they cannot use them.
VENUE_ROLES: frozenset[str] = frozenset({"coordinacion", "organizacion"})


def sees_write_controls(role: str, kiosk: bool = False) -> bool:
    """Whether a page shows this viewer the venue's write area (buttons, or why not). Never on
    the big screen (kiosk), never for partners or the public.

    >>> sees_write_controls("organizacion"), sees_write_controls("socios"), sees_write_controls("coordinacion", True)
    (True, False, False)
    """
    return not kiosk and role in VENUE_ROLES


# --- The pass that replaces ?clave= in the address bar (issue 18, Low) -----------------------------
# Once a passcode has been accepted, the URL carries ``?pase=`` instead: the role and an expiry,
# signed with HMAC-SHA256 under a key made from a server secret and the configured passcodes. A
# wall that reloads keeps its role until the end of the forum day; the passcode itself never stays
# in the address bar, the history or a proxy's log; changing a passcode revokes every pass.

PASE_SECRET_FILE = "pase.key"


def pase_key(secret: bytes, acceso: dict[str, str]) -> bytes:
    configured = "\n".join(f"{r}={v}" for r, v in sorted(acceso.items()) if r in PASSCODE_ROLES and v)
    return hmac.new(secret, configured.encode("utf-8"), hashlib.sha256).digest()


def _sign(body: str, key: bytes) -> str:
    return base64.urlsafe_b64encode(hmac.new(key, body.encode("ascii"), hashlib.sha256).digest()[:18]).decode("ascii")


def pase(role: str, expires: float, key: bytes) -> str:
    """An opaque pass for ``role`` until ``expires`` (epoch seconds): "<body>.<signature>"."""
    nonce = secrets.token_bytes(4)  # two passes for one role do not look alike
    raw = f"{ROLES.index(role)}:{int(expires)}:".encode("ascii") + nonce
    body = base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")
    return f"{body}.{_sign(body, key)}"


def leer_pase(token: str, key: bytes, now: float) -> str | None:
    """The role a pass grants, or None (malformed, signed with another key, or expired)."""
    body, _, sig = (token or "").partition(".")
    if not body or not sig or not hmac.compare_digest(sig, _sign(body, key)):
        return None
    try:
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        index, expires, _ = raw.split(b":", 2)
        role = ROLES[int(index)]
    except (ValueError, IndexError):
        return None
    return role if now < int(expires) and role in PASSCODE_ROLES else None


def fin_del_dia(now: float, zona: str) -> float:
    """The end of the day ``now`` falls on, in the event's time zone (epoch seconds)."""
    tz = ZoneInfo(zona)
    day = datetime.fromtimestamp(now, tz).date()
    return datetime.combine(day + timedelta(days=1), dtime(0, 0), tz).timestamp()


def server_secret(folder: Path) -> bytes:
    """32 random bytes kept in ``folder`` (0600), made on first use: passes survive a restart."""
    path = folder / PASE_SECRET_FILE
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{PASE_SECRET_FILE}.{os.getpid()}"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(secrets.token_bytes(32))
    try:
        os.link(tmp, path)  # the first process to get here wins; the others read its secret
    except FileExistsError:
        pass
    finally:
        tmp.unlink(missing_ok=True)
    return path.read_bytes()
