"""The workbook contract: tabs, canonical columns, header aliases and enumerations.

Every change here must be mirrored in:
  * ``../shared/DESIGN.md`` ("The workbook") — the contract people read;
  * ``foro_data.plantilla`` — the empty template (it is generated from ``TABS``, so nothing to do
    there unless a tab gains a non-column rule);
  * the README's table of tabs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from anyascii import anyascii


def _ascii_letter(ch: str) -> str:
    return anyascii(ch) if not ch.isascii() and ch.isalpha() else ch


def fold(text: object) -> str:
    """Case-, accent- and spacing-insensitive key used for every textual comparison.

    Accents are dropped by decomposition; letters that do not decompose (Ł, Ø, ı, Æ) are spelled
    in ASCII by anyascii. Only letters are transliterated: symbols and emoji stay separators, as
    before (anyascii would spell a flag as its country code and € as "EUR").

    >>> fold("  Dirección de  Correo-Electrónico ")
    'direccion de correo electronico'
    >>> fold("Łódź"), fold("Øresund"), fold("🇦🇷 Paraná €")
    ('lodz', 'oresund', 'parana')
    """
    s = unicodedata.normalize("NFKD", str(text))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    if not s.isascii():
        s = "".join(map(_ascii_letter, s))
    s = s.casefold()
    s = re.sub(r"[^0-9a-z]+", " ", s)
    return s.strip()


def header_key(text: object) -> str:
    """Header matching ignores case, accents, spaces, punctuation: ``'E-mail'`` == ``'email'``."""
    return fold(text).replace(" ", "")


@dataclass(frozen=True)
class Column:
    name: str
    aliases: tuple[str, ...] = ()
    required: bool = False

    def keys(self) -> set[str]:
        return {header_key(self.name), *(header_key(a) for a in self.aliases)}


@dataclass(frozen=True)
class HeaderMatch:
    """How a header row maps onto a tab's canonical columns."""

    index: dict[str, int]  # canonical column -> 0-based position (the first occurrence wins)
    unknown: tuple[object, ...] = ()  # headers that name no column: kept, ignored
    repeated: tuple[tuple[object, str], ...] = ()  # (header as typed, the column it repeats)


def _blank_header(h: object) -> bool:
    return h is None or (isinstance(h, str) and not h.strip())


# DESIGN: "The header row is the first of the first five rows that names known columns".
HEADER_SEARCH_ROWS = 5


@dataclass(frozen=True)
class Tab:
    name: str
    columns: tuple[Column, ...]
    required: bool = False
    aliases: tuple[str, ...] = ()
    # At least one of these columns must be present for the tab to be usable.
    identifying: tuple[str, ...] = field(default=())

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    @property
    def headers(self) -> list[str]:
        return [c.name for c in self.columns]

    def resolve(self, headers: Sequence[object]) -> HeaderMatch:
        """The one header matching rule, used by clean, the writer and the template.

        >>> m = CONTEOS.resolve(["ID de operación", "Valor", "Notas", "Sala", "Sala", None])
        >>> m.index, m.unknown, m.repeated
        ({'id_operacion': 0, 'valor': 1, 'sala': 3}, ('Notas',), (('Sala', 'sala'),))
        """
        keymap = {k: c.name for c in self.columns for k in c.keys()}
        index: dict[str, int] = {}
        unknown: list[object] = []
        repeated: list[tuple[object, str]] = []
        for i, h in enumerate(headers):
            if _blank_header(h):
                continue
            name = keymap.get(header_key(h))
            if name is None:
                unknown.append(h)
            elif name in index:
                repeated.append((h, name))
            else:
                index[name] = i
        return HeaderMatch(index, tuple(unknown), tuple(repeated))

    def header_row(self, rows: Sequence[Sequence[object]]) -> int:
        """0-based index of the header row: the first of the first ``HEADER_SEARCH_ROWS`` rows that
        names a known column (hand-made Sheets carry a title row above it); 0 when none does.

        Only title-like rows (blank, or a single filled cell: a merged banner) may sit above it. A
        row with two filled cells is data, so the search stops there: otherwise a data cell such
        as "Aprobado" under a mangled header would be taken for headers and the rows above it lost.

        >>> SALAS.header_row([["Salas del foro"], [], ["Sala", "Capacidad"], ["Plenario", 100]])
        2
        >>> SALAS.header_row([["Hola"], ["Chau"]]), APOYOS.header_row([["x", "y"], ["ana@x.org", "Aprobado"]])
        (0, 0)
        """
        for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
            if self.resolve(row).index:
                return i
            if sum(1 for c in row if not _blank_header(c)) > 1:
                break
        return 0


INSCRIPCIONES = Tab(
    "Inscripciones",
    required=True,
    aliases=("Respuestas de formulario 1", "Form Responses 1", "Inscripción", "Registro"),
    identifying=("email", "documento", "nombre", "apellido"),
    columns=(
        Column("id", ("ID", "Nº", "N°", "numero", "número", "nro")),
        Column("registrado_en", ("Marca temporal", "Timestamp", "fecha de inscripción", "fecha de inscripcion")),
        Column("nombre", ("Nombre", "Nombres", "Nome")),
        Column("apellido", ("Apellido", "Apellidos", "Sobrenome")),
        Column(
            "email",
            (
                "Dirección de correo electrónico",
                "Correo electrónico",
                "Email address",
                "e-mail",
                "correo",
                "mail",
                "Endereço de e-mail",
            ),
        ),
        Column(
            "documento",
            ("DNI", "Documento", "Pasaporte", "CI", "RUT", "CPF", "DNI / Pasaporte", "Documento de identidad"),
        ),
        Column("cargo", ("Cargo", "Función", "Cargo/Función", "Funcion")),
        Column("rol", ("Rol", "Categoría", "Tipo de participante")),
        Column("institucion", ("Institución", "Organismo", "Municipio", "Organización", "Instituição")),
        Column("ciudad", ("Ciudad", "Ciudad de origen", "Localidad", "Cidade")),
        Column("provincia", ("Provincia", "Estado", "Departamento", "Región", "Provincia / Estado")),
        Column("pais", ("País", "País de origen", "Country")),
        Column("genero", ("Género", "Gênero", "Sexo", "Gender")),
        Column("ejes", ("Ejes de interés", "Eje temático", "Ejes")),
        Column("red", ("Red", "Redes")),
        Column("apoyo", ("Solicita apoyo", "Apoyo solicitado", "Apoyo")),
        # Optional, for the organisers: rows carrying the same mark are one person even when their
        # e-mails or documents differ (the answer to a ``posible_duplicado``).
        Column("misma_persona", ("Misma persona", "Mesma pessoa", "Same person")),
    ),
)

ACREDITACIONES = Tab(
    "Acreditaciones",
    aliases=("Acreditación", "Check-in", "Ingresos"),
    identifying=("id", "email", "documento"),
    columns=(
        Column("marca_temporal", ("Marca temporal", "Fecha y hora", "Hora", "Timestamp"), required=True),
        Column("id", ("ID", "Nº", "N°", "numero")),
        Column("email", ("Dirección de correo electrónico", "Correo electrónico", "Email address", "e-mail", "correo")),
        Column("documento", ("DNI", "Documento", "Pasaporte", "CI", "RUT", "CPF")),
        Column("punto", ("Punto", "Puerta", "Puesto", "Sala")),
        Column("movimiento", ("Movimiento",)),
        Column("id_operacion", ("ID de operación", "ID operación", "Operación")),
    ),
)

SALAS = Tab(
    "Salas",
    columns=(
        Column("sala", ("Sala", "Espacio", "Nombre"), required=True),
        Column("capacidad", ("Capacidad", "Aforo", "Cupo"), required=True),
        Column("piso", ("Piso", "Planta")),
        Column("ubicacion", ("Ubicación", "Ubicacion", "Lugar")),
    ),
)

AGENDA = Tab(
    "Agenda",
    aliases=("Programa",),
    columns=(
        Column("inicio", ("Inicio", "Hora de inicio", "Desde"), required=True),
        Column("fin", ("Fin", "Hora de fin", "Hasta"), required=True),
        Column("sala", ("Sala", "Espacio", "Lugar"), required=True),
        Column("actividad", ("Actividad", "Título", "Titulo", "Sesión"), required=True),
        Column("eje", ("Eje", "Eje temático")),
        Column("tipo", ("Tipo", "Formato")),
    ),
)

APOYOS = Tab(
    "Apoyos",
    aliases=("Financiamiento", "Solicitudes de apoyo"),
    identifying=("id", "email"),
    columns=(
        Column("id", ("ID", "Nº", "N°", "numero")),
        Column("email", ("Dirección de correo electrónico", "Correo electrónico", "Email address", "e-mail", "correo")),
        Column("solicitado_en", ("Marca temporal", "Fecha de solicitud", "Fecha")),
        Column("tipo", ("Tipo", "Tipo de apoyo")),
        Column("monto_solicitado", ("Monto solicitado", "Solicitado"), required=True),
        Column("monto_aprobado", ("Monto aprobado", "Aprobado")),
        Column("monto_pagado", ("Monto pagado", "Pagado")),
        Column("moneda", ("Moneda", "Divisa"), required=True),
        Column("estado", ("Estado",), required=True),
    ),
)

PRESUPUESTO = Tab(
    "Presupuesto",
    columns=(
        Column("moneda", ("Moneda", "Divisa"), required=True),
        Column("tipo", ("Tipo", "Concepto")),
        Column("monto", ("Monto", "Importe"), required=True),
    ),
)

CONTEOS = Tab(
    "Conteos",
    columns=(
        Column("marca_temporal", ("Marca temporal", "Fecha y hora", "Hora"), required=True),
        Column("sala", ("Sala",), required=True),
        Column("tipo", ("Tipo",), required=True),
        Column("valor", ("Valor", "Cantidad"), required=True),
        Column("registrado_por", ("Registrado por", "Por", "Coordinador")),
        Column("id_operacion", ("ID de operación", "ID operación", "Operación")),
    ),
)

CIUDADES = Tab(
    "Ciudades",
    columns=(
        Column("ciudad", ("Ciudad", "Localidad", "Cidade"), required=True),
        Column("provincia", ("Provincia", "Estado", "Región")),
        Column("pais", ("País", "Country")),
        Column("lat", ("Latitud", "Latitude"), required=True),
        Column("lon", ("Longitud", "Longitude", "lng"), required=True),
    ),
)

EVENTO = Tab(
    "Evento",
    columns=(
        Column("clave", ("Clave", "Campo", "Dato"), required=True),
        Column("valor", ("Valor",), required=True),
    ),
)

TABS: tuple[Tab, ...] = (
    INSCRIPCIONES,
    ACREDITACIONES,
    SALAS,
    AGENDA,
    APOYOS,
    PRESUPUESTO,
    CONTEOS,
    CIUDADES,
    EVENTO,
)
TAB_BY_NAME = {t.name: t for t in TABS}

DEFAULT_TIME_ZONE = "America/Argentina/Mendoza"

# --- Enumerations -----------------------------------------------------------------------------

ROLES: tuple[str, ...] = (
    "intendencia",
    "gobierno_local",
    "gobierno_nacional_provincial",
    "organismo_internacional",
    "academia_sociedad_civil",
    "policia_seguridad",
    "prensa",
    "otro",
)

# Ordered: the first pattern that matches wins. Mayors are checked first on purpose — a
# "Intendenta y Presidenta de la Red" is a mayor for funding priority, whatever else she is.
# Patterns are matched against fold(value) as whole words or prefixes.
# --- Roles from rol / cargo (the algorithm is foro_data.roles.derive_role) ----------------------
# A cargo is read the way a person reads it: the first role NOUN says what the person is
# ("Asesora del Intendente" is an adviser, "Profesor, Universidad Nacional" a professor). Nouns of
# a fixed category decide alone; a generic noun (secretario, director, asesor…) takes its category
# from the first ORGANISATION word of the cargo (Municipalidad, Ministerio, Universidad, BID…), else
# from its own default. Former holders ("ex …") are not what they were; vice-mayors are local
# government; an acting mayor ("interino", "a cargo de la Intendencia") is a mayor.
# Patterns are regular expressions over schema.fold(cargo). Mirror changes in DESIGN ("Roles").

# Phrases that make the person the acting mayor whatever noun comes first.
ROLE_ACTING_MAYOR: tuple[str, ...] = (r"\ba cargo de la (intendencia|alcaldia|prefeitura)\b",)

# A former role is dropped with its word: "ex intendente", "ex-ministra", "exintendenta", "former mayor".
ROLE_FORMER: tuple[str, ...] = (
    r"\b(ex|former)\s+[a-z]+",
    r"\bex(intendent|alcald|prefeit|ministr|gobernador|governador|concejal|diputad|senador)[a-z]*",
)

# (category, pattern) of nouns that decide alone; the earliest match in the cargo wins, and at one
# position the first row listed here wins (so vice-mayors come before mayors).
ROLE_NOUNS: tuple[tuple[str, str], ...] = (
    ("gobierno_local", r"\bvice ?(intendent|alcald|prefeit)[a-z]*"),
    ("gobierno_local", r"\bteniente de alcald[a-z]*"),
    ("gobierno_local", r"\bdeputy mayor\b"),
    ("intendencia", r"\bintendent[ea]s?\b"),
    ("intendencia", r"\balcald(e|esa)s?\b"),
    ("intendencia", r"\bprefeit[oa]s?\b"),
    ("intendencia", r"\bjef[ea] de gobierno\b"),
    ("intendencia", r"\bpresident[ea] municipal\b"),
    ("intendencia", r"\bmayor\b"),
    ("gobierno_local", r"\bconcejal[a-z]*"),
    ("gobierno_local", r"\bvereador[a-z]*"),
    ("gobierno_local", r"\bedil[a-z]*"),
    ("gobierno_local", r"\bcouncil+or\b"),
    ("gobierno_nacional_provincial", r"\bministr[oa]s?\b"),
    ("gobierno_nacional_provincial", r"\b(vice)?(gobernador|governador|governor)[a-z]*"),
    ("gobierno_nacional_provincial", r"\b(diputad|deputad|senador|legislador)[a-z]*"),
    ("policia_seguridad", r"\b(sub)?comisari[oa]s?\b"),
    (
        "policia_seguridad",
        r"\b(gendarme|carabiner[oa]|sargento|cabo|bomber[oa]|comandante|teniente|capitan|capitao|delegad[oa] da policia)[a-z]*",
    ),
    (
        "prensa",
        r"\b(periodista|jornalista|journalist|reporter[oa]?|corresponsal|redactor|fotograf|camarograf|comunicador)[a-z]*",
    ),
    (
        "academia_sociedad_civil",
        r"\b(profesor|professor|docente|investigador|pesquisador|researcher|academic|decan|rector|reitor|estudiante|student|doctorand|becari|vecin)[a-z]*",
    ),
    ("organismo_internacional", r"\b(consul|consules|consulesa|embajador[a-z]*|embaixador[a-z]*|ambassador)\b"),
)

# Generic nouns: (default category, pattern). The category comes from the cargo's first
# organisation word when it has one (ROLE_CUES), else from this default.
ROLE_GENERIC: tuple[tuple[str, str], ...] = (
    ("gobierno_local", r"\b(sub)?secretari[oa]s?\b"),
    (
        "gobierno_local",
        r"\b(director|directora|diretor|diretora|coordinador|coordinadora|coordenador|coordenadora|coordinator)[a-z]*",
    ),
    (
        "gobierno_local",
        r"\b(jef[ea]|chefe|gerente|funcionari[oa]|responsable|encargad[oa]|tecnic[oa]|analista|referente|gestor)[a-z]*",
    ),
    ("academia_sociedad_civil", r"\bconsultor[a-z]*"),
    (
        "otro",
        r"\b(asesor|assessor|especialista|oficial|officer|representante|integrante|miembro|president[ea]|delegad[oa]|agente|inspector|enlace)[a-z]*",
    ),
)

# Organisation words: (category, pattern); the earliest in the cargo wins.
ROLE_CUES: tuple[tuple[str, str], ...] = (
    (
        "organismo_internacional",
        r"\b(onu|pnud|undp|unodc|unicef|unesco|bid|caf|oea|cglu|uclg|flacma|efus|giz|aecid|cepal|ops|oms)\b",
    ),
    (
        "organismo_internacional",
        r"\b(banco interamericano|banco mundial|world bank|union europea|naciones unidas|united nations|mercociudades|peace in our cities|organismo internacional|cooperacion internacional|embajada|consulado)\b",
    ),
    (
        "policia_seguridad",
        r"\b(polic(ia|e|ial)|gendarmeria|prefectura naval|carabineros|guardia urbana|guarda (municipal|civil)|bomberos|fuerzas? de seguridad|servicio penitenciario)\b",
    ),
    (
        "prensa",
        r"\b(prensa|imprensa|press|diario|periodico|jornal|radio|television|tv|canal|revista|noticias|comunicacion)\b",
    ),
    (
        "academia_sociedad_civil",
        r"\b(universi[a-z]*|facultad|faculdade|conicet|flacso|instituto|fundacion|fundacao|asociacion|associacao|ong|sociedad civil|sociedade civil|vecinal)\b",
    ),
    (
        "gobierno_nacional_provincial",
        r"\b(nacion|nacional|national|provincia|provincial|estadual|do estado|de estado|federal|ministerio|gobernacion|governo do estado)\b",
    ),
    (
        "gobierno_local",
        r"\b(municipal|municipalidad|municipio|intendencia|intendent[ea]|alcaldia|alcald(e|esa)|prefeitura|prefeit[oa]|concejo|camara municipal|junta departamental|comuna|city of|gobierno local)\b",
    ),
)

# Values of the rol column that name "otro" on purpose (not a Problem).
ROLE_OTRO_WORDS = frozenset({"otro", "outro", "other"})

MOVIMIENTOS = {
    "entrada": "entrada",
    "ingreso": "entrada",
    "in": "entrada",
    "entrada sala": "entrada",
    "salida": "salida",
    "egreso": "salida",
    "out": "salida",
    "saida": "salida",
    # A compensating row written by "deshacer" at the desk: id_operacion = "anula:<id>".
    "anulacion": "anulacion",
    "anulada": "anulacion",
    "deshacer": "anulacion",
}
ANULA_PREFIX = "anula:"

APOYO_TIPOS = ("pasaje", "alojamiento", "pasaje y alojamiento", "viático")
APOYO_ESTADOS = ("solicitado", "en evaluación", "aprobado", "confirmado", "pagado", "rechazado", "cancelado")
ESTADOS_COMPROMETIDOS = frozenset({"aprobado", "confirmado", "pagado"})
ESTADOS_PENDIENTES = frozenset({"solicitado", "en evaluación"})

AGENDA_TIPOS = ("plenario", "intercambio", "presentación", "stand")
CONTEO_TIPOS = {
    "conteo": "conteo",
    "total": "conteo",
    "absoluto": "conteo",
    "delta": "delta",
    "suma": "delta",
    "+": "delta",
}

GENEROS = {
    "femenino": "femenino",
    "f": "femenino",
    "mujer": "femenino",
    "feminino": "femenino",
    "female": "femenino",
    "mulher": "femenino",
    "woman": "femenino",
    "masculino": "masculino",
    "m": "masculino",
    "varon": "masculino",
    "hombre": "masculino",
    "male": "masculino",
    "homem": "masculino",
    "man": "masculino",
    "no binario": "no_binario",
    "nao binario": "no_binario",
    "non binary": "no_binario",
    "x": "no_binario",
    "otro": "otro",
    "outro": "otro",
    "other": "otro",
    "prefiero no decir": "sin_dato",
    "prefiero no responder": "sin_dato",
    "prefiro nao dizer": "sin_dato",
}

CURRENCY_SYMBOLS = {
    "$": "ARS",
    "ar$": "ARS",
    "us$": "USD",
    "u$s": "USD",
    "usd": "USD",
    "r$": "BRL",
    "brl": "BRL",
    "$u": "UYU",
    "uyu": "UYU",
    "ars": "ARS",
    "eur": "EUR",
    "€": "EUR",
    "clp": "CLP",
    "pyg": "PYG",
    "gs": "PYG",
    "pen": "PEN",
    "s/": "PEN",
    "bob": "BOB",
    "bs": "BOB",
}

EVENT_DEFAULTS = {
    "nombre": "Foro de Ciudades por la Seguridad",
    "fecha": "2025-06-19",
    "zona_horaria": DEFAULT_TIME_ZONE,
    "sede": "Ex bodega Arizu, Belgrano 1322, Godoy Cruz (Mendoza, Argentina)",
}

# The most people a room tally may say, in or out (the tally's number input, the CLI and clean
# all refuse more: 10^20 from the CLI once showed as a 10^18 % room).
MAX_PERSONAS_SALA = 100_000
