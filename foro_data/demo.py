"""The embedded demo: a seeded synthetic forum day as raw Sheet tabs.

The story of the demo day. Thursday 19 June 2025, Ex bodega Arizu, Godoy Cruz (Mendoza). About 450
people registered through the Google Form between early May and the day before, most of them in
the last three weeks: intendentes and intendentas of Mendoza's eighteen departments and of cities
of Argentina, Uruguay, Brazil, Paraguay, Chile, Bolivia and Peru (about one in eight registrants
is a mayor, women and men in near-equal numbers), their security secretaries, councillors,
municipal police chiefs, provincial and national officials, staff of PNUD, BID, CAF, ONU-Hábitat,
Mercociudades and Peace in Our Cities, researchers, neighbourhood associations and the press —
plus a few guests from Barcelona, Bogotá, Medellín, Ciudad de México, Montreal and Quito. They
typed their cities and countries as people do ("Gral. San Martín", "Montevideo - UY", "asuncion",
"CABA", "ARG").

The desk opens at 08:00 and the queue peaks between 08:30 and 09:30, before the opening plenary
(09:30). About four in five registrants come; a handful arrive without registering (walk-ins).
The first round of the six thematic exchange rooms (10:45–12:15) overflows the organised-crime
room; after lunch come the presentations of publications and of international programmes, the
second round (14:30–16:00, with the municipal-police room about 90 % full), the high-level panel
and the closing at 18:00. Room coordinators keep tallies for the plenary and two rooms (Conteos,
including one operation sent twice); scanners at each door record entradas and some salidas.
The host city funds travel and lodging: about 60 requests in ARS and USD, mayors first, and the
requests still pending exceed what the budget has left.

The Sheet is dirty the way real ones are; every deliberate defect is listed in ``DIRTY_ROWS``.

Time is a parameter: nothing here reads the wall clock; :class:`foro_data.replay.ReplayClock` maps
the real time of a rehearsal onto this day so a big screen keeps moving.
"""

from __future__ import annotations

import random
import unicodedata
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from functools import lru_cache
from typing import Callable, ClassVar

from . import demo_data as D
from .formato import number
from .replay import DAY_START, EVENT_DATE
from .schema import DEFAULT_TIME_ZONE, EVENT_DEFAULTS, fold, header_key
from .sources.base import Cell, RawWorkbook, trim_row

DEFAULT_SEED = 190625

N_REGISTRATIONS = 446  # clean rows; DIRTY_ROWS adds a few more
MAYOR_SHARE = 0.12
REGISTRATION_OPENS = datetime(2025, 5, 2, 9, 0)
REGISTRATION_CLOSES = datetime(2025, 6, 18, 23, 30)

# Tab headers exactly as the organisers' Sheet has them (Google Forms writes row 1 of Inscripciones).
HEADERS: dict[str, list[str]] = {
    "Inscripciones": [
        "Marca temporal",
        "Dirección de correo electrónico",
        "Nombre",
        "Apellido",
        "DNI / Pasaporte",
        "Género",
        "País",
        "Provincia / Estado",
        "Ciudad",
        "Institución",
        "Cargo",
        "Rol",
        "Ejes de interés",
        "Solicita apoyo",
        "Red",
    ],
    "Acreditaciones": ["Marca temporal", "DNI", "Dirección de correo electrónico", "Punto", "Movimiento"],
    "Salas": ["Sala", "Capacidad", "Ubicación"],
    "Agenda": ["Inicio", "Fin", "Sala", "Actividad", "Eje", "Tipo"],
    "Conteos": ["Marca temporal", "Sala", "Tipo", "Valor", "Registrado por", "ID de operación"],
    "Apoyos": [
        "Dirección de correo electrónico",
        "Marca temporal",
        "Tipo",
        "Monto solicitado",
        "Monto aprobado",
        "Monto pagado",
        "Moneda",
        "Estado",
    ],
    "Presupuesto": ["Moneda", "Tipo", "Monto"],
    "Evento": ["Clave", "Valor"],
}


# --- Deliberately dirty rows -------------------------------------------------------------------


@dataclass(frozen=True)
class DirtyRow:
    """One deliberate defect. ``row`` is the Sheet row number (header = 1), the same for every seed.

    ``problem`` says whether cleaning should report it as a Problem; blank rows, short rows and
    stray spaces are normal Sheet noise that must be absorbed silently.
    """

    tab: str
    row: int
    kind: str
    column: str | None  # header of the offending cell; None when the whole row is the point
    value: str | None  # the offending raw value when it is the same for every seed
    what: str
    problem: bool = True


DIRTY_ROWS: tuple[DirtyRow, ...] = (
    DirtyRow(
        "Inscripciones", 58, "fila_vacia", None, None, "Completely empty row in the middle of the responses.", False
    ),
    DirtyRow(
        "Inscripciones", 97, "fecha_invalida", "Marca temporal", "ayer a la tarde", "Timestamp typed by hand as words."
    ),
    DirtyRow(
        "Inscripciones",
        133,
        "sin_identificacion",
        "Dirección de correo electrónico",
        "",
        "Row added by hand with a name but neither e-mail nor document: cannot be matched at check-in.",
    ),
    DirtyRow(
        "Inscripciones", 171, "espacios", "Nombre", None, "Leading/trailing spaces in Nombre, e-mail and Ciudad.", False
    ),
    DirtyRow(
        "Inscripciones", 205, "pais_desconocido", "País", "Narnia", "Country that exists nowhere (city 'Cair Paravel')."
    ),
    DirtyRow(
        "Inscripciones", 240, "fila_vacia", None, None, "Row of empty strings (as a CSV export writes it).", False
    ),
    DirtyRow(
        "Inscripciones",
        262,
        "cargo_sin_rol",
        "Cargo",
        "Asesor ad honorem",
        "Cargo that maps to no role and Rol blank: falls into 'otro'.",
    ),
    DirtyRow(
        "Inscripciones",
        301,
        "duplicado_email",
        "Dirección de correo electrónico",
        None,
        "Same person registered again with the e-mail in different case.",
    ),
    DirtyRow(
        "Inscripciones",
        333,
        "duplicado_documento",
        "DNI / Pasaporte",
        None,
        "Same person registered again with the DNI written with dots and another e-mail.",
    ),
    DirtyRow(
        "Inscripciones",
        366,
        "duplicado_nombre",
        "Nombre",
        None,
        "Same name, surname and city typed without accents, another e-mail, no document: the e-mails contradict the name match, so two people listed as posible_duplicado.",
    ),
    DirtyRow(
        "Inscripciones",
        402,
        "fila_corta",
        None,
        None,
        "Row ends after Cargo: trailing cells missing, as the Sheets API returns them.",
        False,
    ),
    DirtyRow(
        "Acreditaciones", 95, "sin_inscripcion", None, None, "Walk-in: the e-mail or document matches no registration."
    ),
    DirtyRow(
        "Acreditaciones", 120, "hora_invalida", "Marca temporal", "9 y cuarto", "Scan time typed by hand as words."
    ),
    DirtyRow(
        "Acreditaciones",
        150,
        "escaneo_repetido",
        None,
        None,
        "Same badge scanned twice within a minute (copy of the row above).",
        False,
    ),
    DirtyRow(
        "Acreditaciones", 180, "sin_inscripcion", None, None, "Walk-in: the e-mail or document matches no registration."
    ),
    DirtyRow("Acreditaciones", 200, "fila_vacia", None, None, "Completely empty row between scans.", False),
    DirtyRow(
        "Acreditaciones", 260, "sin_inscripcion", None, None, "Walk-in: the e-mail or document matches no registration."
    ),
    DirtyRow(
        "Acreditaciones",
        330,
        "escaneo_repetido",
        None,
        None,
        "Same badge scanned twice within a minute (copy of the row above).",
        False,
    ),
    DirtyRow(
        "Acreditaciones", 410, "sin_inscripcion", None, None, "Walk-in: the e-mail or document matches no registration."
    ),
    DirtyRow(
        "Acreditaciones",
        520,
        "escaneo_repetido",
        None,
        None,
        "Same badge scanned twice within a minute (copy of the row above).",
        False,
    ),
    DirtyRow(
        "Acreditaciones", 640, "sin_inscripcion", None, None, "Walk-in: the e-mail or document matches no registration."
    ),
    DirtyRow("Salas", 10, "capacidad_invalida", "Capacidad", "sesenta", "Capacity written in words."),
    DirtyRow("Agenda", 9, "espacios", "Sala", None, "Room name padded with spaces.", False),
    DirtyRow("Agenda", 12, "fila_vacia", None, None, "Empty row between sessions.", False),
    DirtyRow(
        "Conteos",
        6,
        "operacion_repetida",
        "ID de operación",
        None,
        "The tally above sent twice (same ID de operación): must count once.",
        False,
    ),
    DirtyRow("Conteos", 11, "valor_invalido", "Valor", "diez", "Tally value written in words."),
    DirtyRow("Apoyos", 12, "monto_invalido", "Monto solicitado", "mucho", "Requested amount is not a number."),
    DirtyRow("Apoyos", 27, "moneda_desconocida", "Moneda", "XYZ", "Unknown currency code."),
    DirtyRow("Apoyos", 41, "estado_desconocido", "Estado", "pendiente de firma", "Status outside the list of estados."),
)


# --- Public API --------------------------------------------------------------------------------


def demo_workbook(seed: int = DEFAULT_SEED) -> RawWorkbook:
    """The demo workbook for ``seed``; the same seed always gives the same cells.

    Built once per seed and cached; each call returns fresh lists so a caller cannot spoil the cache.
    """
    tabs = _build(seed)
    return RawWorkbook(
        tabs={name: [list(row) for row in rows] for name, rows in tabs},
        time_zone=DEFAULT_TIME_ZONE,
        locale="es_AR",
        serial_dates=False,
    )


@dataclass(frozen=True)
class DemoSource:
    """The embedded default source: no configuration, no network."""

    seed: int = DEFAULT_SEED
    tipo: ClassVar[str] = "demo"
    descripcion: ClassVar[str] = "Datos de demostración"

    def read(self) -> RawWorkbook:
        return demo_workbook(self.seed)


# --- Generation: people ------------------------------------------------------------------------


@dataclass
class _Person:
    nombre: str
    apellido: str
    email: str
    documento: str | int
    genero: str  # "f" | "m" | "x" | ""
    genero_raw: str
    city: D.CitySpec
    ciudad_raw: str
    provincia_raw: str
    pais_raw: str
    institucion: str
    cargo: str
    rol_raw: str
    role: str
    ejes: tuple[str, ...]
    apoyo_raw: str
    red: str
    registered_at: datetime = REGISTRATION_OPENS
    # Check-in behaviour (set when the day is simulated).
    arrival: datetime | None = None
    scan_by: str = "email"  # "email" | "doc"

    @property
    def wants_support(self) -> bool:
        return fold(self.apoyo_raw).startswith("si")

    @property
    def is_mayor(self) -> bool:
        return self.role == "intendencia"


def _strip_accents(text: str) -> str:
    s = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in s if not unicodedata.combining(ch)))


def _weighted_sample(rng: random.Random, items: list, weights: list[float], k: int) -> list:
    """k distinct items, heavier ones more likely (Efraimidis–Spirakis keys)."""
    keyed = sorted(zip(items, weights), key=lambda iw: rng.random() ** (1.0 / iw[1]), reverse=True)
    return [item for item, _ in keyed[:k]]


def _lang(pais: str) -> str:
    return {"BR": "pt", "CA": "otros", "ES": "otros"}.get(pais, "es")


class _PeopleFactory:
    """Makes plausible, mutually distinct people: unique e-mails and documents, no accidental twins."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.emails: set[str] = set()
        self.docs: set[str] = set()
        self.name_city: set[tuple[str, str, str]] = set()

    # names -------------------------------------------------------------------------------------
    def _name(self, pais: str, gender: str) -> tuple[str, str]:
        rng, lang = self.rng, _lang(pais)
        female = gender == "f" or (gender not in ("f", "m") and rng.random() < 0.5)
        if lang == "pt":
            nombre = rng.choice(D.NOMBRES_F_PT if female else D.NOMBRES_M_PT)
            apellido = rng.choice(D.APELLIDOS_PT)
            if rng.random() < 0.3:
                apellido = f"{rng.choice(D.APELLIDOS_PT)} {apellido}"
        elif lang == "otros":
            nombre = rng.choice(
                (D.NOMBRES_F_OTROS if female else D.NOMBRES_M_OTROS)
                + (D.NOMBRES_F_ES if female else D.NOMBRES_M_ES)[:6]
            )
            apellido = rng.choice(D.APELLIDOS_OTROS + D.APELLIDOS_ES[:10])
        else:
            nombre = rng.choice(D.NOMBRES_F_ES if female else D.NOMBRES_M_ES)
            apellido = rng.choice(D.APELLIDOS_ES)
            if rng.random() < 0.15:
                apellido = f"{apellido} {rng.choice(D.APELLIDOS_ES)}"
            if rng.random() < 0.12:
                nombre = f"{nombre} {rng.choice(D.NOMBRES_F_ES if female else D.NOMBRES_M_ES)}"
        return nombre, apellido

    def _email(self, nombre: str, apellido: str, pais: str, city: D.CitySpec, official: bool) -> str:
        rng = self.rng
        n = header_key(nombre.split()[0])
        a = header_key(apellido.split()[0])
        if official and pais in ("AR", "UY", "PY", "CL", "PE") and rng.random() < 0.5:
            tld = {"AR": "gob.ar", "UY": "gub.uy", "PY": "gov.py", "CL": "cl", "PE": "gob.pe"}[pais]
            domain = f"{header_key(city.name)}.{tld}"
        elif official and pais == "BR" and rng.random() < 0.5:
            domain = f"{header_key(city.name)}.gov.br"
        else:
            domain = rng.choice(D.EMAIL_DOMAINS_PERSONAL_BR if pais == "BR" else D.EMAIL_DOMAINS_PERSONAL)
        patterns = (f"{n}.{a}", f"{n[0]}{a}", f"{a}.{n}", f"{n}{a}", f"{n}_{a}", f"{n}.{a}{rng.randint(1, 99)}")
        local = rng.choice(patterns)
        email = f"{local}@{domain}"
        while email in self.emails:
            email = f"{local}{rng.randint(1, 999)}@{domain}"
        self.emails.add(email)
        return email

    def _document(self, pais: str) -> str | int:
        rng = self.rng
        while True:
            if pais == "AR":
                num = rng.randint(14_000_000, 45_999_999)
                doc: str | int = str(num) if rng.random() < 0.93 else f"{num:,}".replace(",", ".")
            elif pais == "UY":
                doc = f"{rng.randint(1_000_000, 5_999_999):,}".replace(",", ".") + f"-{rng.randint(0, 9)}"
            elif pais == "BR":
                d = f"{rng.randint(0, 999_999_999_99):011d}"
                doc = f"{d[:3]}.{d[3:6]}.{d[6:9]}-{d[9:]}"
            elif pais == "CL":
                doc = f"{rng.randint(6_000_000, 24_999_999):,}".replace(",", ".") + f"-{rng.choice('0123456789K')}"
            elif pais in ("PY", "BO"):
                doc = str(rng.randint(1_000_000, 9_999_999))
            elif pais == "PE":
                doc = str(rng.randint(40_000_000, 79_999_999))
            else:
                doc = f"{rng.choice('ABCDPX')}{rng.choice('ABCDEFG')}{rng.randint(100_000, 999_999)}"
            key = "".join(ch for ch in str(doc) if ch.isalnum())
            if key not in self.docs:
                self.docs.add(key)
                return doc

    # one person ----------------------------------------------------------------------------------
    def person(self, city: D.CitySpec, role: str, gender: str, cargo: str | None = None) -> _Person:
        rng = self.rng
        pais = city.pais
        for _ in range(50):
            nombre, apellido = self._name(pais, gender)
            key = (fold(nombre), fold(apellido), fold(city.name))
            if key not in self.name_city:
                self.name_city.add(key)
                break
        lang = _lang(pais)
        g = gender or ("f" if nombre.split()[0] in D.NOMBRES_F_ES + D.NOMBRES_F_PT + D.NOMBRES_F_OTROS else "m")
        if cargo is None or (role == "intendencia" and city.name == "Buenos Aires" and pais == "AR"):
            cargo = _cargo(rng, role, pais, g, city)
        official = role in ("intendencia", "gobierno_local", "policia_seguridad")
        email = self._email(nombre, apellido, pais, city, official)
        if rng.random() < 0.03:
            email = email + " "  # stray space pasted in by the form filler
        documento: str | int = self._document(pais) if rng.random() < 0.95 else ""
        ejes = _ejes(rng, role)
        wants = _wants_support(rng, role, city)
        return _Person(
            nombre=_typed(rng, nombre),
            apellido=_typed(rng, apellido),
            email=email,
            documento=documento,
            genero=gender,
            genero_raw=_genero_raw(rng, gender, lang),
            city=city,
            ciudad_raw=rng.choice(city.spellings),
            provincia_raw=rng.choice(city.provincia) if rng.random() < 0.92 else "",
            pais_raw=rng.choice(D.COUNTRY_SPELLINGS[pais]),
            institucion=_institucion(rng, role, city, cargo),
            cargo=cargo,
            rol_raw=D.ROL_OPTIONS[role] if rng.random() < 0.35 else "",
            role=role,
            ejes=ejes,
            apoyo_raw=(rng.choice(("Sí", "Sí", "Sí", "Si", "si")) if wants else rng.choice(("No",) * 8 + ("no",))),
            red=_red(rng, role, pais),
        )


def _typed(rng: random.Random, name: str) -> str:
    """Names as people type them: now and then all lower or all upper case."""
    r = rng.random()
    if r < 0.03:
        return name.lower()
    if r < 0.05:
        return name.upper()
    return name


def _genero_raw(rng: random.Random, gender: str, lang: str) -> str:
    if gender == "f":
        return (
            "Feminino"
            if lang == "pt" and rng.random() < 0.8
            else rng.choice(("Femenino",) * 6 + ("Mujer",) * 3 + ("F",))
        )
    if gender == "m":
        return rng.choice(("Masculino",) * 7 + ("Varón", "Varón", "Hombre", "M"))
    if gender == "x":
        return "No binario"
    return rng.choice(("", "", "Prefiero no decir"))


def _cargo(rng: random.Random, role: str, pais: str, gender: str, city: D.CitySpec) -> str:
    idx = 1 if gender == "f" else 0
    if role == "intendencia":
        if city.name == "Buenos Aires" and pais == "AR":
            return D.CAPITAL_MAYOR[idx]
        forms = D.MAYOR_CARGOS.get(pais, D.MAYOR_CARGOS["_"])
        return rng.choice(forms[idx])
    options = D.ROLE_CARGOS[role]
    if _lang(pais) == "pt" and role in D.ROLE_CARGOS_PT:
        options = D.ROLE_CARGOS_PT[role]
    return rng.choice(options)[idx]


def _institucion(rng: random.Random, role: str, city: D.CitySpec, cargo: str) -> str:
    pais, name = city.pais, city.name
    if role in ("intendencia", "gobierno_local"):
        if pais == "AR" and name == "Buenos Aires":
            return "Gobierno de la Ciudad de Buenos Aires"
        if pais == "AR" and name == "Godoy Cruz" and rng.random() < 0.3:
            return rng.choice(("Munic. de Godoy Cruz", "MGC", "Municipalidad de Godoy Cruz "))
        return {
            "UY": f"Intendencia de {name}" if "Alcald" not in cargo else f"Municipio de {name}",
            "BR": f"Prefeitura {'Municipal ' if rng.random() < 0.4 else ''}de {name}",
            "BO": f"Gobierno Autónomo Municipal de {name}",
            "CO": f"Alcaldía de {name}",
            "MX": "Gobierno de la Ciudad de México",
            "EC": f"Alcaldía de {name}",
            "ES": "Ajuntament de Barcelona",
            "CA": "Ville de Montréal",
        }.get(pais, f"Municipalidad de {name}")
    if role == "gobierno_nacional_provincial":
        prov = city.provincia[0] or name
        if pais == "AR":
            return rng.choice(
                (
                    f"Gobierno de {prov}",
                    f"Ministerio de Seguridad de {prov}",
                    "Ministerio de Seguridad de la Nación",
                    "Honorable Cámara de Diputados de la Nación",
                    f"Legislatura de {prov}",
                )
            )
        if pais == "BR":
            return f"Assembleia Legislativa - {prov}"
        return rng.choice(("Ministerio del Interior", "Congreso Nacional", f"Gobierno de {prov}"))
    if role == "organismo_internacional":
        for org in D.INTERNATIONAL_ORGS:
            if org.split()[0].split("-")[0].lower() in cargo.lower():
                return org
        return rng.choice(D.INTERNATIONAL_ORGS)
    if role == "academia_sociedad_civil":
        if "Fundación" in cargo:
            return "Fundación Barrios Seguros"
        if pais == "AR":
            return rng.choice(D.ACADEMIA_AR)
        return rng.choice(D.ACADEMIA_OTROS.get(pais, D.ACADEMIA_OTROS["_"]))
    if role == "policia_seguridad":
        if pais == "AR":
            if "Municipal" in cargo or "Guardia" in cargo:
                return f"Policía Municipal de {name}" if "Municipal" in cargo else f"Guardia Urbana de {name}"
            return "Policía de la Ciudad" if name == "Buenos Aires" else f"Policía de {city.provincia[0] or name}"
        if pais == "BR":
            return f"Guarda Municipal de {name}"
        return rng.choice((f"Municipalidad de {name}", "Policía Nacional"))
    if role == "prensa":
        if pais == "AR" and city.provincia[0] == "Mendoza":
            return rng.choice(D.PRENSA_MZA)
        return rng.choice(("Medio independiente", "Agencia de noticias", "Portal de noticias local", ""))
    return ""


_AXIS_WEIGHTS = (1.0, 1.0, 1.3, 1.0, 1.25, 0.7)


def _ejes(rng: random.Random, role: str) -> tuple[str, ...]:
    if rng.random() < 0.05:
        return ()
    k = rng.choice((1, 1, 2, 2, 2, 3, 3)) if role != "intendencia" else rng.choice((2, 3, 3, 4))
    chosen = set(_weighted_sample(rng, list(D.AXES), list(_AXIS_WEIGHTS), k))
    if role == "policia_seguridad":
        chosen.add(D.AXES[2])
    return tuple(a for a in D.AXES if a in chosen)  # Forms lists ticked boxes in option order


def _wants_support(rng: random.Random, role: str, city: D.CitySpec) -> bool:
    if role == "intendencia":
        return rng.random() < 0.78
    if city.pais != "AR":
        return rng.random() < 0.33
    if city.provincia[0] != "Mendoza":
        return rng.random() < 0.10
    return rng.random() < 0.02


def _red(rng: random.Random, role: str, pais: str) -> str:
    r = rng.random()
    if role == "intendencia":
        options = ["Mercociudades", "Mercociudades", "CGLU", "Mercociudades, CGLU", "Peace in Our Cities", ""]
        if pais == "AR":
            options += ["FAM", "FAM", "Mercociudades, FAM", "Red Argentina de Municipios frente al Cambio Climático"]
        return rng.choice(options)
    if role in ("gobierno_local", "organismo_internacional") and r < 0.45:
        return rng.choice(
            (
                "Mercociudades",
                "Mercociudades",
                "Peace in Our Cities",
                "CGLU",
                "FAM" if pais == "AR" else "Mercociudades",
            )
        )
    if r < 0.08:
        return rng.choice(D.REDES)
    return ""


def _registration_times(rng: random.Random, n: int) -> list[datetime]:
    """Registrations over May–June, most of them in the last three weeks, at waking hours."""
    span_days = (REGISTRATION_CLOSES.date() - REGISTRATION_OPENS.date()).days
    out = []
    for _ in range(n):
        if rng.random() < 0.3:
            day = rng.randint(0, span_days)
        else:
            day = min(span_days, int(rng.triangular(10, span_days + 1, span_days - 4)))
        hour = rng.choice((8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23))
        at = datetime.combine(
            REGISTRATION_OPENS.date() + timedelta(days=day), time(hour, rng.randint(0, 59), rng.randint(0, 59))
        )
        out.append(max(REGISTRATION_OPENS, min(REGISTRATION_CLOSES, at)))
    return sorted(out)


def _make_people(rng: random.Random, factory: _PeopleFactory, n: int) -> list[_Person]:
    cities = list(D.CITIES)
    n_mayors = round(n * MAYOR_SHARE)
    # One mayor per city; Mendoza's departments and the region's smaller cities come first.
    mayor_weights = [
        (6.0 if c.provincia[0] == "Mendoza" else 1.0) * (0.2 if c.pais in ("ES", "CA", "MX") else 1.0) for c in cities
    ]
    anchors = [next(c for c in cities if (c.name, c.pais) == key) for key in D.MAYOR_ANCHORS]
    pool = [(c, w) for c, w in zip(cities, mayor_weights) if c not in anchors]
    mayor_cities = anchors + _weighted_sample(rng, [c for c, _ in pool], [w for _, w in pool], n_mayors - len(anchors))
    people = []
    turns: Counter[tuple[str, str]] = Counter()
    for i, city in enumerate(mayor_cities):
        # Parity by construction; cargos taken in turn so every local form of the title shows up.
        gender = "f" if i % 2 == 0 else "m"
        group = city.pais if city.pais in D.MAYOR_CARGOS else "_"
        forms = D.MAYOR_CARGOS[group][1 if gender == "f" else 0]
        cargo = forms[turns[(group, gender)] % len(forms)]
        turns[(group, gender)] += 1
        people.append(factory.person(city, "intendencia", gender, cargo=cargo))
    # Every city sends at least one person (the showcase ones one per spelling), then by weight.
    with_mayor = {id(c) for c in mayor_cities}
    others = []
    for c in cities:
        need = len(set(c.spellings)) if c.name in D.SHOWCASE_CITIES else 1
        others += [c] * max(0, need - (id(c) in with_mayor))
    others += rng.choices(cities, weights=[c.weight for c in cities], k=n - len(people) - len(others))
    roles = list(D.ROLE_WEIGHTS)
    role_w = list(D.ROLE_WEIGHTS.values())
    for city in others:
        role = rng.choices(roles, weights=role_w)[0]
        r = rng.random()
        gender = "f" if r < 0.49 else "m" if r < 0.965 else "x" if r < 0.98 else ""
        people.append(factory.person(city, role, gender))
    rng.shuffle(people)
    _use_every_spelling(people)
    for p, at in zip(people, _registration_times(rng, len(people))):
        p.registered_at = at
    return people


def _use_every_spelling(people: list[_Person]) -> None:
    """Each way of typing a city or a country shows up at least once when enough people share it."""
    by_city: dict[int, list[_Person]] = {}
    by_country: dict[str, list[_Person]] = {}
    for p in people:
        by_city.setdefault(id(p.city), []).append(p)
        by_country.setdefault(p.city.pais, []).append(p)
    for group in by_city.values():
        for p, spelling in zip(group, dict.fromkeys(group[0].city.spellings)):
            p.ciudad_raw = spelling
    for code, group in by_country.items():
        for p, spelling in zip(group, dict.fromkeys(D.COUNTRY_SPELLINGS[code])):
            p.pais_raw = spelling


# --- Cells -------------------------------------------------------------------------------------


def _ts(at: datetime) -> str:
    """Google Forms' es-AR timestamp: ``19/6/2025 8:41:07``."""
    return f"{at.day}/{at.month}/{at.year} {at.hour}:{at.minute:02d}:{at.second:02d}"


def _registration_cells(p: _Person) -> list[Cell]:
    return [
        _ts(p.registered_at),
        p.email,
        p.nombre,
        p.apellido,
        p.documento,
        p.genero_raw,
        p.pais_raw,
        p.provincia_raw,
        p.ciudad_raw,
        p.institucion,
        p.cargo,
        p.rol_raw,
        ", ".join(p.ejes),
        p.apoyo_raw,
        p.red,
    ]


@dataclass
class _Line:
    """A row under construction: its cells, its time (for ordering and inserts) and whose it is."""

    at: datetime | None
    cells: list[Cell]
    person: _Person | None = None


def _when(line: _Line) -> datetime:
    """The time of a line that has one (rows of timeless tabs never reach the callers)."""
    assert line.at is not None
    return line.at


def _arrived(p: _Person) -> datetime:
    assert p.arrival is not None, "only people who came have scans"
    return p.arrival


def _between(rng: random.Random, lines: list[_Line], idx: int) -> datetime:
    """A time that fits a row inserted at ``idx`` between its timed neighbours."""
    before = next((ln.at for ln in reversed(lines[:idx]) if ln.at), None)
    after = next((ln.at for ln in lines[idx:] if ln.at), None)
    if before and after and after > before:
        return before + (after - before) * rng.uniform(0.2, 0.8)
    base = before or after or datetime.combine(EVENT_DATE, DAY_START)
    return base + timedelta(seconds=rng.randint(5, 300))


# --- Dirty-row builders: each edits ``lines`` so that the declared row holds the defect ---------------


@dataclass
class _Ctx:
    rng: random.Random
    factory: _PeopleFactory
    people: list[_Person]
    not_accredited: list[_Person] = field(default_factory=list)
    support_left: list[_Person] = field(default_factory=list)
    duplicated: set[int] = field(default_factory=set)  # id() of people already duplicated once
    blank_rows: int = 0


_Builder = Callable[[_Ctx, list[_Line], int, DirtyRow], None]


def _fila_vacia(ctx: _Ctx, lines: list[_Line], idx: int, spec: DirtyRow) -> None:
    ctx.blank_rows += 1
    lines.insert(idx, _Line(None, [] if ctx.blank_rows % 2 else ["", ""]))


def _new_registration(ctx: _Ctx, lines: list[_Line], idx: int) -> tuple[_Person, list[Cell]]:
    rng = ctx.rng
    city = rng.choices(D.CITIES, weights=[c.weight for c in D.CITIES])[0]
    p = ctx.factory.person(city, rng.choice(list(D.ROLE_WEIGHTS)), rng.choice("fm"))
    p.registered_at = _between(rng, lines, idx)
    return p, _registration_cells(p)


def _fecha_invalida(ctx: _Ctx, lines: list[_Line], idx: int, spec: DirtyRow) -> None:
    p, cells = _new_registration(ctx, lines, idx)
    cells[0] = spec.value
    lines.insert(idx, _Line(None, trim_row(cells)))


def _sin_identificacion(ctx: _Ctx, lines: list[_Line], idx: int, spec: DirtyRow) -> None:
    p, cells = _new_registration(ctx, lines, idx)
    cells[1] = ""
    cells[4] = ""
    lines.insert(idx, _Line(p.registered_at, trim_row(cells)))


def _espacios_inscripcion(ctx: _Ctx, lines: list[_Line], idx: int, spec: DirtyRow) -> None:
    p, cells = _new_registration(ctx, lines, idx)
    cells[1] = f" {str(cells[1]).strip()}  "
    cells[2] = f"  {cells[2]}"
    cells[8] = f"{cells[8]}  "
    lines.insert(idx, _Line(p.registered_at, trim_row(cells)))


def _pais_desconocido(ctx: _Ctx, lines: list[_Line], idx: int, spec: DirtyRow) -> None:
    p, cells = _new_registration(ctx, lines, idx)
    cells[6], cells[7], cells[8] = spec.value, "", "Cair Paravel"
    lines.insert(idx, _Line(p.registered_at, trim_row(cells)))


def _cargo_sin_rol(ctx: _Ctx, lines: list[_Line], idx: int, spec: DirtyRow) -> None:
    p, cells = _new_registration(ctx, lines, idx)
    cells[10], cells[11] = spec.value, ""
    lines.insert(idx, _Line(p.registered_at, trim_row(cells)))


def _fila_corta(ctx: _Ctx, lines: list[_Line], idx: int, spec: DirtyRow) -> None:
    p, cells = _new_registration(ctx, lines, idx)
    lines.insert(idx, _Line(p.registered_at, trim_row(cells[:11])))


def _original(ctx: _Ctx, lines: list[_Line], idx: int, ok: Callable[[_Person], bool]) -> _Person:
    """An earlier, clean registration to duplicate (never one that is already duplicated)."""
    candidates = [
        ln.person for ln in lines[:idx] if ln.person and ln.at and id(ln.person) not in ctx.duplicated and ok(ln.person)
    ]
    p = ctx.rng.choice(candidates)
    ctx.duplicated.add(id(p))
    return p


def _dup_line(ctx: _Ctx, lines: list[_Line], idx: int, cells: list[Cell]) -> None:
    at = _between(ctx.rng, lines, idx)
    cells[0] = _ts(at)
    lines.insert(idx, _Line(at, trim_row(cells)))


def _duplicado_email(ctx: _Ctx, lines: list[_Line], idx: int, spec: DirtyRow) -> None:
    p = _original(ctx, lines, idx, lambda q: bool(q.email.strip()))
    cells = _registration_cells(p)
    local, _, domain = p.email.strip().partition("@")
    cells[1] = f"{local[:1].upper()}{local[1:]}@{domain.upper()}"
    cells[4] = ""  # the second time they skipped the document
    cells[12] = ", ".join(D.AXES[:2])  # and changed their mind about the axes
    _dup_line(ctx, lines, idx, cells)


def _duplicado_documento(ctx: _Ctx, lines: list[_Line], idx: int, spec: DirtyRow) -> None:
    p = _original(
        ctx, lines, idx, lambda q: isinstance(q.documento, str) and q.documento.isdigit() and len(q.documento) == 8
    )
    cells = _registration_cells(p)
    num = int(str(p.documento))
    cells[4] = f"{num:,}".replace(",", ".")
    cells[1] = f"{header_key(p.nombre.split()[0])}.{header_key(p.apellido.split()[0])}.trabajo@gmail.com"
    _dup_line(ctx, lines, idx, cells)


def _duplicado_nombre(ctx: _Ctx, lines: list[_Line], idx: int, spec: DirtyRow) -> None:
    def accented(q: _Person) -> bool:
        text = f"{q.nombre}{q.apellido}{q.ciudad_raw}"
        return _strip_accents(text) != text

    p = _original(ctx, lines, idx, accented)
    cells = _registration_cells(p)
    cells[2], cells[3], cells[8] = _strip_accents(p.nombre), _strip_accents(p.apellido), _strip_accents(p.ciudad_raw)
    cells[1] = (
        f"{header_key(p.apellido.split()[0])}{header_key(p.nombre.split()[0])[:1]}.{ctx.rng.randint(10, 99)}@hotmail.com"
    )
    cells[4] = ""
    _dup_line(ctx, lines, idx, cells)


def _scan_cells(at: datetime, p: _Person, punto: str, mov: str, rng: random.Random | None = None) -> list[Cell]:
    """One scanner row; ``rng`` is given at the desk, where staff type what they read."""
    email, dni = "", ""  # type: str, Cell
    if p.scan_by == "doc":
        dni = p.documento
        if rng and isinstance(dni, str) and dni.isdigit() and len(dni) == 8:
            r = rng.random()
            if r < 0.15:
                dni = f"{int(dni):,}".replace(",", ".")
            elif r < 0.25:
                dni = int(dni)  # typed into a plain cell, Sheets keeps a number
    else:
        email = p.email.strip()
        if rng and rng.random() < 0.08:
            email = email.upper() if rng.random() < 0.4 else email[:1].upper() + email[1:]
    if mov == "entrada" and punto == D.DESK and rng and rng.random() < 0.35:
        mov = ""  # the desk form leaves Movimiento blank (= entrada)
    return trim_row([_ts(at), dni, email, punto, mov])


def _sin_inscripcion(ctx: _Ctx, lines: list[_Line], idx: int, spec: DirtyRow) -> None:
    rng = ctx.rng
    city = rng.choices(D.CITIES, weights=[c.weight for c in D.CITIES])[0]
    walk_in = ctx.factory.person(
        city, rng.choice(("prensa", "academia_sociedad_civil", "gobierno_local")), rng.choice("fm")
    )
    walk_in.scan_by = "doc" if walk_in.documento and rng.random() < 0.5 else "email"
    at = _between(rng, lines, idx)
    lines.insert(idx, _Line(at, _scan_cells(at, walk_in, D.DESK, "entrada")))


def _hora_invalida(ctx: _Ctx, lines: list[_Line], idx: int, spec: DirtyRow) -> None:
    p = ctx.not_accredited.pop(0)
    cells = _scan_cells(datetime.combine(EVENT_DATE, DAY_START), p, D.DESK, "entrada")
    cells[0] = spec.value
    lines.insert(idx, _Line(None, cells))


def _escaneo_repetido(ctx: _Ctx, lines: list[_Line], idx: int, spec: DirtyRow) -> None:
    prev = lines[idx - 1]
    at = _when(prev) + timedelta(seconds=ctx.rng.randint(3, 25))
    lines.insert(idx, _Line(at, [_ts(at), *prev.cells[1:]]))


def _capacidad_invalida(ctx: _Ctx, lines: list[_Line], idx: int, spec: DirtyRow) -> None:
    lines.insert(idx, _Line(None, ["Sala de prensa", spec.value, "Planta baja"]))


def _espacios_agenda(ctx: _Ctx, lines: list[_Line], idx: int, spec: DirtyRow) -> None:
    cells = lines[idx].cells
    cells[2] = f" {cells[2]}  "


def _operacion_repetida(ctx: _Ctx, lines: list[_Line], idx: int, spec: DirtyRow) -> None:
    prev = lines[idx - 1]
    at = _when(prev) + timedelta(seconds=ctx.rng.randint(4, 12))
    lines.insert(idx, _Line(at, [_ts(at), *prev.cells[1:]]))


def _valor_invalido(ctx: _Ctx, lines: list[_Line], idx: int, spec: DirtyRow) -> None:
    prev = lines[idx - 1]
    at = _between(ctx.rng, lines, idx)
    lines.insert(idx, _Line(at, [_ts(at), prev.cells[1], "delta", spec.value, prev.cells[4], _op_id(ctx.rng)]))


def _dirty_request(ctx: _Ctx, lines: list[_Line], idx: int, spec: DirtyRow) -> None:
    rng = ctx.rng
    p = ctx.support_left.pop(0) if ctx.support_left else rng.choice(ctx.people)
    at = _between(rng, lines, idx)
    cells = _request_cells(rng, p, at, "solicitado")[0]
    col = HEADERS["Apoyos"].index(spec.column or "")
    cells[col] = spec.value
    lines.insert(idx, _Line(at, trim_row(cells)))


_BUILDERS: dict[tuple[str, str], _Builder] = {
    ("Inscripciones", "fila_vacia"): _fila_vacia,
    ("Inscripciones", "fecha_invalida"): _fecha_invalida,
    ("Inscripciones", "sin_identificacion"): _sin_identificacion,
    ("Inscripciones", "espacios"): _espacios_inscripcion,
    ("Inscripciones", "pais_desconocido"): _pais_desconocido,
    ("Inscripciones", "cargo_sin_rol"): _cargo_sin_rol,
    ("Inscripciones", "duplicado_email"): _duplicado_email,
    ("Inscripciones", "duplicado_documento"): _duplicado_documento,
    ("Inscripciones", "duplicado_nombre"): _duplicado_nombre,
    ("Inscripciones", "fila_corta"): _fila_corta,
    ("Acreditaciones", "sin_inscripcion"): _sin_inscripcion,
    ("Acreditaciones", "hora_invalida"): _hora_invalida,
    ("Acreditaciones", "escaneo_repetido"): _escaneo_repetido,
    ("Acreditaciones", "fila_vacia"): _fila_vacia,
    ("Salas", "capacidad_invalida"): _capacidad_invalida,
    ("Agenda", "espacios"): _espacios_agenda,
    ("Agenda", "fila_vacia"): _fila_vacia,
    ("Conteos", "operacion_repetida"): _operacion_repetida,
    ("Conteos", "valor_invalido"): _valor_invalido,
    ("Apoyos", "monto_invalido"): _dirty_request,
    ("Apoyos", "moneda_desconocida"): _dirty_request,
    ("Apoyos", "estado_desconocido"): _dirty_request,
}


def _apply_dirty(ctx: _Ctx, tab: str, lines: list[_Line]) -> None:
    """Put each declared defect of ``tab`` at its declared row (ascending, so rows stay put)."""
    for spec in sorted((d for d in DIRTY_ROWS if d.tab == tab), key=lambda d: d.row):
        idx = spec.row - 2  # lines hold data rows only; the header is row 1
        if idx > len(lines):
            raise AssertionError(f"{tab} has too few rows for the defect declared at row {spec.row}")
        _BUILDERS[(tab, spec.kind)](ctx, lines, idx, spec)


# --- The day: check-ins and room scans ---------------------------------------------------------


def _at(hhmm: str, seconds: int = 0) -> datetime:
    h, m = hhmm.split(":")
    return datetime.combine(EVENT_DATE, time(int(h), int(m))) + timedelta(seconds=seconds)


def _arrival(rng: random.Random) -> datetime:
    """Desk check-in time: from 08:00, peak 08:30–09:30, a thin tail into the afternoon."""
    u = rng.random()
    if u < 0.12:
        minutes = rng.uniform(0, 30)
    elif u < 0.75:
        minutes = rng.triangular(30, 90, 60)
    elif u < 0.87:
        minutes = rng.uniform(90, 150)
    elif u < 0.95:
        minutes = rng.uniform(150, 330)
    else:
        minutes = rng.uniform(330, 480)
    return _at("08:00") + timedelta(seconds=round(minutes * 60))


# Exchange rooms: how many people scan in per round. Round 1 overflows Sala 5 (58 for 50 seats);
# round 2 fills Sala 3 to about 90 % (70 for 80 seats, plus the few who never scanned out of round 1).
ROUND_1 = ("10:45", "12:15", (34, 30, 52, 36, 58, 22))
ROUND_2 = ("14:30", "16:00", (45, 32, 70, 38, 44, 36))
PRESENTATIONS = ("13:30", "14:15", ((D.EXCHANGE_ROOMS[0], 28), (D.EXCHANGE_ROOMS[1], 22)))


@dataclass
class _Scan:
    at: datetime
    person: _Person
    punto: str
    mov: str
    desk: bool = False


def _session_scans(
    rng: random.Random, attendees: list[_Person], punto: str, start: datetime, end: datetime
) -> list[_Scan]:
    """Entradas around the start; a few step out mid-session and half of them scan in again.

    Room doors record only entradas: DESIGN counts a ``salida`` as leaving the venue (presentes),
    so exits are scanned at the entrance desk only. A room's count restarts with each session."""
    scans: list[_Scan] = []
    entered: dict[int, datetime] = {}
    for p in attendees:
        planned = start + timedelta(minutes=rng.uniform(-12, 3) if rng.random() < 0.75 else rng.uniform(3, 25))
        at = max(planned, _arrived(p) + timedelta(minutes=rng.uniform(2, 6)))
        at = at.replace(microsecond=0)
        entered[id(p)] = at
        scans.append(_Scan(at, p, punto, "entrada"))
    k = round(0.06 * len(attendees))
    leavers = rng.sample(attendees, k)
    gone = set()
    for i, p in enumerate(leavers):
        lo = entered[id(p)] + timedelta(minutes=10)
        out = lo + (end - timedelta(minutes=15) - lo) * rng.random()
        if i < k // 2:
            back = out + timedelta(minutes=rng.uniform(5, 20))
            scans.append(_Scan(back.replace(microsecond=0), p, punto, "entrada"))
        else:
            gone.add(id(p))
    return scans


def _assign_rooms(rng: random.Random, pool: list[_Person], targets: tuple[int, ...]) -> list[list[_Person]]:
    """People pick the room of an axis they ticked when there is one left for them."""
    remaining = list(pool)
    rng.shuffle(remaining)
    out: list[list[_Person]] = [[] for _ in D.EXCHANGE_ROOMS]
    for i in sorted(range(len(targets)), key=lambda j: -targets[j]):
        axis = D.EXCHANGE_ROOMS[i].eje
        ordered = [p for p in remaining if axis in p.ejes] + [p for p in remaining if axis not in p.ejes]
        out[i] = ordered[: targets[i]]
        chosen = {id(p) for p in out[i]}
        remaining = [p for p in remaining if id(p) not in chosen]
    return out


def _simulate(rng: random.Random, people: list[_Person]) -> tuple[list[_Scan], list[_Person]]:
    """All scans of the day, and the registered people who never checked in."""
    came: list[_Person] = []
    absent: list[_Person] = []
    for p in people:
        (came if rng.random() < (0.9 if p.is_mayor else 0.79) else absent).append(p)
    for p in came:
        p.arrival = _arrival(rng)
        has_doc = bool(str(p.documento).strip())
        p.scan_by = "doc" if has_doc and rng.random() < 0.4 else "email"
    scans = [_Scan(_arrived(p), p, D.DESK, "entrada", desk=True) for p in came]

    lunch_out = rng.sample([p for p in came if _arrived(p) < _at("12:00")], 24)
    gone_at_lunch = {id(p) for p in lunch_out[17:]}
    for i, p in enumerate(lunch_out):
        out = _at("12:15") + timedelta(minutes=rng.uniform(0, 30))
        scans.append(_Scan(out.replace(microsecond=0), p, D.DESK, "salida", desk=True))
        if i < 17:
            back = _at("13:15") + timedelta(minutes=rng.uniform(0, 35))
            scans.append(_Scan(back.replace(microsecond=0), p, D.DESK, "entrada", desk=True))
    staying = [p for p in came if id(p) not in gone_at_lunch]

    for start, end, targets in (ROUND_1, ROUND_2):
        s, e = _at(start), _at(end)
        pool = [p for p in staying if _arrived(p) <= s + timedelta(minutes=15)]
        for room, attendees in zip(D.EXCHANGE_ROOMS, _assign_rooms(rng, pool, targets)):
            scans += _session_scans(rng, attendees, room.name, s, e)

    start, end, rooms = PRESENTATIONS
    pool = [p for p in staying if _arrived(p) <= _at(start)]
    rng.shuffle(pool)
    for room, n in rooms:
        attendees, pool = pool[:n], pool[n:]
        scans += _session_scans(rng, attendees, room.name, _at(start), _at(end))

    for p in rng.sample([p for p in staying if _arrived(p) <= _at("16:00")], 45):
        at = max(_arrived(p) + timedelta(minutes=3), _at("10:30")) + timedelta(minutes=rng.uniform(0, 300))
        at = min(at, _at("17:20")).replace(microsecond=0)
        scans.append(_Scan(at, p, D.STANDS.name, "entrada"))

    for p in staying:
        if rng.random() < 0.25:
            out = max(_at("16:00"), _arrived(p) + timedelta(minutes=30)) + timedelta(minutes=rng.uniform(0, 130))
            scans.append(_Scan(out.replace(microsecond=0), p, D.DESK, "salida", desk=True))

    scans.sort(key=lambda s: s.at)
    return scans, absent


# --- Conteos, Salas, Agenda, Apoyos, Presupuesto, Evento ---------------------------------------


def _op_id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


# (time, room, tipo, value, who): tallies for the plenary and two exchange rooms.
_CONTEOS: tuple[tuple[str, str, str, int, int], ...] = (
    ("09:38:12", "Plenario", "conteo", 205, 0),
    ("09:47:40", "Plenario", "delta", 36, 0),
    ("09:58:05", "Plenario", "delta", 27, 0),
    ("10:08:31", "Plenario", "delta", 14, 0),
    ("10:21:50", "Plenario", "delta", -9, 0),
    ("10:52:20", D.EXCHANGE_ROOMS[5].name, "conteo", 19, 1),
    ("11:03:45", D.EXCHANGE_ROOMS[5].name, "delta", 5, 1),
    ("11:18:02", D.EXCHANGE_ROOMS[5].name, "delta", 3, 1),
    ("11:47:30", D.EXCHANGE_ROOMS[5].name, "delta", -2, 1),
    ("14:38:10", D.EXCHANGE_ROOMS[0].name, "conteo", 41, 2),
    ("14:49:55", D.EXCHANGE_ROOMS[0].name, "delta", 6, 2),
    ("15:02:18", D.EXCHANGE_ROOMS[0].name, "delta", 4, 2),
    ("15:16:40", D.EXCHANGE_ROOMS[0].name, "delta", 3, 2),  # 54 of 60 seats: 90 %
    ("15:41:07", D.EXCHANGE_ROOMS[0].name, "delta", -5, 2),
    ("16:22:15", "Plenario", "conteo", 236, 0),
    ("16:41:30", "Plenario", "delta", 21, 0),
    ("17:05:12", "Plenario", "delta", -18, 0),
    ("17:33:48", "Plenario", "conteo", 201, 0),
    ("17:49:20", "Plenario", "delta", -37, 0),
)


def _conteo_lines(rng: random.Random) -> list[_Line]:
    lines = []
    for hms, sala, tipo, valor, who in _CONTEOS:
        h, m, s = (int(x) for x in hms.split(":"))
        at = datetime.combine(EVENT_DATE, time(h, m, s))
        lines.append(_Line(at, [_ts(at), sala, tipo, valor, D.REGISTRADORES[who], _op_id(rng)]))
    return lines


def _salas_lines() -> list[_Line]:
    rooms = (D.PLENARIO, *D.EXCHANGE_ROOMS, D.STANDS)
    # Capacity typed into a plain-text cell once: a string that still reads as a number.
    return [
        _Line(None, [r.name, str(r.capacidad) if r is D.EXCHANGE_ROOMS[3] else r.capacidad, r.ubicacion]) for r in rooms
    ]


def _agenda_lines() -> list[_Line]:
    ex = D.EXCHANGE_ROOMS
    sessions: list[tuple[str, str, str, str, str, str]] = [
        ("08:00", "09:30", D.STANDS.name, "Acreditación y café de bienvenida", "", ""),
        (
            "09:30",
            "10:30",
            D.PLENARIO.name,
            "Apertura: los gobiernos locales en la primera línea de la seguridad",
            "",
            "plenario",
        ),
        ("10:30", "12:15", D.STANDS.name, "Stands de experiencias locales", "", "stand"),
    ]
    sessions += [("10:45", "12:15", r.name, f"Intercambio de experiencias: {r.eje}", r.eje, "intercambio") for r in ex]
    sessions += [
        ("12:15", "13:30", D.STANDS.name, "Almuerzo y recorrida de stands", "", "stand"),
        (
            "13:30",
            "14:15",
            ex[0].name,
            "Presentación de publicaciones sobre seguridad ciudadana local",
            "",
            "presentación",
        ),
        ("13:30", "14:15", ex[1].name, "Presentación de programas de organismos internacionales", "", "presentación"),
        ("13:30", "17:30", D.STANDS.name, "Stands de experiencias locales", "", "stand"),
    ]
    sessions += [
        ("14:30", "16:00", r.name, f"Intercambio de experiencias (2ª ronda): {r.eje}", r.eje, "Intercambio") for r in ex
    ]
    sessions += [
        (
            "16:15",
            "17:30",
            D.PLENARIO.name,
            "Panel de alto nivel: desafíos de los gobiernos locales en seguridad ciudadana",
            "",
            "plenario",
        ),
        ("17:30", "18:00", D.PLENARIO.name, "Cierre y Declaración de Godoy Cruz", "", "Plenario"),
    ]
    lines = []
    for i, (ini, fin, sala, actividad, eje, tipo) in enumerate(sessions):
        # The first rows were pasted from the programme with full dates; later ones typed as HH:MM.
        if i < 9:
            ini_cell, fin_cell = _ts(_at(ini)), _ts(_at(fin))
        else:
            ini_cell, fin_cell = ini, fin
        lines.append(_Line(_at(ini), trim_row([ini_cell, fin_cell, sala, actividad, eje, tipo])))
    return lines


def _es_ar(value: float, decimals: bool = False) -> str:
    """``1234567.5`` -> ``'1.234.567,50'`` (how people type pesos)."""
    return number(value, "es", 2 if decimals else 0)


def _ars_cell(rng: random.Random, value: float) -> Cell:
    cents = value != int(value)
    r = rng.random()
    if r < 0.4:
        return f"$ {_es_ar(value, cents)}"
    if r < 0.65 and not cents:
        return int(value)
    if r < 0.85:
        return _es_ar(value, True)
    return f"${_es_ar(value, cents)}"


def _usd_cell(rng: random.Random, value: float) -> Cell:
    r = rng.random()
    if r < 0.4:
        return f"USD {value:,.2f}"
    if r < 0.7:
        return int(value) if value == int(value) else float(value)
    if r < 0.85:
        return f"U$S {_es_ar(value)}"
    return f"{value:.0f}"


def _request_amount(rng: random.Random, tipo: str, moneda: str) -> float:
    if moneda == "ARS":
        ranges = {"pasaje": (180, 650), "alojamiento": (90, 280), "viático": (40, 120)}
        unit = 1000
    else:
        ranges = {"pasaje": (35, 140), "alojamiento": (15, 45), "viático": (6, 20)}
        unit = 10
    parts = ("pasaje", "alojamiento") if tipo == "pasaje y alojamiento" else (tipo,)
    total: float = sum(rng.randint(*ranges[part]) * unit for part in parts)
    if moneda == "ARS" and total >= 1_000_000 and rng.random() < 0.5:
        total += 0.5  # a request copied from an invoice, cents included
    return float(total)


def _request_cells(
    rng: random.Random, p: _Person, at: datetime, estado: str
) -> tuple[list[Cell], str, float, float | None]:
    """One Apoyos row; returns (cells, currency, requested, committed-or-None)."""
    far = p.city.pais != "AR" or p.city.provincia[0] != "Mendoza"
    tipo = rng.choice(("pasaje y alojamiento", "pasaje y alojamiento", "pasaje", "alojamiento")) if far else "viático"
    moneda = "USD" if p.city.pais != "AR" and not (tipo == "alojamiento" and rng.random() < 0.3) else "ARS"
    pedido = _request_amount(rng, tipo, moneda)
    fmt = _ars_cell if moneda == "ARS" else _usd_cell
    aprobado: float | None = None
    pagado: float | None = None
    if estado in ("aprobado", "confirmado", "pagado") or (estado == "cancelado" and rng.random() < 0.5):
        aprobado = (
            pedido
            if rng.random() < 0.65
            else float(round(pedido * rng.choice((0.6, 0.8)), -3 if moneda == "ARS" else -1))
        )
    if estado == "pagado" and rng.random() < 0.7:
        pagado = aprobado
    moneda_cell = moneda if rng.random() < 0.9 else moneda.lower()
    cells: list[Cell] = [
        p.email.strip(),
        _ts(at),
        tipo,
        fmt(rng, pedido),
        "" if aprobado is None else fmt(rng, aprobado),
        "" if pagado is None else fmt(rng, pagado),
        moneda_cell,
        estado,
    ]
    committed = aprobado if estado in ("aprobado", "confirmado", "pagado") else None
    return cells, moneda, pedido, committed


_ESTADO_MIX = (
    ("solicitado",) * 11
    + ("en evaluación",) * 9
    + ("aprobado",) * 10
    + ("confirmado",) * 9
    + ("pagado",) * 12
    + ("rechazado",) * 4
    + ("cancelado",) * 3
)


def _apoyos(rng: random.Random, people: list[_Person]) -> tuple[list[_Line], list[_Line], list[_Person]]:
    """~58 clean requests (mayors first in line), the budget lines, and who else asked for support."""
    asked = [p for p in people if p.wants_support]
    mayors = [p for p in asked if p.is_mayor]
    rest = [p for p in asked if not p.is_mayor]
    rng.shuffle(mayors)
    rng.shuffle(rest)
    n = len(_ESTADO_MIX)
    chosen = mayors[:30]
    chosen += rest[: n - len(chosen)]
    chosen_ids = {id(p) for p in chosen}
    left = [p for p in mayors + rest if id(p) not in chosen_ids]
    estados = list(_ESTADO_MIX[: len(chosen)])
    rng.shuffle(estados)
    lines, committed, pending = [], {"ARS": 0.0, "USD": 0.0}, {"ARS": 0.0, "USD": 0.0}
    for p, estado in zip(chosen, estados):
        at = (p.registered_at + timedelta(hours=rng.uniform(0.2, 240))).replace(microsecond=0)
        if at.hour < 7:
            at += timedelta(hours=8)  # the funding team answers e-mails in office hours
        at = min(at, REGISTRATION_CLOSES)
        cells, moneda, pedido, comp = _request_cells(rng, p, at, estado)
        if comp is not None:
            committed[moneda] += comp
        if estado in ("solicitado", "en evaluación"):
            pending[moneda] += pedido
        lines.append(_Line(at, trim_row(cells)))
    lines.sort(key=_when)
    # The budget covers what is committed plus under half of what is still pending: it runs short.
    presupuesto = []
    for moneda, step, sources in (
        ("ARS", 100_000, (("Aporte Municipalidad de Godoy Cruz", 0.7), ("Aporte Gobierno de Mendoza", 0.3))),
        ("USD", 100, (("Peace in Our Cities", 0.6), ("Mercociudades", 0.4))),
    ):
        total = committed[moneda] + 0.45 * pending[moneda]
        first = (total * sources[0][1]) // step * step
        second = (total - first) // step * step
        for (label, _), monto in zip(sources, (first, second)):
            cell: Cell = f"$ {_es_ar(monto)}" if moneda == "ARS" else f"USD {monto:,.2f}"
            presupuesto.append(_Line(None, [moneda, label, cell]))
    return lines, presupuesto, left


def _evento_lines() -> list[_Line]:
    rows = [
        ("nombre", EVENT_DEFAULTS["nombre"]),
        ("fecha", EVENT_DATE.isoformat()),
        ("zona_horaria", DEFAULT_TIME_ZONE),
        ("sede", EVENT_DEFAULTS["sede"]),
        ("organiza", "Municipalidad de Godoy Cruz, Mercociudades y Peace in Our Cities"),
    ]
    return [_Line(None, [k, v]) for k, v in rows]


# --- Assembly ----------------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _build(seed: int) -> tuple[tuple[str, tuple[tuple[Cell, ...], ...]], ...]:
    rng = random.Random(seed)
    factory = _PeopleFactory(rng)
    people = _make_people(rng, factory, N_REGISTRATIONS)
    ctx = _Ctx(rng=rng, factory=factory, people=list(people))

    inscripciones = [_Line(p.registered_at, trim_row(_registration_cells(p)), p) for p in people]
    _apply_dirty(ctx, "Inscripciones", inscripciones)

    scans, absent = _simulate(rng, people)
    ctx.not_accredited = absent
    acreditaciones = [_Line(s.at, _scan_cells(s.at, s.person, s.punto, s.mov, rng if s.desk else None)) for s in scans]
    _apply_dirty(ctx, "Acreditaciones", acreditaciones)

    apoyos, presupuesto, ctx.support_left = _apoyos(rng, people)
    _apply_dirty(ctx, "Apoyos", apoyos)

    tabs: dict[str, list[_Line]] = {
        "Inscripciones": inscripciones,
        "Acreditaciones": acreditaciones,
        "Salas": _salas_lines(),
        "Agenda": _agenda_lines(),
        "Conteos": _conteo_lines(rng),
        "Apoyos": apoyos,
        "Presupuesto": presupuesto,
        "Evento": _evento_lines(),
    }
    for tab in ("Salas", "Agenda", "Conteos"):
        _apply_dirty(ctx, tab, tabs[tab])
    return tuple((name, (tuple(HEADERS[name]), *(tuple(ln.cells) for ln in lines))) for name, lines in tabs.items())
