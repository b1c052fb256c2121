"""The partner's one click, in a real browser: Socios → "Descargar informe" delivers a PDF built on
the click (Streamlit's deferred download), named by event and date, with the page's language."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tools import screenshots as shots

ROOT = Path(__file__).resolve().parents[2]

pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
if not shots.chromium_available():
    pytest.skip(
        f"{shots.CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)", allow_module_level=True
    )


@pytest.mark.parametrize("lang, title", [("pt", "RELATÓRIO DE PARTICIPAÇÃO")])
def test_one_click_gives_the_report(tmp_path, lang, title):
    from pypdf import PdfReader

    from ui.i18n import t

    with shots.streamlit_server() as server, shots.browser() as b:
        ctx, page = shots._new_page(b, shots.BIG)
        outside: list[str] = []
        page.on(
            "request",
            lambda r: (
                outside.append(r.url)
                if "127.0.0.1" not in r.url and not r.url.startswith(("data:", "blob:", "about:"))
                else None
            ),
        )
        page.goto(f"{server.url}/socios?lang={lang}", wait_until="domcontentloaded")
        page.wait_for_selector(shots.APP_FIGURE, timeout=60_000)
        shots._wait_idle(page)
        button = page.get_by_role("button", name=t("socios.descargar_informe", lang))
        with page.expect_download(timeout=120_000) as info:
            button.click()
        download = info.value
        path = tmp_path / download.suggested_filename
        download.save_as(path)
        ctx.close()
    assert download.suggested_filename.startswith("relatorio-foro-de-ciudades-por-la-seguridad-")
    assert path.suffix == ".pdf"
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    assert 2 <= len(reader.pages) <= 6
    assert title in reader.pages[0].extract_text()
    assert not outside, outside
