"""The report as a PDF of a few A4 pages, light background, with fpdf2 and the DejaVu fonts that
ship with matplotlib (accents, ç, ã), charts as PNG. No browser, no system library."""

from __future__ import annotations

from pathlib import Path

import matplotlib
from fpdf import FPDF
from fpdf.fonts import FontFace

from . import graficos
from .contenido import Informe, texto_celda
from .textos import t

FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
AZUL = (31, 95, 168)
GRIS = (91, 100, 112)
FONDO_CABECERA = (228, 236, 245)
MAX_CIUDADES = 96  # rows of the city table in print; the downloads carry them all


class _PDF(FPDF):
    def __init__(self, informe: Informe):
        super().__init__(format="A4")
        self.informe = informe
        self.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_margins(16, 14, 16)
        self.set_auto_page_break(True, margin=16)

    def footer(self) -> None:
        self.set_y(-11)
        self.set_font("DejaVu", "", 7.5)
        self.set_text_color(*GRIS)
        inf = self.informe
        self.cell(0, 4, t("pie", inf.lang, evento=inf.evento), align="L")
        self.set_x(self.l_margin)
        self.cell(0, 4, t("pagina", inf.lang, n=self.page_no(), total="{nb}"), align="R")

    # --- building blocks
    def h1(self, text: str) -> None:
        self.set_font("DejaVu", "B", 13)
        self.set_text_color(*AZUL)
        self.cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0, 0, 0)

    def h2(self, text: str) -> None:
        if self.will_page_break(24):
            self.add_page()
        self.ln(2)
        self.set_font("DejaVu", "B", 10.5)
        self.set_text_color(*AZUL)
        self.cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0, 0, 0)

    def parrafo(self, text: str, size: float = 9.5, color=(0, 0, 0)) -> None:
        self.set_font("DejaVu", "", size)
        self.set_text_color(*color)
        self.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT", align="L")
        self.set_text_color(0, 0, 0)

    def grafico(self, fig, alto_mm: float) -> None:
        data = graficos.png(fig, dpi=170)
        w_in, h_in = fig.get_size_inches()
        w = min(self.epw, alto_mm * w_in / h_in)
        if self.will_page_break(alto_mm):
            self.add_page()
        self.image(data, x=self.l_margin + (self.epw - w) / 2, w=w)
        self.ln(1)

    def tabla(self, encabezados, filas, formatos, anchos, size: float = 8.0) -> None:
        lang = self.informe.lang
        self.set_font("DejaVu", "", size)
        align = tuple("RIGHT" if f in ("entero", "porcentaje") else "LEFT" for f in formatos)
        with self.table(
            col_widths=anchos,
            text_align=align,
            line_height=size * 0.5,
            width=sum(anchos),
            align="LEFT",
            headings_style=FontFace(emphasis="BOLD", fill_color=FONDO_CABECERA),
            borders_layout="HORIZONTAL_LINES",
            cell_fill_color=(247, 249, 252),
            cell_fill_mode="ROWS",
            padding=(0.4, 1.2),
        ) as table:
            head = table.row()
            for h in encabezados:
                head.cell(h)
            for fila in filas:
                row = table.row()
                for v, f in zip(fila, formatos):
                    row.cell(texto_celda(v, f, lang))


def _portada(pdf: _PDF, inf: Informe) -> None:
    lang = inf.lang
    pdf.add_page()
    pdf.set_fill_color(*AZUL)
    pdf.rect(0, 0, 210, 6, style="F")
    pdf.ln(4)
    pdf.set_font("DejaVu", "", 10)
    pdf.set_text_color(*GRIS)
    pdf.cell(0, 5, t("titulo", lang).upper(), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "B", 20)
    pdf.set_text_color(*AZUL)
    pdf.multi_cell(0, 9, inf.evento, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(1)
    pdf.set_font("DejaVu", "", 9.5)
    for label, value in (
        (t("fecha", lang), inf.fecha),
        (t("sede", lang), inf.sede),
        (t("organiza", lang), inf.organiza),
    ):
        if value:
            pdf.set_font("DejaVu", "B", 9.5)
            pdf.cell(24, 5, label)
            pdf.set_font("DejaVu", "", 9.5)
            pdf.multi_cell(0, 5, value, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    pdf.set_font("DejaVu", "B", 10)
    pdf.cell(0, 5.5, t("para", lang, red=inf.red) if inf.red else t("para_todas", lang), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9.5)
    pdf.cell(0, 5, t("cifras_a", lang, hora=inf.hora), new_x="LMARGIN", new_y="NEXT")
    if inf.desactualizado:
        pdf.set_text_color(170, 60, 0)
        pdf.multi_cell(0, 5, inf.desactualizado, new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)

    pdf.h2(t("cifras", lang))
    top = pdf.get_y()
    w = (pdf.epw - 3 * 3) / 4
    for i, c in enumerate(inf.cifras):
        x = pdf.l_margin + i * (w + 3)
        pdf.set_fill_color(*FONDO_CABECERA)
        pdf.rect(x, top, w, 30, style="F")
        pdf.set_xy(x + 2, top + 2)
        pdf.set_font("DejaVu", "B", 18)
        pdf.set_text_color(*AZUL)
        pdf.cell(w - 4, 9, c.valor)
        pdf.set_xy(x + 2, top + 11)
        pdf.set_font("DejaVu", "B", 7.8)
        pdf.set_text_color(0, 0, 0)
        pdf.cell(w - 4, 4.5, c.etiqueta)
        pdf.set_xy(x + 2, top + 16)
        pdf.set_font("DejaVu", "", 7)
        pdf.set_text_color(*GRIS)
        pdf.multi_cell(w - 4, 3.3, c.definicion, align="L")
    pdf.set_text_color(0, 0, 0)
    pdf.set_xy(pdf.l_margin, top + 33)
    pdf.h2(t("resumen", lang))
    pdf.parrafo(inf.resumen)
    pdf.h2(t("curva", lang))
    pdf.grafico(graficos.curva(inf.curva, t("curva.eje", lang)), 72)


def _graficos(pdf: _PDF, inf: Informe) -> None:
    lang = inf.lang
    pdf.add_page()
    pdf.h1(t("participacion", lang))
    pdf.h2(t("barras_pais", lang))
    pdf.grafico(graficos.barras(inf.barras, (t("inscriptos", lang), t("acreditados", lang))), 70)
    pdf.h2(t("mapa", lang))
    nota = t("nota.miembro", lang, red=inf.red) if inf.red else t("nota.miembro_todas", lang)
    pdf.grafico(graficos.mapa(inf.mapa, nota.replace("★", "○")), 130)
    pdf.parrafo(t("mapa.nota", lang), 7.5, GRIS)


def _tablas(pdf: _PDF, inf: Informe) -> None:
    lang = inf.lang
    pdf.add_page()
    small = [tb for campo, tb in inf.participacion.items() if campo != "ciudad"]
    for tb in small:
        pdf.h2(tb.titulo)
        pdf.tabla(tb.encabezados, tb.filas, tb.formatos, (84, 30, 32, 32), 7.6)
        if tb.nota:
            pdf.parrafo(tb.nota, 7.5, GRIS)
    ciudades = inf.participacion["ciudad"]
    pdf.add_page()
    pdf.h2(ciudades.titulo)
    filas = ciudades.filas[:MAX_CIUDADES]
    # Two halves side by side: country, city ★, inscriptos, acreditados (rate in the downloads).
    head = (
        ciudades.encabezados[1],
        ciudades.encabezados[0],
        t("col.inscriptos_corto", lang),
        t("col.acreditados_corto", lang),
    )
    rows = [(f"{f[1]} {f[2]}".strip(), f[0], f[3], f[4]) for f in filas]
    half = (len(rows) + 1) // 2
    top, page = pdf.get_y(), pdf.page
    widths = (38, 21, 14, 14)
    pdf.tabla(head, rows[:half], ("texto", "texto", "entero", "entero"), widths, 7)
    end_left, page_left = pdf.get_y(), pdf.page
    pdf.page = page
    pdf.set_y(top)
    pdf.set_left_margin(16 + sum(widths) + 4)
    pdf.set_x(pdf.l_margin)
    if rows[half:]:
        pdf.tabla(head, rows[half:], ("texto", "texto", "entero", "entero"), widths, 7)
    pdf.set_left_margin(16)
    if pdf.page < page_left or (pdf.page == page_left and pdf.get_y() < end_left):
        pdf.page = page_left
        pdf.set_y(end_left)
    pdf.set_x(pdf.l_margin)
    nota = ciudades.nota
    if len(ciudades.filas) > MAX_CIUDADES:
        nota += " " + t("ciudades.recorte", lang, n=MAX_CIUDADES, total=len(ciudades.filas))
    pdf.parrafo(nota, 7.5, GRIS)


def _sesiones_y_metodo(pdf: _PDF, inf: Informe) -> None:
    lang = inf.lang
    tb = inf.sesiones
    pdf.h2(tb.titulo)
    pdf.tabla(tb.encabezados, tb.filas, tb.formatos, (21, 37, 68, 12, 20, 20), 7.2)
    pdf.parrafo(tb.nota, 7.5, GRIS)
    pdf.h2(t("metodo", lang))
    for p in inf.metodo:
        pdf.parrafo(p, 8.5)
        pdf.ln(1)


def to_pdf(inf: Informe) -> bytes:
    pdf = _PDF(inf)
    pdf.set_title(f"{t('titulo', inf.lang)} — {inf.evento}")
    pdf.set_lang(inf.lang)
    pdf.set_creator("Foro en vivo")
    _portada(pdf, inf)
    _graficos(pdf, inf)
    _tablas(pdf, inf)
    _sesiones_y_metodo(pdf, inf)
    return bytes(pdf.output())
