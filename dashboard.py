"""Foro en vivo: which pages exist for which role, and the navigation between them."""

import streamlit as st

from foro_data import access
from foro_data.config import ConfigError
from ui import data, gate, writing
from ui.i18n import t

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
    gate.pace(cfg, "app")  # first: a flood of reruns must cost almost nothing (issue 18)
    writing.resume_outbox(cfg)  # writes queued before a restart leave now, whoever connected first
    ses = gate.session(cfg)
    role = ses.role
    gate.sidebar(cfg, ses)
except ConfigError:
    role = "publico"  # the page itself explains what is wrong with the configuration

allowed = access.allowed_pages(role)
pages = [
    st.Page(page.file, title=t(f"page.{page.id}", lang), icon=page.icon, url_path=page.url_path, default=(i == 0))
    for i, page in enumerate(access.PAGE_BY_ID[p] for p in allowed)
]
evento = [p for p, pid in zip(pages, allowed) if not access.PAGE_BY_ID[pid].gestion]
gestion = [p for p, pid in zip(pages, allowed) if access.PAGE_BY_ID[pid].gestion]
sections = {t("nav.seccion.evento", lang): evento}
if gestion:
    sections[t("nav.seccion.gestion", lang)] = gestion
current = st.navigation(sections, position="hidden" if kiosk else "sidebar")
st.session_state[gate.NAV_OK] = True
wanted = st.session_state.pop(gate.GO_TO, None)
if wanted in allowed and wanted != allowed[0]:
    st.switch_page(pages[allowed.index(wanted)], query_params=gate.carried_params())
current.run()
