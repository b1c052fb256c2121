"""The empty template workbook: every tab of the contract with its headers, ready for Google Drive."""

from __future__ import annotations

from pathlib import Path

from . import schema


def write_template(path: str | Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    wb.remove(wb.active)
    for tab in schema.TABS:
        ws = wb.create_sheet(tab.name)
        ws.append(tab.headers)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        if tab.name == "Evento":
            for k, v in schema.EVENT_DEFAULTS.items():
                ws.append([k, v])
        ws.freeze_panes = "A2"
        for i, h in enumerate(tab.headers):
            ws.column_dimensions[ws.cell(1, i + 1).column_letter].width = max(12, len(h) + 4)
    out = Path(path)
    wb.save(out)
    return out
