"""CLI: python -m foro_data resumen | informe | verificar | plantilla | geocodificar | conteo | acreditar | sede (one Spanish line on error)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from datetime import datetime, timezone
from typing import Sequence, TextIO

from . import metrics
from .build import build_snapshot
from .catalogue.cli import CliCode
from .config import Config, ConfigError, load_config
from .errors import ForoError, Said
from .parse import ParseError, parse_datetime
from .snapshot import Fuente, Snapshot
from .sources import SourceError, open_source


class CliError(ForoError):
    """A failure worth one line for people; exit status 1. A ``CliCode`` and its parameters, or
    (``passing``) the code and sentences of the error it passes on."""

    def __init__(self, code: str, /, *, because: ForoError | None = None, **params: object):
        self.because = because
        super().__init__(code, **params)

    def sentences(self) -> tuple[Said, ...]:
        return self.because.sentences() if self.because else super().sentences()

    def reason_in(self, lang: str) -> str:
        return self.because.reason_in(lang) if self.because else super().reason_in(lang)

    @classmethod
    def passing(cls, e: ForoError) -> "CliError":
        return cls(e.code, because=e)


def load_snapshot(config: Config) -> Snapshot:
    """One read of the configured source through the same feed the app uses: when it fails, the
    last good read on disk, marked stale with the reason."""
    from .live import LiveFeed

    feed = LiveFeed.from_config(config)
    snap = feed.wait_read()
    if snap is None:
        raise CliError(CliCode.SIN_LECTURA, motivo=feed.health.last_error_said)
    return snap


def parse_as_of(value: str | None, snap: Snapshot, now: datetime) -> datetime:
    """``--a-las``: ISO time; without offset it is event-local time. Default: now."""
    if not value:
        return now.astimezone(snap.tz)
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise CliError(CliCode.HORA_INVALIDA, valor=value) from None
    try:
        return parse_datetime(value, snap.tz)
    except ParseError as e:
        raise CliError.passing(e) from None


def cmd_resumen(args: argparse.Namespace, out) -> int:
    now = datetime.now(timezone.utc)
    snap = load_snapshot(load_config(args.secrets))
    as_of = parse_as_of(args.a_las, snap, now)
    data = metrics.resumen_json(snap, as_of)
    if args.json:
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(f"{snap.evento.nombre} — {as_of:%d/%m/%Y %H:%M}\n")
        for k in ("inscriptos", "acreditados", "presentes", "sin_inscripcion", "problemas"):
            out.write(f"  {k:<16} {data[k]:>6}\n")
        if snap.fuente.estado != "ok":
            out.write(
                f"  Datos desactualizados (leídos {snap.fuente.leido_en.astimezone(snap.tz):%d/%m %H:%M}): {snap.fuente.motivo}\n"
            )
    return 0


def cmd_informe(args: argparse.Namespace, out) -> int:
    from . import informe

    ext = args.salida.rsplit(".", 1)[-1].lower() if "." in args.salida else ""
    if f".{ext}" not in informe.FORMATOS:
        raise CliError(CliCode.SALIDA_FORMATO, salida=args.salida)
    now = datetime.now(timezone.utc)
    snap = load_snapshot(load_config(args.secrets))
    as_of = parse_as_of(args.a_las, snap, now)
    try:
        path = informe.escribir(snap, as_of, args.salida, args.lang, args.red or "")
    except OSError as e:
        raise CliError(CliCode.NO_SE_ESCRIBIO, salida=args.salida, error=str(e.strerror or e)) from None
    out.write(f"Informe escrito en {path} ({as_of.astimezone(snap.tz):%d/%m/%Y %H:%M})\n")
    return 0


def cmd_verificar(args: argparse.Namespace, out) -> int:
    config = load_config(args.secrets)
    now = datetime.now(timezone.utc)
    source = open_source(config)
    try:
        raw = source.read()
    except SourceError as e:
        raise CliError(CliCode.FUENTE_ILEGIBLE, fuente=source.descripcion, motivo=e.sentences()) from None
    snap = build_snapshot(raw, Fuente(source.tipo, source.descripcion, now))
    out.write(f"Fuente: {source.descripcion}\n\nPestañas:\n")
    for t in snap.tabs:
        if t.found_as is None:
            out.write(f"  ✗ {t.tab}: no está\n")
            continue
        if any(p.kind == "pestana_vacia" and p.tab == t.tab for p in snap.problems):
            out.write(f"  ✗ {t.tab} (como «{t.found_as}»): vacía, sin encabezados\n")
            continue
        where = f", encabezados en la fila {t.header_row}" if t.header_row != 1 else ""
        out.write(f"  ✓ {t.tab} (como «{t.found_as}»): {t.rows} filas{where}\n")
        for canon, header in t.columns:
            out.write(f"      {canon:<18} ← «{header}»\n")
        if t.missing:
            out.write(f"      sin columnas: {', '.join(t.missing)}\n")
        if t.unknown:
            out.write(f"      columnas ignoradas: {', '.join(t.unknown)}\n")
    out.write(f"\nProblemas: {len(snap.problems)}\n")
    for p in snap.problems:
        where = f"{p.tab}" + (f" fila {p.row}" if p.row else "") + (f", columna {p.column}" if p.column else "")
        out.write(f"  [{p.code}] {where}: «{p.value}» — {p.reason}\n")
    usable = "Inscripciones" in snap.present_tabs
    if not usable:
        out.write("\nLa pestaña Inscripciones no se puede usar: el tablero no tendría datos.\n")
    return 0 if usable else 1


def cmd_plantilla(args: argparse.Namespace, out) -> int:
    from .plantilla import write_template

    path = write_template(args.archivo)
    out.write(f"Plantilla escrita en {path}\n")
    return 0


def split_line(line: str) -> tuple[str, str, str]:
    """``ciudad[, provincia][, país]`` → three fields; a middle part of several commas is the province.

    A two-piece line keeps the second piece as the province: the resolver reads a province or a
    country there ("Maipú, Chile" → ('Maipú', 'Chile', '')).
    """
    parts = [p.strip() for p in line.split(",") if p.strip()]
    if not parts:
        return "", "", ""
    if len(parts) == 1:
        return parts[0], "", ""
    if len(parts) == 2:
        return parts[0], parts[1], ""
    return parts[0], ", ".join(parts[1:-1]), parts[-1]


def geocodificar(stdin: TextIO, stdout: TextIO) -> int:
    """Reads ``ciudad[, provincia][, país]`` lines, writes one JSON object per non-blank line."""
    from .geo import resolve

    for line in stdin:
        if not line.strip():
            continue
        m = resolve(*split_line(line))
        obj = {
            "entrada": line.strip(),
            "lat": m.lat,
            "lon": m.lon,
            "nombre": m.nombre,
            "pais": m.pais,
            "confianza": m.confianza,
            "ambigua": m.ambigua,
        }
        stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    stdout.flush()
    return 0


def cmd_geocodificar(args: argparse.Namespace, out) -> int:
    return geocodificar(sys.stdin, out)


def _submit_and_flush(config: Config, make_op, out, *, quien: str = "") -> int:
    """Queue the operation in the shared outbox, try one flush, say where it stands."""
    from .writes import InvalidOperation, WritesUnavailable, open_writer

    now = datetime.now(timezone.utc)
    try:
        op = make_op(now)
        writer = open_writer(config)
        op_id = writer.submit(op, role=None)  # the CLI holds the secrets file: no role check
    except (InvalidOperation, WritesUnavailable) as e:
        raise CliError.passing(e) from None
    report = writer.flush(force=True)  # a person asked: skip the back-off, not Google's Retry-After
    for aviso in report.avisos:  # e.g. the "ID operación" header the sender added
        out.write(f"Aviso: {aviso}\n")
    mine = next((p for p in writer.pending() if p.op.id_operacion == op_id), None)
    who = f" — {quien}" if quien else ""
    if mine is None:
        out.write(f"{op_id} enviada{who}\n")
        return 0
    if mine.estado == "error_permanente":
        out.write(f"{op_id} no enviada{who}\n")
        raise CliError(CliCode.NO_ENVIADA, motivo=mine.reason)
    why = mine.reason or report.reason or "otro envío está en curso"
    out.write(f"{op_id} pendiente{who}: {why} Queda guardada y se reintenta en el próximo envío.\n")
    return 0


def cmd_conteo(args: argparse.Namespace, out) -> int:
    from .writes import TallyOp

    tipo, valor = ("delta", args.delta) if args.delta is not None else ("conteo", args.total)
    por = args.por or "línea de comandos"
    return _submit_and_flush(load_config(args.secrets), lambda now: TallyOp.new(args.sala, tipo, valor, por, now), out)


def cmd_acreditar(args: argparse.Namespace, out) -> int:
    """Like the desk: the person is looked up first (id, e-mail or document, normalised as clean
    does); unknown -> exit 2 unless ``--sin-inscripcion``; already accredited -> exit 0, nothing written."""
    from .catalogue.writes import DeskSentence
    from .errors import say
    from .identity import find_persona
    from .writes import AccreditOp, InvalidOperation

    config = load_config(args.secrets)
    given = {"id": args.id or "", "email": args.email or "", "documento": args.documento or ""}
    try:
        AccreditOp.new(datetime.now(timezone.utc), **given)  # the shape of what was typed, before any read
    except InvalidOperation as e:
        raise CliError.passing(e) from None
    if args.sin_inscripcion:
        return _submit_and_flush(config, lambda now: AccreditOp.new(now, **given, punto=args.punto), out)
    snap = load_snapshot(config)
    persona = find_persona(snap.personas, **given)
    if persona is None:
        campo, valor = next((k, v) for k, v in given.items() if v)
        label = {"id": "ID", "email": "e-mail", "documento": "documento"}[campo]
        print(f"Error: {say(DeskSentence.NO_INSCRIPTA, campo=label, valor=valor.strip())}", file=sys.stderr)
        if snap.fuente.estado != "ok":  # the registration may be newer than the last good read
            print(
                f"Los datos son de las {snap.fuente.leido_en.astimezone(snap.tz):%d/%m %H:%M} (desactualizados): "
                f"{snap.fuente.motivo}",
                file=sys.stderr,
            )
        return 2
    nombre = persona.nombre_completo or persona.key
    at = _accredited_at(config, snap, persona.key)
    if at is not None:
        out.write(say(DeskSentence.YA_ACREDITADA, nombre=nombre, hora=f"{at.astimezone(snap.tz):%H:%M}") + "\n")
        return 0
    return _submit_and_flush(
        config, lambda now: AccreditOp.of_persona(persona, now, punto=args.punto), out, quien=nombre
    )


def _accredited_at(config: Config, snap: Snapshot, key: str) -> datetime | None:
    """When the person was accredited, counting check-ins queued in this Sheet's outbox but not
    read back yet (the same optimistic view as the desk)."""
    from .writes import WritesUnavailable, anuladas, as_scans, not_yet_read, open_writer

    now = datetime.now(timezone.utc)
    try:
        writer = open_writer(config)
    except WritesUnavailable:
        return metrics.acreditado_a(snap, key, now)
    ops = not_yet_read(snap, writer.recent)
    return metrics.acreditado_a(snap, key, now, pendientes=as_scans(ops, snap.personas), anuladas=anuladas(ops))


def cmd_sede(args: argparse.Namespace, out) -> int:
    """The venue's addresses (``./app.sh --red``): ``--activa`` answers through the exit status
    whether ``[foro] red`` is on, ``--ip`` prints the LAN address alone, otherwise the banner."""
    from . import sede

    config = load_config(args.secrets)
    if args.activa:
        return 0 if config.get("red") is True else 1
    ip = sede.lan_ip()
    if args.ip:
        out.write(f"{ip or '127.0.0.1'}\n")
        return 0
    out.write(sede.start_banner(ip, args.puerto, config.acceso) + "\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--secrets",
        metavar="RUTA",
        help="archivo de configuración (por defecto FORO_SECRETS o .streamlit/secrets.toml)",
    )
    p = argparse.ArgumentParser(
        prog="python -m foro_data", description="Foro en vivo: cifras del foro desde la línea de comandos."
    )
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("resumen", parents=[common], help="las cifras del foro")
    r.add_argument("--json", action="store_true", help="imprime el contrato JSON")
    r.add_argument("--a-las", dest="a_las", metavar="HORA", help="hora ISO 8601; sin zona es hora del evento")
    r.set_defaults(func=cmd_resumen)
    i = sub.add_parser("informe", parents=[common], help="informe de participación para las redes socias (PDF o HTML)")
    i.add_argument("--salida", required=True, metavar="ARCHIVO", help="informe.pdf o informe.html")
    i.add_argument("--red", metavar="RED", help="la red para la que se prepara (marca sus ciudades miembro)")
    i.add_argument("--lang", choices=("es", "pt", "en"), default="es", help="idioma del informe (por defecto es)")
    i.add_argument("--a-las", dest="a_las", metavar="HORA", help="hora ISO 8601; sin zona es hora del evento")
    i.set_defaults(func=cmd_informe)
    v = sub.add_parser("verificar", parents=[common], help="pestañas, encabezados y problemas de la planilla")
    v.set_defaults(func=cmd_verificar)
    t = sub.add_parser("plantilla", parents=[common], help="escribe un libro vacío con todas las pestañas")
    t.add_argument("archivo", metavar="ARCHIVO.xlsx")
    t.set_defaults(func=cmd_plantilla)
    g = sub.add_parser("geocodificar", parents=[common], help="ciudad[, provincia][, país] por línea → JSON por línea")
    g.set_defaults(func=cmd_geocodificar)
    c = sub.add_parser("conteo", parents=[common], help="registra un conteo de sala en la planilla")
    c.add_argument("--sala", required=True, metavar="SALA")
    how = c.add_mutually_exclusive_group(required=True)
    how.add_argument("--delta", type=int, metavar="N", help="personas que entraron (+N) o salieron (-N)")
    how.add_argument("--total", type=int, metavar="N", help="conteo absoluto de personas en la sala")
    c.add_argument("--por", metavar="NOMBRE", help="quién contó")
    c.set_defaults(func=cmd_conteo)
    a = sub.add_parser("acreditar", parents=[common], help="registra la entrada de una persona en la planilla")
    who = a.add_mutually_exclusive_group(required=True)
    who.add_argument("--id", metavar="X")
    who.add_argument("--email", metavar="X")
    who.add_argument("--documento", metavar="X")
    a.add_argument("--punto", default="Acreditación", metavar="P", help="puesto o puerta (por defecto Acreditación)")
    a.add_argument(
        "--sin-inscripcion",
        dest="sin_inscripcion",
        action="store_true",
        help="registra la entrada aunque nadie inscripto tenga ese identificador (ingreso sin inscripción)",
    )
    a.set_defaults(func=cmd_acreditar)
    s = sub.add_parser("sede", parents=[common], help="direcciones y QR de cada rol en la red del lugar")
    s.add_argument("--puerto", type=int, default=8501, metavar="N", help="puerto de Streamlit (por defecto 8501)")
    s.add_argument("--ip", action="store_true", help="imprime solo la dirección en la red local")
    s.add_argument("--activa", action="store_true", help="sale con 0 si [foro] red = true")
    s.set_defaults(func=cmd_sede)
    return p


def main(argv: Sequence[str] | None = None, out=None) -> int:
    out = out or sys.stdout
    # The CLI says what failed in one Spanish line; the feed's own log lines would only repeat it.
    logging.getLogger("foro_data").addHandler(logging.NullHandler())
    args = build_parser().parse_args(argv)
    try:
        return args.func(args, out)
    except (CliError, ConfigError) as e:
        print(f"Error: {e}", file=sys.stderr)
        return 1
    except SourceError as e:
        print(f"Error: {e.reason}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `... | head` closed the pipe: not an error worth a message
        sys.stderr.close()
        return 0
    except Exception as e:  # noqa: BLE001 - the CLI never shows a traceback
        print(f"Error inesperado ({type(e).__name__}): {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
