"""Sentences of ``foro_data.__main__.CliError``: why a command line could not do what it was asked.
The CLI speaks Spanish; the other languages are here so a code means the same everywhere."""

from enum import StrEnum

from foro_data.errors import Sentence, register


class CliCode(StrEnum):
    SIN_LECTURA = "cli.sin_lectura"
    HORA_INVALIDA = "cli.hora_invalida"
    SALIDA_FORMATO = "cli.salida_formato"
    NO_SE_ESCRIBIO = "cli.no_se_escribio"
    FUENTE_ILEGIBLE = "cli.fuente_ilegible"
    # The outbox keeps a failed write's reason as it was worded when it failed (Spanish).
    NO_ENVIADA = "cli.no_enviada"


K = CliCode
register(
    CliCode,
    {
        K.SIN_LECTURA: Sentence(
            es="No se pudo leer la fuente y no hay una lectura anterior guardada: {motivo}",
            pt="Não foi possível ler a fonte e não há uma leitura anterior salva: {motivo}",
            en="The source could not be read and there is no earlier read saved: {motivo}",
        ),
        K.HORA_INVALIDA: Sentence(
            es="--a-las «{valor}» no es una hora ISO 8601 (por ejemplo 2025-06-19T10:30).",
            pt="--a-las «{valor}» não é uma hora ISO 8601 (por exemplo 2025-06-19T10:30).",
            en="--a-las «{valor}» is not an ISO 8601 time (for example 2025-06-19T10:30).",
        ),
        K.SALIDA_FORMATO: Sentence(
            es="--salida «{salida}»: el informe se escribe como .pdf o .html.",
            pt="--salida «{salida}»: o relatório é gravado como .pdf ou .html.",
            en="--salida «{salida}»: the report is written as .pdf or .html.",
        ),
        K.NO_SE_ESCRIBIO: Sentence(
            es="No se pudo escribir «{salida}»: {error}",
            pt="Não foi possível gravar «{salida}»: {error}",
            en="«{salida}» could not be written: {error}",
        ),
        K.FUENTE_ILEGIBLE: Sentence(
            es="No se pudo leer la fuente ({fuente}): {motivo}",
            pt="Não foi possível ler a fonte ({fuente}): {motivo}",
            en="The source could not be read ({fuente}): {motivo}",
        ),
        K.NO_ENVIADA: Sentence(es="{motivo}", pt="{motivo}", en="{motivo}"),
    },
)
