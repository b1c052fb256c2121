"""What the partners' report says, computed only from metrics: cover, headline figures, tables,
chart data, methods note. Renderers (pdf, html) and the downloads only lay it out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .. import metrics
from ..countries import country_name
from ..export import Tabla
from ..formato import number, percent
from ..snapshot import Snapshot
from .textos import fecha_larga, kind_label, t


@dataclass(frozen=True)
class Cifra:
    etiqueta: str
    valor: str
    definicion: str


@dataclass(frozen=True)
class PuntoMapa:
    lon: float
    lat: float
    inscriptos: int | None  # None: the count is hidden ("<3" or "x")
    miembro: bool


@dataclass(frozen=True)
class Informe:
    lang: str
    red: str  # the network the report is for; "" = all partners
    evento: str
    fecha: str
    sede: str
    organiza: str
    hora: str  # time of the figures, as people read it
    as_of: datetime
    desactualizado: str  # a sentence when the figures are the last good read, else ""
    cifras: tuple[Cifra, ...]
    resumen: str
    participacion: dict[str, Tabla]  # metrics table name (TABLAS) -> table, in TABLAS order
    sesiones: Tabla
    curva: tuple[tuple[datetime, int], ...]  # (slot start, cumulative acreditados)
    barras: tuple[tuple[str, int, int], ...]  # (country, inscriptos, acreditados), shown counts only
    mapa: tuple[PuntoMapa, ...]
    metodo: tuple[str, ...]
    # The exact numbers behind the text, for tests and the downloads' "Acerca de".
    base: metrics.Cifras

    @property
    def tablas(self) -> tuple[Tabla, ...]:
        """Every table in reading order: participation, then sessions."""
        return (*self.participacion.values(), self.sesiones)


# (metrics table, title key, first column key)
TABLAS: tuple[tuple[str, str, str], ...] = (
    ("pais", "por_pais", "col.pais"),
    ("ciudad", "por_ciudad", "col.ciudad"),
    ("rol", "por_rol", "col.rol"),
    ("red", "por_red", "col.red"),
    ("ejes", "por_eje", "col.eje"),
    ("paridad", "paridad", "col.genero"),
)


def etiqueta(campo: str, clave: str, lang: str) -> str:
    """A table key as people read it: codes translated, countries named, places as resolved."""
    if clave == metrics.SIN_DATO:
        return t("sin_dato", lang)
    if clave == metrics.SIN_UBICAR:
        return t("sin_ubicar", lang)
    if clave == metrics.OTRAS:
        return t("otras_ciudades" if campo == "ciudad" else "otras", lang)
    if campo == "rol":
        return t(f"rol.{clave}", lang)
    if campo == "paridad":
        return t(f"genero.{clave}", lang)
    if campo == "pais":
        return country_name(clave, lang)
    return clave


def _miembro(fila: metrics.FilaCuadro, red: str) -> bool:
    return bool(fila.redes) if not red else any(r.casefold() == red.casefold() for r in fila.redes)


def tabla_de(campo: str, cuadro: metrics.Cuadro, lang: str, red: str) -> Tabla:
    titulo_key, col_key = next((k, c) for m, k, c in TABLAS if m == campo)
    head = [t(col_key, lang)]
    fmts = ["texto"]
    if campo == "ciudad":
        head = [t("col.pais", lang), t(col_key, lang), t("col.miembro", lang)]
        fmts = ["texto", "texto", "texto"]
    head += [t("col.inscriptos", lang), t("col.acreditados", lang), t("col.asistencia", lang)]
    fmts += ["entero", "entero", "porcentaje"]
    filas: list[tuple[str | int | float | bool | None, ...]] = []
    names = [f.clave for f in cuadro.filas]
    # "(sin dato)" and pooled rows go last: the review found a 283-person "(sin dato)" heading the list.
    last = (metrics.SIN_DATO, metrics.OTRAS)
    ordered = [f for f in cuadro.filas if f.clave not in last] + [f for f in cuadro.filas if f.clave in last]
    for f in cuadro.filas if campo == "ciudad" else ordered:
        rate = f.asistencia / 100.0 if f.asistencia is not None else None
        if campo == "ciudad":
            pais = etiqueta("pais", f.pais, lang)
            ciudad = etiqueta("ciudad", f.clave, lang)
            if names.count(f.clave) > 1 and f.region:  # two San Martín: say which
                ciudad = f"{ciudad} ({f.region})"
            filas.append((pais, ciudad, "★" if _miembro(f, red) else "", f.inscriptos, f.acreditados, rate))
        else:
            filas.append((etiqueta(campo, f.clave, lang), f.inscriptos, f.acreditados, rate))
    notas = []
    if not cuadro.una_por_persona:
        notas.append(t("nota.varios", lang))
    if campo == "ciudad":
        notas.append(t("nota.miembro", lang, red=red) if red else t("nota.miembro_todas", lang))
    return Tabla(t(titulo_key, lang), tuple(head), tuple(filas), tuple(fmts), " ".join(notas))


def tabla_sesiones(snap: Snapshot, as_of: datetime, lang: str) -> Tabla:
    tz = snap.tz
    filas = []
    for p in metrics.picos_sesiones(snap, as_of):
        s = p.sesion
        pct = p.pico / p.capacidad if p.pico is not None and p.capacidad else None
        filas.append(
            (
                f"{s.inicio.astimezone(tz):%H:%M}–{s.fin.astimezone(tz):%H:%M}",
                s.sala,
                s.actividad,
                p.pico if p.pico is not None else t("sin_lectura", lang),
                p.capacidad or None,
                pct,
            )
        )
    head = tuple(
        t(k, lang) for k in ("col.horario", "col.sala", "col.sesion", "col.pico", "col.capacidad", "col.ocupacion")
    )
    return Tabla(
        t("sesiones", lang),
        head,
        tuple(filas),
        ("texto", "texto", "texto", "entero", "entero", "porcentaje"),
        t("sesiones.nota", lang, min=int(metrics.MUESTREO_PICOS.total_seconds() // 60)),
    )


def hora_legible(snap: Snapshot, when: datetime, lang: str) -> str:
    local = when.astimezone(snap.tz)
    zona = snap.evento.zona_horaria.split("/")[-1].replace("_", " ")
    return f"{fecha_larga(local.date(), lang)}, {local:%H:%M} ({t('hora_local', lang, zona=zona)})"


def construir(snap: Snapshot, as_of: datetime, lang: str = "es", red: str = "") -> Informe:
    """The whole report for one Snapshot and as-of time, in one language, for one network."""
    c = metrics.cifras(snap, as_of)
    cuadros = {campo: metrics.cuadro_socios(snap, as_of, campo) for campo, _, _ in TABLAS}
    n = lambda v: number(v, lang)  # noqa: E731
    asist = percent(c.porcentaje_acreditados, lang)
    cifras = (
        Cifra(t("inscriptos", lang), n(c.inscriptos), t("def.inscriptos", lang)),
        Cifra(t("acreditados", lang), n(c.acreditados), t("def.acreditados", lang)),
        Cifra(t("asistencia", lang), asist, t("def.asistencia", lang)),
        Cifra(
            t("intendencias", lang),
            n(c.intendencias_acreditadas),
            t("def.intendencias", lang, total=n(c.intendencias_inscriptas)),
        ),
    )
    paises = [f for f in cuadros["pais"].filas if f.clave != metrics.SIN_DATO]
    lugares, sin_ubicar = metrics.por_lugar(snap, as_of)
    ejes = [f for f in cuadros["ejes"].filas if f.clave not in (metrics.SIN_DATO, metrics.OTRAS)]
    top = paises[0] if paises else None
    resumen = t(
        "resumen.texto",
        lang,
        inscriptos=n(c.inscriptos),
        paises=n(len(paises)),
        ciudades=n(len(lugares)),
        acreditados=n(c.acreditados),
        asistencia=asist,
        intendencias=n(c.intendencias_acreditadas),
        pais_top=etiqueta("pais", top.clave, lang) if top else "—",
        pais_top_n=n(top.inscriptos) if top and isinstance(top.inscriptos, int) else "—",
        eje_top=ejes[0].clave if ejes else "—",
    )
    if red:
        fila_red = next((f for f in cuadros["red"].filas if f.clave.casefold() == red.casefold()), None)
        if fila_red is not None:
            shown = fila_red.inscriptos
            resumen += t("resumen.red", lang, n_red=n(shown) if isinstance(shown, int) else shown, red=red)
    participacion = {campo: tabla_de(campo, cuadros[campo], lang, red) for campo, _, _ in TABLAS}

    # Chart data: only counts a partner may see.
    barras = tuple(
        (etiqueta("pais", f.clave, lang), f.inscriptos, f.acreditados if isinstance(f.acreditados, int) else 0)
        for f in paises
        if isinstance(f.inscriptos, int)
    )
    mapa = _puntos(cuadros["ciudad"], lugares, red)
    curva = tuple((f.inicio, f.acumulado) for f in metrics.curva_llegadas(snap, as_of))

    e = snap.evento
    extra = dict(e.extra)
    fuente = (
        t(f"fuente.{snap.fuente.tipo}", lang)
        if snap.fuente.tipo in ("demo", "archivo", "gsheets")
        else snap.fuente.tipo
    )
    descartadas = metrics.filas_descartadas(snap)
    metodo = [
        t(
            "metodo.fuente",
            lang,
            fuente=fuente,
            leido=hora_legible(snap, snap.fuente.leido_en, lang),
            hora=hora_legible(snap, as_of, lang),
        ),
        t("metodo.dedup", lang, n=n(metrics.filas_unidas(snap))),
        t("metodo.supresion", lang),
    ]
    if descartadas:
        detalle = "; ".join(f"{tab}: {kind_label(kind, lang)} ({n(k)})" for tab, kind, k in descartadas)
        metodo.append(t("metodo.descartadas", lang, n=n(sum(k for _, _, k in descartadas))) + " " + detalle + ".")
    else:
        metodo.append(t("metodo.ninguna", lang))
    metodo.append(t("metodo.sin_ubicar", lang, n=n(sum(u.inscriptos for u in sin_ubicar))))
    stale = ""
    if snap.fuente.estado != "ok":
        stale = t("desactualizado", lang, hora=hora_legible(snap, snap.fuente.leido_en, lang))
    return Informe(
        lang=lang,
        red=red,
        evento=e.nombre,
        fecha=fecha_larga(date.fromisoformat(e.fecha), lang),
        sede=e.sede,
        organiza=extra.get("organiza", "") or extra.get("organizan", ""),
        hora=hora_legible(snap, as_of, lang),
        as_of=as_of,
        desactualizado=stale,
        cifras=cifras,
        resumen=resumen,
        participacion=participacion,
        sesiones=tabla_sesiones(snap, as_of, lang),
        curva=curva,
        barras=barras,
        mapa=mapa,
        metodo=tuple(metodo),
        base=c,
    )


def _puntos(ciudades: metrics.Cuadro, lugares: list[metrics.Lugar], red: str) -> tuple[PuntoMapa, ...]:
    """Places of the city table with their protected count (pooled rows are not drawn)."""
    where = {lugar.clave: lugar for lugar in lugares}
    out: dict[str, PuntoMapa] = {}
    for f in ciudades.filas:
        lugar = where.get(f.lugar) if f.lugar else None
        if lugar is None or f.agrupada or f.lugar in out:
            continue
        n = f.inscriptos if isinstance(f.inscriptos, int) else None
        out[f.lugar] = PuntoMapa(lugar.lon, lugar.lat, n, _miembro(f, red))
    return tuple(out.values())


def texto_celda(valor: object, formato: str, lang: str) -> str:
    """A table cell as printed: counts grouped, fractions as percent, marks ("<3", "x") as they are.

    >>> texto_celda(1234, "entero", "es"), texto_celda(0.755, "porcentaje", "en"), texto_celda("<3", "entero", "es")
    ('1.234', '76%', '<3')
    """
    if valor is None:
        return "—"
    if isinstance(valor, str):
        return valor
    if formato == "porcentaje":
        return percent(100.0 * float(valor), lang)  # type: ignore[arg-type]
    if isinstance(valor, (int, float)):
        return number(valor, lang)
    return str(valor)
