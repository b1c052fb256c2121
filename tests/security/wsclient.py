"""A bare Streamlit websocket client (the ``websockets`` package), the way an attacker talks to the
app: no browser, no passcode, raw BackMsg protobufs on ``/_stcore/stream``.

Every call is bounded in time; the caller bounds the count.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

websockets = pytest.importorskip("websockets", reason="the websockets package is not installed")

from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

EARLY_FOR_RERUN = ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN


def ws_url(http_url: str) -> str:
    return http_url.rstrip("/").replace("http://", "ws://", 1) + "/_stcore/stream"


def rerun(query: str = "", page_name: str = "") -> bytes:
    msg = BackMsg()
    msg.rerun_script.query_string = query
    msg.rerun_script.page_name = page_name
    return msg.SerializeToString()


def clear_cache() -> bytes:
    msg = BackMsg()
    msg.clear_cache = True
    return msg.SerializeToString()


async def _until_finished(ws, timeout_s: float) -> bool:
    """Read forward messages until a script run finishes (True) or the time runs out (False)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    while True:
        left = deadline - loop.time()
        if left <= 0:
            return False
        try:
            raw = await asyncio.wait_for(ws.recv(), timeout=left)
        except asyncio.TimeoutError:
            return False
        if isinstance(raw, bytes):
            fm = ForwardMsg()
            fm.ParseFromString(raw)
            if fm.WhichOneof("type") == "script_finished" and fm.script_finished != EARLY_FOR_RERUN:
                return True


async def session(http_url: str, messages: list[bytes], *, timeout_s: float = 30.0) -> int:
    """Open one session, send each message in turn (a rerun waits for its run to finish), close.
    Returns how many runs finished."""
    finished = 0
    async with websockets.connect(
        ws_url(http_url), subprotocols=["streamlit"], max_size=None, open_timeout=timeout_s
    ) as ws:
        for raw in messages:
            await ws.send(raw)
            if BackMsg.FromString(raw).WhichOneof("type") == "rerun_script":
                finished += await _until_finished(ws, timeout_s)
    return finished


def run(coro):
    return asyncio.run(coro)


def thread_count(pid: int) -> int:
    """Threads of a process right now (Linux /proc)."""
    return len(os.listdir(Path("/proc") / str(pid) / "task"))


async def _collect(ws, timeout_s: float) -> bytes:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    blob = bytearray()
    while loop.time() < deadline:
        try:
            raw = await asyncio.wait_for(ws.recv(), timeout=deadline - loop.time())
        except asyncio.TimeoutError:
            break
        if isinstance(raw, bytes):
            blob += raw
            fm = ForwardMsg()
            fm.ParseFromString(raw)
            if fm.WhichOneof("type") == "script_finished" and fm.script_finished != EARLY_FOR_RERUN:
                break
    return bytes(blob)


async def page(
    http_url: str, query: str = "", page_name: str = "", timeout_s: float = 60.0, headers: dict[str, str] | None = None
) -> bytes:
    """Everything the server sent one fresh session for one page run (protobuf and Arrow bytes,
    where every text the page shows appears as UTF-8)."""
    async with websockets.connect(
        ws_url(http_url), subprotocols=["streamlit"], max_size=None, open_timeout=timeout_s, additional_headers=headers
    ) as ws:
        await ws.send(rerun(query, page_name))
        return await _collect(ws, timeout_s)


def page_bytes(http_url: str, query: str = "", page_name: str = "", timeout_s: float = 60.0) -> bytes:
    return asyncio.run(page(http_url, query, page_name, timeout_s))
