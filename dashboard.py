"""Foro en vivo: which pages exist for which role, and the navigation between them."""

from pathlib import Path

import streamlit as st

from foro_data import access
from foro_data.config import ConfigError
from ui import data, gate
from ui.i18n import t

HERE = Path(__file__).parent

# page id -> (file, emoji icon, url path). Emoji icons: nothing is fetched from a CDN.
PAGES = {
    "en_vivo": ("pages/en_vivo.py", "📺", "en-vivo"),
    "salas": ("pages/salas.py", "🚪", "salas"),
    "mapa": ("pages/mapa.py", "🗺️", "mapa"),
    "socios": ("pages/socios.py", "🤝", "socios"),
    "acreditacion": ("pages/acreditacion.py", "🪪", "acreditacion"),
    "apoyos": ("pages/apoyos.py", "✈️", "apoyos"),
    "personas": ("pages/personas.py", "👥", "personas"),
    "calidad": ("pages/calidad.py", "🩺", "calidad"),
}
ORGANISERS_ONLY = {"acreditacion", "apoyos", "personas", "calidad"}

lang = gate.lang()
kiosk = gate.kiosk()
st.set_page_config(
    page_title=t("app.titulo", lang),
    page_icon="📊",
    layout="wide",
    initial_sidebar_state="collapsed" if kiosk else "auto",
)

try:
    cfg = data.config()
    ses = gate.session(cfg)
    role = ses.role
    gate.sidebar(cfg, ses)
except ConfigError:
    role = "publico"  # the page itself explains what is wrong with the configuration

# A page only exists when its file does (the map arrives with the geography work).
allowed = [p for p in access.allowed_pages(role) if (HERE / PAGES[p][0]).exists()]
pages = [
    st.Page(PAGES[p][0], title=t(f"page.{p}", lang), icon=PAGES[p][1], url_path=PAGES[p][2], default=(i == 0))
    for i, p in enumerate(allowed)
]
evento = [p for p, pid in zip(pages, allowed) if pid not in ORGANISERS_ONLY]
gestion = [p for p, pid in zip(pages, allowed) if pid in ORGANISERS_ONLY]
sections = {t("nav.seccion.evento", lang): evento}
if gestion:
    sections[t("nav.seccion.gestion", lang)] = gestion
current = st.navigation(sections, position="hidden" if kiosk else "sidebar")
st.session_state[gate.NAV_OK] = True
wanted = st.session_state.pop(gate.GO_TO, None)
if wanted in allowed and wanted != allowed[0]:
    st.switch_page(pages[allowed.index(wanted)], query_params=gate.carried_params())
current.run()
