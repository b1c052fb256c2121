"""The sentences of every error and Problem code, one module per family; importing this package
registers them all in :data:`foro_data.errors.CATALOGUE`.

To add a family: a module here with ``class XCode(StrEnum)`` (the codes, declared once) and
``register(XCode, {XCode.A: Sentence(es=..., pt=..., en=...), ...})``; then import it below.
"""

from . import cli, config, fuente, problems, sheets, writes  # noqa: F401  (importing a module registers its family)
