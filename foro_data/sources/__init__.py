"""Where a workbook comes from: the embedded demo, a local file, or a Google Sheet."""

from __future__ import annotations

from pathlib import Path

from ..config import Config
from .base import RawWorkbook, Source, SourceError

__all__ = ["RawWorkbook", "Source", "SourceError", "open_source", "source_identity"]


def open_source(config: Config) -> Source:
    """The source the configuration names; relative file paths are relative to the config file."""
    if config.fuente == "archivo":
        from .local import LocalSource

        path = Path(str(config.get("archivo"))).expanduser()
        if not path.is_absolute() and config.path is not None and not path.exists():
            path = (
                config.path.parent.parent / path
                if config.path.parent.name == ".streamlit"
                else config.path.parent / path
            )
        return LocalSource(path)
    if config.fuente == "gsheets":
        from .gsheets import GSheetsSource

        return GSheetsSource.from_config(config)
    from ..demo import DemoSource

    return DemoSource()


def source_identity(config: Config) -> str:
    """A short stable key naming the data source (for the last-good cache file)."""
    from .cache import key_for

    what = {"archivo": str(config.get("archivo")), "gsheets": str(config.get("planilla"))}.get(config.fuente, "demo")
    return key_for(config.fuente, what)
