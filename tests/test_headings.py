"""Headings carry no anchor link: Streamlit's anchor copies the whole URL, ?clave= included."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_heading_call_disables_the_anchor():
    offenders = []
    for path in [*(ROOT / "pages").glob("*.py"), *(ROOT / "ui").glob("*.py"), ROOT / "dashboard.py"]:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.search(r"\bst\.(title|header|subheader)\(", line) and "anchor=False" not in line:
                offenders.append(f"{path.name}:{n}")
            if re.search(r"""st\.markdown\(f?["']#""", line):
                offenders.append(f"{path.name}:{n} (markdown heading)")
    assert not offenders
