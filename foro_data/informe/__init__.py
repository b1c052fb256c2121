"""The partners' take-away: a participation report (PDF or self-contained HTML) and the tables
the Socios page offers for download, all computed from metrics with partner suppression.

``construir`` gathers the content; ``to_pdf`` and ``to_html`` lay it out; ``escribir`` picks the
format by the file's extension. matplotlib and fpdf2 are imported only when a report is drawn.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ..snapshot import Snapshot
from .contenido import Informe, construir

FORMATOS = (".pdf", ".html")


def to_pdf(informe: Informe) -> bytes:
    from .pdf import to_pdf as render

    return render(informe)


def to_html(informe: Informe) -> str:
    from .html import to_html as render

    return render(informe)


def generar(snap: Snapshot, as_of: datetime, formato: str, lang: str = "es", red: str = "") -> bytes:
    """The report as bytes, ``formato`` "pdf" or "html"."""
    informe = construir(snap, as_of, lang, red)
    return to_pdf(informe) if formato == "pdf" else to_html(informe).encode("utf-8")


def escribir(snap: Snapshot, as_of: datetime, salida: str | Path, lang: str = "es", red: str = "") -> Path:
    """Write the report to ``salida``; the extension (.pdf / .html) chooses the format."""
    path = Path(salida)
    ext = path.suffix.lower()
    if ext not in FORMATOS:
        raise ValueError(f"«{path.name}»: el informe se escribe como .pdf o .html")
    path.write_bytes(generar(snap, as_of, ext[1:], lang, red))
    return path


__all__ = ["FORMATOS", "Informe", "construir", "escribir", "generar", "to_html", "to_pdf"]
