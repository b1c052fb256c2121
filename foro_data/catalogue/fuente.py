"""Sentences of ``foro_data.sources.base.SourceError`` and of the refresh guard
(``foro_data.live``, ``foro_data.sanity``): why a source could not be read, or why the figures
shown are the last good read. ``Fuente.motivo_said`` and ``SourceHealth.last_error_said`` keep
these codes, so the stale banner and Calidad de datos word them in the viewer's language.
Paths, tab names and library messages are parameters, quoted as they are."""

from enum import StrEnum

from foro_data.errors import Sentence, register


class FuenteSentence(StrEnum):
    GUARDADA = "fuente.guardada"
    GUARDADA_ANTES = "fuente.guardada_antes"
    INESPERADO = "fuente.inesperado"
    PESTANA_PERDIDA = "fuente.pestana_perdida"
    PESTANA_YA_NO_ESTA = "fuente.pestana_ya_no_esta"
    REQUERIDA_INUSABLE = "fuente.requerida_inusable"
    REQUERIDA_INUSABLE_POR = "fuente.requerida_inusable_por"
    META_INCOMPLETA = "fuente.meta_incompleta"
    SIN_PESTANA = "fuente.sin_pestana"
    NINGUNA = "fuente.ninguna"
    FORMATO_INESPERADO = "fuente.formato_inesperado"
    LIBRO_ILEGIBLE = "fuente.libro_ilegible"
    CARPETA_SIN_CSV = "fuente.carpeta_sin_csv"
    NO_EXISTE = "fuente.no_existe"
    UN_SOLO_CSV = "fuente.un_solo_csv"
    NO_ES_LIBRO = "fuente.no_es_libro"
    ESPERANDO_COMPARTIDA = "fuente.esperando_compartida"
    # A reason that exists only as it was received (a reason stored by an older version, a
    # message made outside the product): shown as it is, in every language.
    TEXTO = "fuente.texto"


F = FuenteSentence
register(
    FuenteSentence,
    {
        F.GUARDADA: Sentence(
            es="Mostrando la última lectura guardada; la fuente todavía no respondió.",
            pt="Mostrando a última leitura salva; a fonte ainda não respondeu.",
            en="Showing the last saved read; the source has not answered yet.",
        ),
        # Put before the reason of the failure that followed (hence the trailing space).
        F.GUARDADA_ANTES: Sentence(
            es="Mostrando la última lectura guardada. ",
            pt="Mostrando a última leitura salva. ",
            en="Showing the last saved read. ",
        ),
        F.INESPERADO: Sentence(
            es="Error inesperado al leer la fuente (detalle en el registro del servidor).",
            pt="Erro inesperado ao ler a fonte (detalhe no registro do servidor).",
            en="Unexpected error reading the source (details in the server log).",
        ),
        F.PESTANA_PERDIDA: Sentence(
            es="La planilla respondió, pero la pestaña {tab} ya no se puede leer: {detalle} "
            "Se muestran las cifras anteriores hasta que se corrija.",
            pt="A planilha respondeu, mas a aba {tab} já não pode ser lida: {detalle} "
            "Os números anteriores são mostrados até que seja corrigida.",
            en="The Sheet answered, but the tab {tab} can no longer be read: {detalle} "
            "The previous figures are shown until it is fixed.",
        ),
        F.PESTANA_YA_NO_ESTA: Sentence(
            es="Ya no se encuentra la pestaña «{tab}».",
            pt="A aba «{tab}» não é mais encontrada.",
            en="The tab «{tab}» is no longer there.",
        ),
        F.REQUERIDA_INUSABLE: Sentence(
            es="La pestaña {tab} no se puede usar. Las cifras no reflejan la planilla.",
            pt="A aba {tab} não pode ser usada. Os números não refletem a planilha.",
            en="The tab {tab} cannot be used. The figures do not reflect the Sheet.",
        ),
        F.REQUERIDA_INUSABLE_POR: Sentence(
            es="La pestaña {tab} no se puede usar: {detalle} Las cifras no reflejan la planilla.",
            pt="A aba {tab} não pode ser usada: {detalle} Os números não refletem a planilha.",
            en="The tab {tab} cannot be used: {detalle} The figures do not reflect the Sheet.",
        ),
        F.META_INCOMPLETA: Sentence(
            es="Google Sheets devolvió una descripción de la planilla incompleta.",
            pt="O Google Sheets devolveu uma descrição incompleta da planilha.",
            en="Google Sheets sent an incomplete description of the Sheet.",
        ),
        F.SIN_PESTANA: Sentence(
            es="La planilla no tiene la pestaña «{tab}» (pestañas encontradas: {encontradas}).",
            pt="A planilha não tem a aba «{tab}» (abas encontradas: {encontradas}).",
            en="The Sheet has no tab «{tab}» (tabs found: {encontradas}).",
        ),
        F.NINGUNA: Sentence(es="ninguna", pt="nenhuma", en="none"),
        F.FORMATO_INESPERADO: Sentence(
            es="Google Sheets devolvió una respuesta con un formato inesperado.",
            pt="O Google Sheets devolveu uma resposta com um formato inesperado.",
            en="Google Sheets sent an answer in an unexpected format.",
        ),
        F.LIBRO_ILEGIBLE: Sentence(
            es="No se pudo abrir el libro {nombre}: {error}.",
            pt="Não foi possível abrir a pasta de trabalho {nombre}: {error}.",
            en="The workbook {nombre} could not be opened: {error}.",
        ),
        F.CARPETA_SIN_CSV: Sentence(
            es="La carpeta {ruta} no tiene archivos .csv (uno por pestaña, por ejemplo Inscripciones.csv).",
            pt="A pasta {ruta} não tem arquivos .csv (um por aba, por exemplo Inscripciones.csv).",
            en="The folder {ruta} has no .csv files (one per tab, for example Inscripciones.csv).",
        ),
        F.NO_EXISTE: Sentence(es="No existe {ruta}.", pt="{ruta} não existe.", en="{ruta} does not exist."),
        F.UN_SOLO_CSV: Sentence(
            es="{nombre} es un solo CSV: indique la carpeta que contiene un .csv por pestaña.",
            pt="{nombre} é um único CSV: indique a pasta que contém um .csv por aba.",
            en="{nombre} is a single CSV: give the folder that holds one .csv per tab.",
        ),
        F.NO_ES_LIBRO: Sentence(
            es="{nombre} no es un .xlsx ni una carpeta de CSV.",
            pt="{nombre} não é um .xlsx nem uma pasta de CSV.",
            en="{nombre} is neither an .xlsx nor a folder of CSV files.",
        ),
        F.ESPERANDO_COMPARTIDA: Sentence(
            es="Esperando la lectura compartida de otra réplica.",
            pt="Aguardando a leitura compartilhada de outra réplica.",
            en="Waiting for another replica's shared read.",
        ),
        F.TEXTO: Sentence(es="{texto}", pt="{texto}", en="{texto}"),
    },
)
