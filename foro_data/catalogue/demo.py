"""A minimal family, for the doctests of :mod:`foro_data.errors`."""

from enum import StrEnum

from foro_data.errors import Sentence, register


class DemoCode(StrEnum):
    EJEMPLO = "demo_ejemplo"


register(DemoCode, {
    DemoCode.EJEMPLO: Sentence(es="Frase de ejemplo con {n}.", pt="Frase de exemplo com {n}.", en="Example sentence with {n}."),
})
