"""A local Sheets API v4 server for tests and rehearsals (see ``server.py``)."""

from .server import (
    DEFAULT_ID,
    FAULT_KINDS,
    FakeSheet,
    FakeSheetsServer,
    FakeSpreadsheet,
    Fault,
    LoggedRequest,
    make_service_account,
    to_serial,
)

__all__ = [
    "DEFAULT_ID",
    "FAULT_KINDS",
    "FakeSheet",
    "FakeSheetsServer",
    "FakeSpreadsheet",
    "Fault",
    "LoggedRequest",
    "make_service_account",
    "to_serial",
]
