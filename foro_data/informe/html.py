"""The report as one self-contained HTML file: inline CSS and SVG charts, no JavaScript, nothing
fetched. Every text from the data is escaped."""

from __future__ import annotations

from html import escape

from . import graficos
from .contenido import Informe, texto_celda
from .textos import t

CSS = """
@page { size: A4; margin: 14mm 16mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: #1b1f24; background: #fff;
       max-width: 58rem; margin: 0 auto; padding: 1.5rem; line-height: 1.45; font-size: 15px; }
header { border-top: 8px solid #1f5fa8; padding-top: 1rem; }
.kicker { color: #5b6470; letter-spacing: .06em; text-transform: uppercase; font-size: .85rem; margin: 0; }
h1 { color: #1f5fa8; margin: .2rem 0 .6rem; font-size: 1.9rem; }
h2 { color: #1f5fa8; font-size: 1.2rem; margin: 1.6rem 0 .5rem; break-after: avoid; }
dl.cover { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 .6rem; }
dl.cover dt { font-weight: bold; }
dl.cover dd { margin: 0; }
.para { font-weight: bold; margin: .4rem 0 0; }
.stale { color: #a33c00; font-weight: bold; }
.cifras { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: .6rem; }
.cifra { background: #e4ecf5; padding: .7rem .8rem; border-radius: 6px; }
.cifra .v { font-size: 1.9rem; font-weight: bold; color: #1f5fa8; display: block; }
.cifra .l { font-weight: bold; display: block; }
.cifra .d { color: #5b6470; font-size: .8rem; display: block; }
figure { margin: .4rem 0 1rem; break-inside: avoid; }
figure svg { width: 100%; height: auto; }
figcaption, .nota { color: #5b6470; font-size: .82rem; }
.tabla { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .88rem; margin-bottom: .3rem; }
th { background: #e4ecf5; text-align: left; }
th, td { padding: .25rem .5rem; border-bottom: 1px solid #d6dde5; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tbody tr:nth-child(even) { background: #f7f9fc; }
section { break-inside: auto; }
footer { margin-top: 2rem; color: #5b6470; font-size: .8rem; border-top: 1px solid #d6dde5; padding-top: .5rem; }
"""


def _tabla(tb, lang: str) -> str:
    num = [f in ("entero", "porcentaje") for f in tb.formatos]
    head = "".join(f'<th scope="col"{" class=n" if n else ""}>{escape(h)}</th>' for h, n in zip(tb.encabezados, num))
    rows = []
    for fila in tb.filas:
        cells = "".join(
            f"<td{' class=n' if n else ''}>{escape(texto_celda(v, f, lang))}</td>"
            for v, f, n in zip(fila, tb.formatos, num)
        )
        rows.append(f"<tr>{cells}</tr>")
    nota = f'<p class="nota">{escape(tb.nota)}</p>' if tb.nota else ""
    return (
        f'<section><h2>{escape(tb.titulo)}</h2><div class="tabla"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>{nota}</section>"
    )


def _figura(fig, caption: str = "") -> str:
    cap = f"<figcaption>{escape(caption)}</figcaption>" if caption else ""
    return f"<figure>{graficos.svg(fig)}{cap}</figure>"


def to_html(inf: Informe) -> str:
    lang = inf.lang
    cover = "".join(
        f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>"
        for k, v in ((t("fecha", lang), inf.fecha), (t("sede", lang), inf.sede), (t("organiza", lang), inf.organiza))
        if v
    )
    cifras = "".join(
        f'<div class="cifra"><span class="v">{escape(c.valor)}</span><span class="l">{escape(c.etiqueta)}</span>'
        f'<span class="d">{escape(c.definicion)}</span></div>'
        for c in inf.cifras
    )
    nota_miembro = t("nota.miembro", lang, red=inf.red) if inf.red else t("nota.miembro_todas", lang)
    stale = f'<p class="stale">{escape(inf.desactualizado)}</p>' if inf.desactualizado else ""
    parts = [
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(t('titulo', lang))} — {escape(inf.evento)}</title><style>{CSS}</style></head><body>",
        f'<header><p class="kicker">{escape(t("titulo", lang))}</p><h1>{escape(inf.evento)}</h1>',
        f'<dl class="cover">{cover}</dl>',
        f'<p class="para">{escape(t("para", lang, red=inf.red) if inf.red else t("para_todas", lang))}</p>',
        f"<p>{escape(t('cifras_a', lang, hora=inf.hora))}</p>{stale}</header>",
        f'<h2>{escape(t("cifras", lang))}</h2><div class="cifras">{cifras}</div>',
        f"<h2>{escape(t('resumen', lang))}</h2><p>{escape(inf.resumen)}</p>",
        f"<h2>{escape(t('curva', lang))}</h2>" + _figura(graficos.curva(inf.curva, t("curva.eje", lang))),
        f"<h2>{escape(t('barras_pais', lang))}</h2>"
        + _figura(graficos.barras(inf.barras, (t("inscriptos", lang), t("acreditados", lang)))),
        f"<h2>{escape(t('mapa', lang))}</h2>"
        + _figura(graficos.mapa(inf.mapa, nota_miembro.replace("★", "○")), t("mapa.nota", lang)),
        *(_tabla(tb, lang) for tb in inf.tablas),
        f"<h2>{escape(t('metodo', lang))}</h2>" + "".join(f"<p>{escape(p)}</p>" for p in inf.metodo),
        f"<footer>{escape(t('pie', lang, evento=inf.evento))}</footer></body></html>",
    ]
    return "\n".join(parts)
