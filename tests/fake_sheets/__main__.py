"""Start the fake Sheets server by hand: ``python -m tests.fake_sheets --xlsx FILE --port N``."""

from __future__ import annotations

import argparse
import json
import sys
import threading
from pathlib import Path

from .server import DEFAULT_ID, FakeSheetsServer, FakeSpreadsheet, make_service_account


def secrets_snippet(url: str, token_uri: str, spreadsheet_id: str) -> str:
    """A ready-to-use secrets.toml pointing at the fake server, with a throwaway key."""
    sa = make_service_account(token_uri)
    lines = [
        "[foro]",
        'fuente = "gsheets"',
        f'planilla = "{spreadsheet_id}"',
        "refresco_segundos = 5",
        "",
        "[gcp_service_account]",
    ]
    # json.dumps of an ASCII string is a valid TOML basic string (\\n escapes included).
    lines += [f"{k} = {json.dumps(v)}" for k, v in sa.items()]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m tests.fake_sheets",
        description="Servidor local que imita la API de Google Sheets v4 para ensayos.",
    )
    ap.add_argument("--xlsx", type=Path, help="libro .xlsx a servir (sin él: solo la pestaña Inscripciones vacía)")
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--id", default=DEFAULT_ID, help="clave de la planilla simulada")
    ap.add_argument("--locale", default="es_AR")
    ap.add_argument("--time-zone", default="America/Argentina/Mendoza")
    ap.add_argument("--secrets-out", type=Path, help="además, escribir el secrets.toml en esta ruta")
    args = ap.parse_args(argv)

    opts = {"id": args.id, "locale": args.locale, "time_zone": args.time_zone}
    if args.xlsx:
        if not args.xlsx.exists():
            print(f"No existe {args.xlsx}", file=sys.stderr)
            return 2
        book = FakeSpreadsheet.from_xlsx(args.xlsx, **opts)
    else:
        book = FakeSpreadsheet.from_tabs(
            {"Inscripciones": [["Marca temporal", "Nombre", "Apellido", "Dirección de correo electrónico"]]}, **opts
        )
    server = FakeSheetsServer(args.host, args.port)
    server.add(book)
    server.start()
    snippet = secrets_snippet(server.url, server.token_uri, book.id)
    if args.secrets_out:
        args.secrets_out.parent.mkdir(parents=True, exist_ok=True)
        args.secrets_out.write_text(snippet, encoding="utf-8")
    tabs = ", ".join(s.title for s in book.sheets)
    print(f"Planilla simulada en {server.url}  (pestañas: {tabs})")
    print(f"\nexport FORO_SHEETS_API_URL={server.url}")
    if args.secrets_out:
        print(f"export FORO_SECRETS={args.secrets_out}")
    print("\n# --- .streamlit/secrets.toml (clave descartable, solo para este servidor) ---")
    print(snippet)
    print("# Fallas a pedido (otra terminal):")
    print(f'#   curl -X POST {server.url}/_admin/fault -d \'{{"kind": "429", "seconds": 30}}\'')
    print(f'#   curl -X POST {server.url}/_admin/fault -d \'{{"kind": "refuse", "seconds": 20}}\'')
    print(f"#   curl -X DELETE {server.url}/_admin/fault")
    print("# Ctrl-C para terminar.", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
