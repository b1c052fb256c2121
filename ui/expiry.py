"""Downloads with personal data leave the server with the session that made them (issue 18, Low).

Streamlit keeps a download button's file under ``/media/<id>`` and deletes it only after the
session is shut down — which happens when the disconnected session ages out of its store (at the
earliest ``server.disconnectedSessionTTL``, 120 s, and only when the store is next touched) — and
then two sweeps later. Meanwhile the URL, in a browser's history or a proxy's log, still returned
the people. A session that renders such a download is noted here; one thread per process checks
every ``SWEEP_S`` seconds, and once a noted session is no longer connected its files are unmapped
and swept twice (the first sweep only marks a download, the second deletes it).
"""

from __future__ import annotations

import logging
import threading
import time

from streamlit.runtime import Runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

SWEEP_S = 2.0
_log = logging.getLogger(__name__)
_lock = threading.Lock()
_sessions: set[str] = set()
_thread: threading.Thread | None = None


def note_personal_download() -> None:
    """Call where a download with personal data is rendered: its files go when this session does."""
    global _thread
    ctx = get_script_run_ctx()
    if ctx is None:  # bare mode (AppTest, a script): no server holds files
        return
    with _lock:
        _sessions.add(ctx.session_id)
        if _thread is None:
            _thread = threading.Thread(target=_loop, name="foro-descargas", daemon=True)
            _thread.start()


def sweep() -> int:
    """Drop the files of every noted session that is no longer connected; how many sessions."""
    if not Runtime.exists():
        return 0
    rt = Runtime.instance()
    with _lock:
        gone = {s for s in _sessions if not rt.is_active_session(s)}
        _sessions.difference_update(gone)
    if gone:
        mgr = rt.media_file_mgr
        for s in gone:
            mgr.clear_session_refs(s)
        mgr.remove_orphaned_files()  # marks unreferenced downloads
        mgr.remove_orphaned_files()  # deletes them
    return len(gone)


def _loop() -> None:
    while True:
        time.sleep(SWEEP_S)
        try:
            sweep()
        except Exception:  # noqa: BLE001 - the sweeper must outlive one bad pass; the next one retries
            _log.exception("no se pudieron borrar las descargas de una sesión cerrada")
