"""What the Socios page offers for download: the report's tables (XLSX with an "Acerca de" sheet,
CSV in the reader's locale) and the report itself, with file names that say event and date."""

from __future__ import annotations

from datetime import datetime

from .. import export, metrics
from ..snapshot import Snapshot
from .contenido import TABLAS, Informe, construir, hora_legible, tabla_de, tabla_sesiones
from .textos import t


def tablas(snap: Snapshot, as_of: datetime, lang: str, red: str = "", sesiones: bool = True) -> list[export.Tabla]:
    """The partner tables, protected by metrics' suppression policy, with headers per table."""
    out = [tabla_de(campo, metrics.cuadro_socios(snap, as_of, campo), lang, red) for campo, _, _ in TABLAS]
    if sesiones:
        out.append(tabla_sesiones(snap, as_of, lang))
    return out


def acerca(snap: Snapshot, as_of: datetime, lang: str, red: str = "") -> list[tuple[str, str]]:
    """The "Acerca de" lines: event, time of the figures, source, definitions, suppression rule."""
    e = snap.evento
    c = metrics.cifras(snap, as_of)
    fuente = (
        t(f"fuente.{snap.fuente.tipo}", lang)
        if snap.fuente.tipo in ("demo", "archivo", "gsheets")
        else snap.fuente.tipo
    )
    lines = [
        (t("titulo", lang), t("para", lang, red=red) if red else t("para_todas", lang)),
        (t("acerca.evento", lang), f"{e.nombre} — {e.sede}"),
        (t("acerca.hora", lang), hora_legible(snap, as_of, lang)),
        (t("acerca.fuente", lang), f"{fuente} ({hora_legible(snap, snap.fuente.leido_en, lang)})"),
        (t("inscriptos", lang), t("def.inscriptos", lang)),
        (t("acreditados", lang), t("def.acreditados", lang)),
        (t("asistencia", lang), t("def.asistencia", lang)),
        (t("intendencias", lang), t("def.intendencias", lang, total=c.intendencias_inscriptas)),
        (t("acerca.supresion", lang), t("metodo.supresion", lang)),
    ]
    if snap.fuente.estado != "ok":
        lines.insert(3, ("⚠", t("desactualizado", lang, hora=hora_legible(snap, snap.fuente.leido_en, lang))))
    return lines


def nombre_archivo(snap: Snapshot, as_of: datetime, lang: str, tipo: str) -> str:
    """``informe-foro-de-ciudades-por-la-seguridad-2025-06-19-1400.pdf`` (tipo: informe, tablas)."""
    from ..schema import fold

    slug = "-".join("".join(ch if ch.isalnum() else " " for ch in fold(snap.evento.nombre)).split()) or "foro"
    local = as_of.astimezone(snap.tz)
    word = t(f"archivo.{tipo}", lang)
    return f"{word}-{slug}-{local:%Y-%m-%d-%H%M}"


def xlsx(snap: Snapshot, as_of: datetime, lang: str, red: str = "") -> bytes:
    return export.to_xlsx(tablas(snap, as_of, lang, red), acerca(snap, as_of, lang, red), t("acerca", lang))


def csv(snap: Snapshot, as_of: datetime, lang: str, red: str = "") -> bytes:
    return export.to_csv_informe(acerca(snap, as_of, lang, red), tablas(snap, as_of, lang, red), lang)


__all__ = ["Informe", "acerca", "construir", "csv", "nombre_archivo", "tablas", "xlsx"]
