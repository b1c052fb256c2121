"""Load and soak: the real app (``streamlit run serve.py``, as app.sh) read by simulated viewers on the fake Sheet.

    .venv/bin/python bench/load.py --quick            # 1, 50 and 200 viewers, under 2 minutes
    .venv/bin/python bench/load.py                    # full: longer windows per step
    .venv/bin/python bench/load.py --soak --quick     # a forum day in 4 minutes (CI)
    .venv/bin/python bench/load.py --soak             # a forum day in 30 minutes
    .venv/bin/python bench/load.py --compare 6df8172 --viewers 50 200 400 800 --refreshes 5 15
                                                      # an older commit and this one, side by side
    .venv/bin/python bench/load.py --compare 6df8172 --viewers 1000 --refreshes 15 --changes 5
                                                      # five changes per step: the wait for the
                                                      # next read sampled five times, not once

Each viewer is a browser-less client speaking Streamlit's own websocket protocol, as the frontend
does: it opens ``/_stcore/stream``, asks for a run of the big screen (``?kiosk=1``), and then,
like the browser, re-runs each fragment every time the server's ``auto_rerun`` message says, and
does what static/foro-edad.js does: it keeps one long poll open on the pulse (ui/pulse.py, from
its own loopback address) and, when an answer brings a data token or a minute other than its
screen's, clicks the hidden redraw button after the wait the pulse gave it (with an older commit
served by dashboard.py: when the watcher's heartbeat says the screen is behind). So every viewer is
a real session on the server, with its own script runs.

Measured in one run, per step (1, 50, 200 viewers): Sheet reads per minute (the fake server's own
log: must stay one per refresh interval), server CPU (% of one core) and memory (RSS, from /proc),
time to the first figure, and the time from a change in the Sheet (a new registration) to the new
figure on every viewer (budget: refresh interval + 5 s). Only 127.0.0.1 is used.

The soak replays an 8-hour forum day at high speed: check-ins are appended to the Sheet as the
simulated clock runs, viewers connect and disconnect all the time, the server's RSS is sampled,
and the slope of RSS over the second half of the run is reported (MB per hour).
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import html
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import websockets  # noqa: E402
from streamlit.proto.Alert_pb2 import Alert  # noqa: E402
from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from foro_data.demo import demo_workbook  # noqa: E402
from tests.fake_sheets import FakeSheetsServer, FakeSpreadsheet  # noqa: E402
from tests.reliability.conftest import streamlit_app  # noqa: E402
from tests.sheets_fixtures import forum_tabs  # noqa: E402
from ui.frame import REDRAW_KEY  # noqa: E402

LABEL = "Inscriptos"  # the figure followed on the big screen (Spanish, es-AR digits)
FIGURE_MARK = 'data-cifra="inscriptos"'  # the same, in En vivo's headline block
CLK_TCK = os.sysconf("SC_CLK_TCK")
KB_TO_MB = 1 / 1024  # VmRSS is in kB
ERROR_FORMAT = Alert.Format.ERROR


# --- the server process, from /proc (psutil is not a dependency) ------------------------------


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * KB_TO_MB
    return float("nan")


def cpu_seconds(pid: int) -> float:
    # Fields after the command name (which may hold spaces): utime and stime are 14 and 15.
    rest = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(rest[11]) + int(rest[12])) / CLK_TCK


def threads(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("Threads:"):
            return int(line.split()[1])
    return 0


# --- one simulated viewer ---------------------------------------------------------------------


@dataclass
class Viewer:
    """A browser-less Streamlit client on the big screen."""

    http_url: str
    query: str = "kiosk=1"
    # The address this viewer connects from: viewers on the internet each have their own (the
    # server paces runs per address, foro_data.pacing); None = 127.0.0.1.
    source_ip: str | None = None
    figure: int | None = None
    first_figure_s: float | None = None
    seen: dict[int, float] = field(default_factory=dict)  # figure value -> first time seen (monotonic)
    runs: int = 0
    errors: list[str] = field(default_factory=list)
    redraws: int = 0  # redraw clicks sent (heartbeats that said the screen was behind)
    alive: list[float] = field(default_factory=list)  # when a render or a "still current" heartbeat came
    page_errors: list[str] = field(default_factory=list)  # exceptions and error boxes the page drew
    _page_hash: str = ""
    _t0: float = 0.0  # when this viewer connected (monotonic)
    _ws: Any = None
    _timers: dict[str, asyncio.Task] = field(default_factory=dict)
    _redraw: tuple[str, str] | None = None  # (widget id, fragment id) of the hidden redraw button
    _beat: str = ""  # what the last redraw was asked for (a view, a data token, a minute)
    _drawn: str = ""  # data token and minute of the screen drawn last (ui/pulse.py)
    _due: str = ""  # the data token and minute a redraw was scheduled for
    _due_at: float = 0.0  # when (monotonic)
    _carried_as: str = ""  # the query naming this screen's view to the pulse (a carried screen: En vivo)
    pulses: int = 0  # answers of the pulse
    carried: int = 0  # new screens that came in a pulse answer (no redraw run)

    def _rerun(self, fragment_id: str = "", click: str = "") -> bytes:
        msg = BackMsg()
        cs = msg.rerun_script
        cs.query_string = self.query
        cs.page_script_hash = self._page_hash
        if fragment_id:
            cs.fragment_id = fragment_id
            cs.is_auto_rerun = not click
        if click:  # what the browser sends when static/foro-edad.js clicks the redraw button
            cs.widget_states.widgets.add(id=click, trigger_value=True)
        cs.context_info.timezone = "America/Argentina/Mendoza"
        cs.context_info.locale = "es-AR"
        cs.context_info.url = f"{self.http_url}/?{self.query}"
        return msg.SerializeToString()

    async def run(self, stop: asyncio.Event) -> None:
        ws_url = self.http_url.replace("http://", "ws://") + "/_stcore/stream"
        self._t0 = time.monotonic()
        try:
            extra = {"local_addr": (self.source_ip, 0)} if self.source_ip else {}
            async with websockets.connect(
                ws_url, subprotocols=["streamlit"], max_size=None, open_timeout=60, ping_interval=None, **extra
            ) as ws:
                self._ws = ws
                await ws.send(self._rerun())
                reader = asyncio.create_task(self._read(ws))
                await stop.wait()
                reader.cancel()
        except Exception as e:  # noqa: BLE001 - a benchmark reports, it does not crash
            self.errors.append(f"{type(e).__name__}: {e}")
        finally:
            for task in self._timers.values():
                task.cancel()

    async def _read(self, ws: Any) -> None:
        try:
            async for data in ws:
                msg = ForwardMsg()
                msg.ParseFromString(data)
                kind = msg.WhichOneof("type")
                if kind == "new_session":
                    self._page_hash = msg.new_session.page_script_hash or self._page_hash
                elif kind == "navigation":
                    self._page_hash = msg.navigation.page_script_hash or self._page_hash
                elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                    el = msg.delta.new_element
                    if el.WhichOneof("type") == "exception":
                        self.page_errors.append(f"exception: {el.exception.type}: {el.exception.message}")
                    elif el.WhichOneof("type") == "alert" and el.alert.format == ERROR_FORMAT:
                        self.page_errors.append(f"error: {el.alert.body}")
                    elif el.WhichOneof("type") == "button" and el.button.id.endswith(REDRAW_KEY):
                        self._redraw = (el.button.id, msg.delta.fragment_id)
                    elif el.WhichOneof("type") == "html" and el.html.body.startswith('<div class="foro-latido"'):
                        await self._heartbeat(ws, el.html.body)
                    elif el.WhichOneof("type") == "html" and 'class="foro-edad"' in el.html.body:
                        self.alive.append(time.monotonic())  # a render: the browser's age restarts
                        self._rendered(_data_foro(el.html.body.split('class="foro-edad"', 1)[1]))
                    elif (value := _figure(el)) is not None:
                        self._shows(value)
                elif kind == "auto_rerun":
                    fid, every = msg.auto_rerun.fragment_id, msg.auto_rerun.interval
                    if fid not in self._timers:
                        self._timers[fid] = asyncio.create_task(self._tick(ws, fid, every))
                elif kind == "stop_auto_rerun":
                    for task in self._timers.values():
                        task.cancel()
                    self._timers.clear()
                elif kind == "script_finished":
                    self.runs += 1
        except asyncio.CancelledError:
            raise
        except Exception as e:  # noqa: BLE001
            self.errors.append(f"{type(e).__name__}: {e}")

    def _shows(self, value: int) -> None:
        now = time.monotonic()
        self.figure = value
        self.seen.setdefault(value, now)
        if self.first_figure_s is None:
            self.first_figure_s = now - self._t0

    async def _heartbeat(self, ws: Any, body: str) -> None:
        # static/foro-edad.js: a heartbeat saying the screen is behind clicks the redraw button,
        # once per new view (the browser would ask again after 5 s; a benchmark need not).
        beat = _data_foro(body)
        if not beat["redibujar"]:
            self.alive.append(time.monotonic())  # the screen is current: the browser's age restarts
        else:
            await self._click(beat["vista"])

    async def _click(self, reason: str) -> None:
        if reason == self._beat or not self._redraw or self._ws is None:
            return
        self._beat = reason
        self.redraws += 1
        try:
            await self._ws.send(self._rerun(self._redraw[1], click=self._redraw[0]))
        except Exception:  # noqa: BLE001 - the socket closed: the viewer left
            pass

    def _rendered(self, line: dict[str, Any]) -> None:
        # static/foro-edad.js on a new status line: remember the data token drawn, start the long
        # poll once (ui/pulse.py), and ask for a redraw when the as-of minute turns (random delay).
        self._drawn = f"{line.get('datos')}~{line.get('minuto')}"
        self._carried_as = ""
        if line.get("vista"):  # as the browser: which view, what it shows, in which source state
            self._carried_as = f"&vista={line['vista']}&tengo={self._drawn}&estado={line.get('estado') or ''}"
        if line.get("pulso") and "pulso" not in self._timers:
            self._timers["pulso"] = asyncio.create_task(self._listen(line["pulso"]))

    async def _after(self, wait_s: float) -> None:
        # The browser asks again after 5, 10, 20, 40 s while its screen stays behind (a lost click); on a
        # loopback websocket no click is lost, so the benchmark asks once.
        await asyncio.sleep(wait_s)
        await self._click(self._due)

    async def _listen(self, path: str) -> None:
        # The browser's fetch loop on the pulse: one keep-alive HTTP/1.1 connection, one request
        # open at a time, sending back the last answer's name.
        host, port = self.http_url.removeprefix("http://").split(":")
        since = ""
        while True:
            writer = None
            try:
                reader, writer = await asyncio.open_connection(
                    host, int(port), local_addr=(self.source_ip, 0) if self.source_ip else None
                )
                while True:
                    # As a browser asks: compressed answers accepted (a carried screen is ~10 KB).
                    writer.write(
                        f"GET {path}&desde={since}{self._carried_as} HTTP/1.1\r\nHost: {host}:{port}\r\n"
                        "Accept-Encoding: gzip, deflate\r\n\r\n".encode()
                    )
                    await writer.drain()
                    status = await reader.readline()
                    length, packed = 0, False
                    while (line := await reader.readline()) not in (b"\r\n", b""):
                        name, _, value = line.decode("latin-1").partition(":")
                        if name.strip().lower() == "content-length":
                            length = int(value)
                        elif name.strip().lower() == "content-encoding":
                            packed = value.strip() == "gzip"
                    body = await reader.readexactly(length)
                    if b" 200 " not in status:
                        await asyncio.sleep(1)
                        continue
                    beat = json.loads(gzip.decompress(body) if packed else body)
                    since = beat["pulso"]
                    self.pulses += 1
                    news = f"{beat['datos']}~{beat['minuto']}"
                    if "pantalla" in beat:  # static/foro-edad.js swaps the carried screen in: no run
                        self.carried += 1
                        self.alive.append(time.monotonic())
                        if (value := _figure_in(beat["pantalla"])) is not None:
                            self._shows(value)
                        self._rendered(_data_foro(beat["estado"]))
                        self._due = ""
                    elif news == self._drawn:
                        self.alive.append(time.monotonic())  # current: the browser's age restarts
                        self._due = ""
                    elif time.monotonic() < self._due_at:
                        self._due = news  # newer news while waiting for its turn: that redraw shows it
                    elif news != self._due:  # in the place in line the server gave (ui/pulse.py)
                        self._due, self._due_at = news, time.monotonic() + beat["espera"]
                        self._timers[f"espera-{since}"] = asyncio.create_task(self._after(beat["espera"]))
            except asyncio.CancelledError:
                raise
            except (OSError, asyncio.IncompleteReadError, ValueError):
                await asyncio.sleep(1)
            finally:
                if writer is not None:
                    writer.close()

    async def _tick(self, ws: Any, fragment_id: str, every: float) -> None:
        # The frontend's setInterval: a fragment rerun every ``every`` seconds.
        while True:
            await asyncio.sleep(every)
            try:
                await ws.send(self._rerun(fragment_id))
            except Exception:  # noqa: BLE001 - the socket closed: the viewer left
                return


def _figure(el: Any) -> int | None:
    """The followed figure in an element: En vivo's headline block (ui.components.headline_html:
    ``data-cifra="inscriptos"``), or a metric labelled so (older commits, for --compare)."""
    kind = el.WhichOneof("type")
    if kind == "html":
        return _figure_in(el.html.body)
    if kind == "metric" and el.metric.label.startswith(LABEL):
        return _number(el.metric.body)
    return None


def _figure_in(body: str) -> int | None:
    """The followed figure in our HTML (a redraw's element or a carried screen), if it is there."""
    if FIGURE_MARK not in body:
        return None
    return _number(body.split(FIGURE_MARK, 1)[1].split('class="foro-cifra-valor">', 1)[1].split("<", 1)[0])


def _number(text: str) -> int | None:
    try:
        return int(text.replace(".", ""))
    except ValueError:
        return None


def _data_foro(body: str) -> dict[str, Any]:
    """The JSON in an element's data-foro attribute (ui/frame.py status_line and heartbeat)."""
    return json.loads(html.unescape(body.split('data-foro="', 1)[1].split('"', 1)[0]))


# --- the Sheet --------------------------------------------------------------------------------


async def warm_up(url: str, limit_s: float = 90.0) -> Viewer:
    """One viewer until it sees the first figure (or an error, or ``limit_s``), then gone: the
    server's start-up (imports, first read) stays out of what is measured next."""
    stop, viewer = asyncio.Event(), Viewer(url)
    task = asyncio.create_task(viewer.run(stop))
    t = time.monotonic()
    while viewer.figure is None and not viewer.errors and time.monotonic() - t < limit_s:
        await asyncio.sleep(0.2)
    stop.set()
    await task
    return viewer


def add_registration(fake: FakeSheetsServer, n: int) -> None:
    with fake._lock:
        sheet = fake.book().sheet("Inscripciones")
        header = [str(h) for h in sheet.rows[0]]
        row: list[Any] = [None] * len(header)
        for k, v in {
            "Nombre": f"Carga{n}",
            "Apellido": f"Prueba{n}",
            "Dirección de correo electrónico": f"carga{n}@ejemplo.org",
            "Ciudad": "Mendoza",
            "País": "Argentina",
        }.items():
            row[header.index(k)] = v
        sheet.rows.append(row)
        sheet.fit_grid()


def add_scan(fake: FakeSheetsServer, when: datetime, who: int, exit_: bool) -> None:
    with fake._lock:
        sheet = fake.book().sheet("Acreditaciones")
        sheet.rows.append([when, f"persona{who}@ejemplo.org", "Acreditación", "salida" if exit_ else "entrada"])
        sheet.fit_grid()


# --- load ---------------------------------------------------------------------------------------


@dataclass
class Step:
    viewers: int
    connected: int
    first_figure_p50_s: float
    first_figure_max_s: float
    sheet_reads_per_min: float
    expected_reads_per_min: float
    cpu_pct: float
    rss_mb: float
    rss_max_mb: float
    change_p50_s: float
    change_p95_s: float
    change_max_s: float
    within_budget: int
    budget_s: float
    runs_per_s: float
    client_cpu_pct: float  # this script's own CPU (the simulated viewers), same window
    errors: int
    reads: int  # batchGet requests the fake Sheet answered in the window
    window_s: float
    refresh_s: int = 5
    version: str = ""  # which checkout served (--compare)
    updated: int = 0  # viewers that got the change at all (however late)
    warned: int = 0  # viewers whose browser would have shown the stale warning (a silence > 2 × refresco + 5 s)
    read_p50_s: float = float("nan")  # from the read that found a change to the screen: the server's part
    read_p95_s: float = float("nan")
    changes: int = 1  # changes measured in the step; within_budget counts (viewer, change) pairs
    carried: int = 0  # new screens that came in a pulse answer (no run on the server)
    redraws: int = 0  # redraw clicks sent (a run each)


def loopback_address(i: int) -> str:
    """Viewer ``i``'s own source address: all of 127.0.0.0/8 is this machine's loopback.

    >>> loopback_address(0), loopback_address(300)
    ('127.0.1.2', '127.0.2.52')
    """
    return f"127.0.{1 + i // 250}.{2 + i % 250}"


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


async def load_step(
    app: Any,
    fake: FakeSheetsServer,
    n: int,
    window_s: float,
    refresh_s: float,
    change_no: int,
    ramp_s: float,
    changes: int = 1,
) -> Step:
    """One step: ``n`` viewers, then ``changes`` changes in the Sheet one after the other (each once
    the previous reached every screen, after a random part of an interval, so that the wait for the
    next read is sampled ``changes`` times rather than once)."""
    rng = random.Random(change_no)
    pid = app.process.pid
    stop = asyncio.Event()
    viewers = [Viewer(app.url, source_ip=loopback_address(i)) for i in range(n)]
    tasks = []
    for v in viewers:
        tasks.append(asyncio.create_task(v.run(stop)))
        if n > 1:
            await asyncio.sleep(ramp_s / n)
    # Everyone has a figure (or gave up).
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and any(v.figure is None and not v.errors for v in viewers):
        await asyncio.sleep(0.2)
    await asyncio.sleep(refresh_s)  # settle: every viewer's fragment timer is running

    # The measured window: reads, CPU, memory, and the changes in the Sheet (the first a third in).
    fake_reads0 = fake.count("batchGet")
    cpu0, t0, mine0 = cpu_seconds(pid), time.monotonic(), time.process_time()
    runs0 = sum(v.runs for v in viewers)
    rss = [rss_mb(pid)]
    want = max((v.figure or 0) for v in viewers)
    lat: list[float] = []  # change → screen, every viewer and change
    from_read: list[float] = []  # the read that found the change → screen: the server's own part
    last: list[float] = []  # the last change's change → screen (who got it at all)
    for k in range(changes):
        first = min(window_s / 3, window_s - (refresh_s + 6)) if k == 0 else rng.uniform(0, refresh_s)
        until = time.monotonic() + first
        while time.monotonic() < until:
            await asyncio.sleep(min(1.0, max(0.0, until - time.monotonic())))
            rss.append(rss_mb(pid))
        add_registration(fake, change_no * 1000 + k)
        changed_at = time.monotonic()
        want += 1
        # Let the change reach everyone (bounded) before the next: a saturated server must still
        # update every screen, later.
        deadline = time.monotonic() + 3 * refresh_s + 20
        while time.monotonic() < deadline and any(want not in v.seen for v in viewers if not v.errors):
            await asyncio.sleep(0.2)
            rss.append(rss_mb(pid))
        got = [v.seen[want] for v in viewers if want in v.seen]
        last = [at - changed_at for at in got]
        lat += last
        read_at = min((r.at for r in fake.requests if r.kind == "batchGet" and r.at > changed_at), default=None)
        if read_at is not None:
            from_read += [at - read_at for at in got]
    while time.monotonic() - t0 < window_s:  # the rest of the window, when the changes were quick
        await asyncio.sleep(1.0)
        rss.append(rss_mb(pid))
    elapsed = time.monotonic() - t0
    cpu = (cpu_seconds(pid) - cpu0) / elapsed * 100
    client_cpu = (time.process_time() - mine0) / elapsed * 100
    reads = fake.count("batchGet") - fake_reads0
    runs = sum(v.runs for v in viewers) - runs0
    budget = refresh_s + 5
    limit = 2 * refresh_s + 5  # static/foro-edad.js: a longer silence turns the age line into the warning
    warned = sum(1 for v in viewers if _longest_silence(v.alive, t0, t0 + elapsed) > limit)
    stop.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    await asyncio.sleep(2)  # sessions close on the server
    firsts = [v.first_figure_s for v in viewers if v.first_figure_s is not None]
    return Step(
        viewers=n,
        connected=len(firsts),
        first_figure_p50_s=statistics.median(firsts) if firsts else float("nan"),
        first_figure_max_s=max(firsts) if firsts else float("nan"),
        sheet_reads_per_min=reads / elapsed * 60,
        expected_reads_per_min=60 / refresh_s,
        cpu_pct=cpu,
        rss_mb=statistics.median(rss),
        rss_max_mb=max(rss),
        change_p50_s=pct(lat, 0.5),
        change_p95_s=pct(lat, 0.95),
        change_max_s=max(lat) if lat else float("nan"),
        read_p50_s=pct(from_read, 0.5),
        read_p95_s=pct(from_read, 0.95),
        changes=changes,
        within_budget=sum(1 for x in lat if x <= budget),
        budget_s=budget,
        runs_per_s=runs / elapsed,
        client_cpu_pct=client_cpu,
        reads=reads,
        window_s=elapsed,
        errors=sum(1 for v in viewers if v.errors),
        refresh_s=refresh_s,
        updated=len(last),
        warned=warned,
        carried=sum(v.carried for v in viewers),
        redraws=sum(v.redraws for v in viewers),
    )


def _longest_silence(stamps: list[float], start: float, end: float) -> float:
    """The longest stretch of [start, end] with no render nor "still current" heartbeat.

    >>> _longest_silence([1.0, 4.0, 5.0], 0.0, 10.0)
    5.0
    """
    inside = [start] + [t for t in stamps if start < t < end] + [end]
    return max(b - a for a, b in zip(inside, inside[1:]))


def print_steps(steps: list[Step]) -> None:
    print()
    print(
        "| espectadores | conectados | 1ª cifra p50 / máx (s) | lecturas de la planilla por min (esperado) | CPU servidor (% de un núcleo) "
        "| RSS mediana / máx (MB) | cambio → pantalla p50 / p95 / máx (s) | dentro del presupuesto | corridas/s "
        "| CPU clientes (%) | errores |"
    )
    print("|---:|---:|---|---|---:|---|---|---|---:|---:|---:|")
    for s in steps:
        print(
            f"| {s.viewers} | {s.connected} | {s.first_figure_p50_s:.1f} / {s.first_figure_max_s:.1f} "
            f"| {s.sheet_reads_per_min:.1f} ({s.expected_reads_per_min:.0f}) | {s.cpu_pct:.0f} "
            f"| {s.rss_mb:.0f} / {s.rss_max_mb:.0f} | {s.change_p50_s:.1f} / {s.change_p95_s:.1f} / {s.change_max_s:.1f} "
            f"| {s.within_budget}/{s.viewers * s.changes} (≤ {s.budget_s:.0f} s) | {s.runs_per_s:.1f} | {s.client_cpu_pct:.0f} | {s.errors} |"
        )


async def warm_app(app: Any) -> None:
    """``warm_up`` of a server that must answer: no figure is the end of the benchmark."""
    v = await warm_up(app.url)
    if v.errors or v.figure is None:
        raise SystemExit(f"el servidor no mostró cifras: {v.errors}\n{app.log_text()[-3000:]}")


@contextmanager
def old_checkout(rev: str) -> Iterator[Path]:
    """Commit ``rev`` of this repository in a temporary git worktree (removed on exit)."""
    where = Path(tempfile.mkdtemp(prefix="foro-antes-")) / "repo"
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(where), rev], check=True, capture_output=True
    )
    try:
        yield where
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(where)], capture_output=True)


def bench_tabs(n_personas: int) -> dict[str, list[list[Any]]]:
    """The simulated Sheet: ``n_personas`` registrations, and the demo's nine rooms and programme,
    so a wall screen draws as many room cards as it will on the day (forum_tabs has two)."""
    tabs = forum_tabs(n_personas)
    demo = demo_workbook().tabs
    tabs["Salas"], tabs["Agenda"] = demo["Salas"], demo["Agenda"]
    return tabs


async def run_compare(
    counts: list[int],
    refreshes: list[int],
    window_s: float,
    ramp_s: float,
    n_personas: int,
    rev: str,
    changes: int = 1,
) -> list[Step]:
    """The same viewers against commit ``rev`` and against this checkout, step by step in one run
    (one fake Sheet; the idle server has no viewers, so it neither reads nor works)."""
    steps: list[Step] = []
    change = 0
    with old_checkout(rev) as old_root, FakeSheetsServer() as fake:
        fake.add(FakeSpreadsheet.from_tabs(bench_tabs(n_personas)))
        for refresh in refreshes:
            with ExitStack() as stack:
                apps = {
                    f"antes ({rev[:7]})": stack.enter_context(streamlit_app(fake, refresh_s=refresh, root=old_root)),
                    "ahora": stack.enter_context(streamlit_app(fake, refresh_s=refresh)),
                }
                for app in apps.values():
                    await warm_app(app)
                await until_no_reads(fake, refresh)
                for n in counts:
                    for label, app in apps.items():
                        change += 1
                        step = await load_step(
                            app, fake, n, window_s, refresh, change_no=change, ramp_s=ramp_s, changes=changes
                        )
                        step.version = label
                        steps.append(step)
                        print_compare([step])
                        # A saturated server keeps working off its queue after its viewers leave,
                        # and keeps reading the Sheet while its last screens' pulse is recent
                        # (ui.pulse.LISTENING_S): the next step starts when both servers are idle
                        # and nobody reads, so its reads per minute are its own server's.
                        await until_idle([a.process.pid for a in apps.values()])
                        await until_no_reads(fake, refresh)
                for label, app in apps.items():
                    if tb := app.log_text().count("Traceback"):
                        print(f"{label}: {tb} tracebacks en el registro del servidor")
    return steps


async def until_idle(pids: list[int], below_pct: float = 5.0, limit_s: float = 120.0) -> None:
    """Wait until every server uses less than ``below_pct`` of a core (or ``limit_s`` passed)."""
    deadline = time.monotonic() + limit_s
    await asyncio.sleep(3)
    while time.monotonic() < deadline:
        before = [cpu_seconds(p) for p in pids]
        await asyncio.sleep(2)
        if all((cpu_seconds(p) - b) / 2 * 100 < below_pct for p, b in zip(pids, before)):
            return


async def until_no_reads(fake: FakeSheetsServer, refresh_s: float, limit_s: float = 120.0) -> None:
    """Wait until no server has read the Sheet for two intervals (or ``limit_s`` passed)."""
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        before = fake.count("batchGet")
        await asyncio.sleep(2 * refresh_s + 1)
        if fake.count("batchGet") == before:
            return


def print_compare(steps: list[Step]) -> None:
    print()
    print(
        "| versión | espectadores | refresco | CPU servidor (% de un núcleo) | RSS máx (MB) "
        "| cambio → pantalla p50 / p95 (s) | lectura → pantalla p50 / p95 (s) | dentro de refresco + 5 s "
        "| actualizados | con aviso de datos viejos | lecturas/min (esperado) | corridas/s "
        "| pantallas nuevas: en el pulso / por redibujo | CPU clientes (%) | errores |"
    )
    print("|---|---:|---:|---:|---:|---|---|---|---|---:|---|---:|---|---:|---:|")
    for s in steps:
        print(
            f"| {s.version} | {s.viewers} | {s.refresh_s} s | {s.cpu_pct:.0f} | {s.rss_max_mb:.0f} "
            f"| {s.change_p50_s:.1f} / {s.change_p95_s:.1f} | {s.read_p50_s:.1f} / {s.read_p95_s:.1f} "
            f"| {s.within_budget}/{s.viewers * s.changes} | {s.updated}/{s.viewers} "
            f"| {s.warned} | {s.sheet_reads_per_min:.1f} ({s.expected_reads_per_min:.0f}) | {s.runs_per_s:.1f} "
            f"| {s.carried} / {s.redraws} | {s.client_cpu_pct:.0f} | {s.errors} |"
        )


async def run_load(
    counts: list[int], window_s: float, refresh_s: int, ramp_s: float, n_personas: int, changes: int = 1
) -> list[Step]:
    with FakeSheetsServer() as fake:
        fake.add(FakeSpreadsheet.from_tabs(bench_tabs(n_personas)))
        with streamlit_app(fake, refresh_s=refresh_s) as app:
            print(
                f"servidor: {app.url} (pid {app.process.pid}); planilla simulada: {fake.url}; "
                f"{n_personas} inscripciones; refresco {refresh_s} s",
                flush=True,
            )
            await warm_app(app)  # first run imports pandas...: outside the measurement
            steps = []
            for i, n in enumerate(counts):
                step = await load_step(app, fake, n, window_s, refresh_s, change_no=i, ramp_s=ramp_s, changes=changes)
                steps.append(step)
                print_steps([step])
            log = app.log_text()
            tracebacks = log.count("Traceback")
            print(f"\nTracebacks en el registro del servidor: {tracebacks}")
            if tracebacks:  # show the first one: a figure without its cause helps nobody
                first = log.index("Traceback")
                print(log[max(0, first - 300) : first + 2500])
            return steps


# --- soak ---------------------------------------------------------------------------------------


@dataclass
class Soak:
    real_s: float
    simulated_h: float
    sessions_opened: int
    concurrent: int
    scans_added: int
    rss_start_mb: float
    rss_end_mb: float
    rss_max_mb: float
    slope_mb_per_h: float  # over the second half, per real hour
    slope_mb_per_100_sessions: float
    threads_start: int
    threads_end: int
    sheet_reads_per_min: float
    errors: int


def slope(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of (x, y)."""
    n = len(points)
    if n < 2:
        return float("nan")
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / sxx if sxx else float("nan")


async def run_soak(
    real_s: float, concurrent: int, refresh_s: int, n_personas: int, seed: int = 7, session_ttl_s: int | None = None
) -> Soak:
    rng = random.Random(seed)
    day = datetime(2025, 6, 19, 8, 0)
    sim_s = 8 * 3600
    with FakeSheetsServer() as fake:
        tabs = bench_tabs(n_personas)
        tabs["Acreditaciones"] = tabs["Acreditaciones"][:1]  # the day starts with nobody in
        fake.add(FakeSpreadsheet.from_tabs(tabs))
        # Streamlit keeps a disconnected session for server.disconnectedSessionTTL (120 s): a short
        # run sets it lower so the steady state (and any leak beyond it) shows within minutes.
        extra = ("--server.disconnectedSessionTTL", str(session_ttl_s)) if session_ttl_s else ()
        with streamlit_app(fake, refresh_s=refresh_s, extra_args=extra) as app:
            pid = app.process.pid
            print(
                f"servidor: {app.url} (pid {pid}); un día de 8 h en {real_s:.0f} s; {concurrent} espectadores a la vez",
                flush=True,
            )
            # Scans of the day: each person arrives once, some leave; in simulated-time order.
            plan: list[tuple[float, int, bool]] = []
            for i in range(n_personas):
                if rng.random() < 0.85:
                    arrive = rng.uniform(0, 0.6) * sim_s
                    plan.append((arrive, i, False))
                    if rng.random() < 0.5:
                        plan.append((rng.uniform(arrive, sim_s), i, True))
            plan.sort()
            # Warm the server first (imports, first read): the slope is about the day, not start-up.
            await warm_up(app.url)
            sessions: list[tuple[asyncio.Task, asyncio.Event, Viewer]] = []
            opened = 0
            errors = 0
            samples: list[tuple[float, float, int]] = []  # (real s, rss MB, sessions opened)
            t0 = time.monotonic()
            reads0 = fake.count("batchGet")
            threads0 = threads(pid)
            next_sample = 0.0
            k = 0
            while (elapsed := time.monotonic() - t0) < real_s:
                sim_now = elapsed / real_s * sim_s
                while k < len(plan) and plan[k][0] <= sim_now:
                    at, who, leaving = plan[k]
                    add_scan(fake, day + timedelta(seconds=at), who, leaving)
                    k += 1
                # Churn: sessions live 10-60 s of real time, then leave; the pool is refilled.
                alive = []
                for task, stop, v in sessions:
                    if task.done():
                        errors += bool(v.errors)
                        continue
                    alive.append((task, stop, v))
                sessions = alive
                if sessions and rng.random() < 0.3:
                    rng.choice(sessions)[1].set()
                while len(sessions) < concurrent:
                    stop, v = asyncio.Event(), Viewer(app.url)
                    sessions.append((asyncio.create_task(v.run(stop)), stop, v))
                    opened += 1
                if elapsed >= next_sample:
                    samples.append((elapsed, rss_mb(pid), opened))
                    next_sample += 5.0
                await asyncio.sleep(0.5)
            for _, stop, _ in sessions:
                stop.set()
            await asyncio.gather(*(t for t, _, _ in sessions), return_exceptions=True)
            errors += sum(bool(v.errors) for _, _, v in sessions)
            await asyncio.sleep(3)
            samples.append((time.monotonic() - t0, rss_mb(pid), opened))
            half = [s for s in samples if s[0] >= real_s / 2]
            per_s = slope([(x, y) for x, y, _ in half])
            per_session = slope([(n, y) for _, y, n in half])
            reads = fake.count("batchGet") - reads0
            return Soak(
                real_s=real_s,
                simulated_h=8.0,
                sessions_opened=opened,
                concurrent=concurrent,
                scans_added=k,
                rss_start_mb=samples[0][1],
                rss_end_mb=samples[-1][1],
                rss_max_mb=max(y for _, y, _ in samples),
                slope_mb_per_h=per_s * 3600,
                slope_mb_per_100_sessions=per_session * 100,
                threads_start=threads0,
                threads_end=threads(pid),
                sheet_reads_per_min=reads / (time.monotonic() - t0) * 60,
                errors=errors,
            )


def print_soak(s: Soak) -> None:
    print()
    print(
        "| duración real | día simulado | sesiones abiertas | a la vez | escaneos agregados | RSS inicio / fin / máx (MB) "
        "| pendiente 2ª mitad (MB/h real) | MB por 100 sesiones | hilos inicio / fin | lecturas/min | errores |"
    )
    print("|---:|---:|---:|---:|---:|---|---:|---:|---|---:|---:|")
    print(
        f"| {s.real_s:.0f} s | {s.simulated_h:.0f} h | {s.sessions_opened} | {s.concurrent} | {s.scans_added} "
        f"| {s.rss_start_mb:.0f} / {s.rss_end_mb:.0f} / {s.rss_max_mb:.0f} | {s.slope_mb_per_h:+.1f} "
        f"| {s.slope_mb_per_100_sessions:+.2f} | {s.threads_start} / {s.threads_end} | {s.sheet_reads_per_min:.1f} | {s.errors} |"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="modo rápido (CI): unos 2 minutos (carga) o 4,5 (aguante)")
    ap.add_argument("--soak", action="store_true", help="prueba de aguante: un día de foro acelerado")
    ap.add_argument("--viewers", type=int, nargs="*", default=[1, 50, 200], help="espectadores por paso (carga)")
    ap.add_argument("--window", type=float, help="segundos medidos por paso (carga)")
    ap.add_argument(
        "--changes",
        type=int,
        default=1,
        help="cambios en la planilla por paso, uno tras otro (cada uno en otro momento del intervalo)",
    )
    ap.add_argument("--duration", type=float, help="segundos reales del día acelerado (aguante)")
    ap.add_argument("--concurrent", type=int, default=30, help="espectadores a la vez (aguante)")
    ap.add_argument("--refresh", type=int, default=5, help="refresco_segundos de la app (mínimo 5)")
    ap.add_argument("--personas", type=int, default=450, help="inscripciones en la planilla simulada")
    ap.add_argument(
        "--session-ttl",
        type=int,
        help="server.disconnectedSessionTTL del aguante (rápido: 20 s; completo: el de Streamlit, 120 s)",
    )
    ap.add_argument("--json", type=Path, help="además, escribir los resultados en este archivo")
    ap.add_argument(
        "--compare",
        metavar="COMMIT",
        help="correr también ese commit (un git worktree temporal), paso a "
        "paso junto a esta copia, con los mismos espectadores y la misma planilla simulada",
    )
    ap.add_argument(
        "--refreshes", type=int, nargs="*", help="con --compare: refrescos a medir (por omisión, --refresh)"
    )
    args = ap.parse_args(argv)
    if args.compare:
        steps = asyncio.run(
            run_compare(
                args.viewers,
                args.refreshes or [args.refresh],
                args.window or 30.0,
                ramp_s=10.0,
                n_personas=args.personas,
                rev=args.compare,
                changes=args.changes,
            )
        )
        print("\nResumen:")
        print_compare(steps)
        if args.json:
            args.json.write_text(json.dumps([asdict(s) for s in steps], indent=2, ensure_ascii=False), encoding="utf-8")
        ok = all(s.reads <= s.window_s / s.refresh_s + 1 and s.errors == 0 for s in steps)
        print("\nResultado:", "dentro de lo esperado" if ok else "FUERA DE LO ESPERADO")
        return 0 if ok else 1
    if args.soak:
        duration = args.duration or (240.0 if args.quick else 1800.0)
        ttl = args.session_ttl if args.session_ttl is not None else (20 if args.quick else None)
        result: Any = asyncio.run(run_soak(duration, args.concurrent, args.refresh, args.personas, session_ttl_s=ttl))
        print_soak(result)
        out = asdict(result)
        ok = result.errors == 0
    else:
        window = args.window or (15.0 if args.quick else 60.0)
        steps = asyncio.run(
            run_load(
                args.viewers,
                window,
                args.refresh,
                ramp_s=5.0 if args.quick else 15.0,
                n_personas=args.personas,
                changes=args.changes,
            )
        )
        print("\nResumen:")
        print_steps(steps)
        for s in steps:
            if s.within_budget < s.viewers * s.changes:
                print(
                    f"\nAviso: con {s.viewers} espectadores y refresco de {args.refresh} s, {s.viewers * s.changes - s.within_budget} "
                    f"no recibieron la cifra nueva dentro de {s.budget_s:.0f} s: el servidor está saturado "
                    "(ver «Límites conocidos» en docs/confiabilidad.md)."
                )
        out = [asdict(s) for s in steps]
        # At most one read per interval (plus the one at the window's edge), whatever the viewers.
        ok = all(s.reads <= s.window_s / args.refresh + 1 and s.errors == 0 for s in steps)
    if args.json:
        args.json.write_text(json.dumps(out, indent=2, ensure_ascii=False), encoding="utf-8")
    print("\nResultado:", "dentro de lo esperado" if ok else "FUERA DE LO ESPERADO")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
