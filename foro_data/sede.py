"""Where phones reach the app at the venue: this laptop's LAN address, each role's entry address
and its QR code, all found and drawn offline.

The venue's Wi-Fi often has no way out to the internet, so nothing here asks a service: the LAN
address comes from the routing table (a UDP ``connect`` sends no packet), the QR codes from
``segno`` (pure Python, no image library). The page and the terminal only draw what this returns.
"""

from __future__ import annotations

import io
import ipaddress
import socket
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlencode

import segno

from .access import PAGE_BY_ID

DEFAULT_PORT = 8501
# TEST-NET-1 (RFC 5737): never routed anywhere, so asking the kernel how it *would* reach it names
# the interface of the default route without a packet leaving the machine.
_PROBE = ("192.0.2.1", 9)


@dataclass(frozen=True)
class Entrada:
    """One door into the app: who it is for, the page it opens, and the full address.

    ``lleva_clave``: the address carries a passcode (``?clave=``), so whoever photographs its QR
    gets that role; only organisers may see it.
    """

    rol: str  # an access role, or "pantalla" for the unattended big screen (kiosk)
    pagina: str  # a page id of access.PAGE_REGISTRY
    url: str
    lleva_clave: bool


# (who, page, extra query): the organisers' passcode never goes into an address or a QR — the
# organisers type it on the sidebar; coordinators and partners get theirs in the address, so a
# phone at a door opens Salas ready to count with one scan.
_DOORS: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("publico", "en_vivo", {}),
    ("pantalla", "en_vivo", {"kiosk": "1"}),
    ("coordinacion", "salas", {}),
    ("socios", "socios", {}),
    ("organizacion", "calidad", {}),
)
_CARRY_PASSCODE = frozenset({"coordinacion", "socios"})


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name or an address, no port) only reaches this machine.

    >>> [is_loopback(h) for h in ("localhost", "127.0.0.1", "::1", "0.0.0.0", "192.168.0.10", "foro.example.org")]
    [True, True, True, True, False, False]
    """
    h = host.strip("[]").lower()
    if h in ("localhost", "") or h.endswith(".localhost"):
        return True
    try:
        ip = ipaddress.ip_address(h)
    except ValueError:
        return False
    return ip.is_loopback or ip.is_unspecified


def _usable(ip: str) -> bool:
    return not is_loopback(ip) and not ipaddress.ip_address(ip).is_link_local


def lan_ip() -> str | None:
    """This machine's address on the local network, or None when it has none (no Wi-Fi).

    First the interface of the default route; a network without a default route (a venue router
    with no uplink) falls back to the addresses of this host's name.
    """
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        s.connect(_PROBE)
        ip = s.getsockname()[0]
        if _usable(ip):
            return ip
    except OSError:
        pass
    finally:
        s.close()
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        return None
    for info in infos:
        ip = str(info[4][0])
        if _usable(ip):
            return ip
    return None


def base_url(host: str | None, *, scheme: str = "http", ip: str | None = None, port: int = DEFAULT_PORT) -> str:
    """The address phones should use: the one the viewer reached us by, unless that only works on
    this machine (``localhost``), in which case the LAN address and port.

    >>> base_url("foro.example.org", scheme="https")
    'https://foro.example.org'
    >>> base_url("localhost:8501", ip="192.168.1.20", port=8501)
    'http://192.168.1.20:8501'
    >>> base_url(None, ip=None, port=8502)
    'http://127.0.0.1:8502'
    """
    if host:
        name = host.rsplit(":", 1)[0] if host.count(":") == 1 or host.startswith("[") else host
        if not is_loopback(name):
            return f"{scheme}://{host}"
    return f"http://{ip or '127.0.0.1'}:{port}"


def entradas(base: str, acceso: dict[str, str], *, con_claves: bool) -> list[Entrada]:
    """Each role's door, in the order a card table is laid out.

    With ``con_claves`` the coordinators' and partners' addresses carry their passcode (when one is
    configured); without it, every address is safe to print or project.

    >>> [e.url for e in entradas("http://10.0.0.5:8501", {"coordinacion": "c1"}, con_claves=True)][:3]
    ['http://10.0.0.5:8501/', 'http://10.0.0.5:8501/en-vivo?kiosk=1', 'http://10.0.0.5:8501/salas?clave=c1']
    >>> [e.lleva_clave for e in entradas("http://x", {"coordinacion": "c1", "organizacion": "o"}, con_claves=False)]
    [False, False, False, False, False]
    """
    base = base.rstrip("/")
    out: list[Entrada] = []
    for rol, page_id, extra in _DOORS:
        query = dict(extra)
        clave = acceso.get(rol, "") if rol in _CARRY_PASSCODE else ""
        if con_claves and clave:
            query["clave"] = clave
        # The public and the organisers start at "/": the first page their role may open.
        path = "/" if rol in ("publico", "organizacion") else f"/{PAGE_BY_ID[page_id].url_path}"
        url = base + path + (f"?{urlencode(query)}" if query else "")
        out.append(Entrada(rol, page_id, url, "clave" in query))
    return out


@lru_cache(maxsize=64)  # the organisers' page redraws every refresh; the addresses rarely change
def qr_png(url: str, scale: int = 8) -> bytes:
    """The address as a printable PNG QR code (error correction M: survives a crease or a smudge).

    >>> qr_png("http://10.0.0.5:8501/")[:4]
    b'\\x89PNG'
    """
    buf = io.BytesIO()
    segno.make(url, error="m").save(buf, kind="png", scale=scale, border=2, dark="#000000", light="#ffffff")
    return buf.getvalue()


def qr_terminal(url: str) -> str:
    """The address as a QR code drawn with block characters, for the terminal that starts the app."""
    buf = io.StringIO()
    segno.make(url, error="m").terminal(out=buf, compact=True, border=2)
    return buf.getvalue()


ROLE_NAMES_ES = {
    "publico": "Público (pantallas, teléfonos de cualquiera)",
    "pantalla": "Pantalla grande (modo quiosco)",
    "coordinacion": "Coordinación de salas",
    "socios": "Socios",
    "organizacion": "Organización",
}


def start_banner(ip: str | None, port: int, acceso: dict[str, str]) -> str:
    """What ``./app.sh --red`` prints before Streamlit starts: each role's address (never with a
    passcode: a terminal can be projected or photographed) and a QR for the public one."""
    base = base_url(None, ip=ip, port=port)
    lines = ["", "Foro en vivo en la red del lugar", ""]
    if ip is None:
        lines += [
            "Aviso: esta computadora no tiene dirección en una red local (¿Wi-Fi conectado?).",
            "Los teléfonos no podrán entrar hasta que se conecte; la dirección sería:",
            "",
        ]
    for e in entradas(base, acceso, con_claves=False):
        lines.append(f"  {ROLE_NAMES_ES[e.rol]:<46} {e.url}")
    if any(acceso.get(r) for r in _CARRY_PASSCODE):
        lines += [
            "",
            "  Las direcciones y los QR con clave (coordinación, socios) están en la página",
            "  Calidad de datos → En la sede, solo para la organización.",
        ]
    lines += ["", "Escanee para abrir el tablero:", qr_terminal(base + "/")]
    return "\n".join(lines)
