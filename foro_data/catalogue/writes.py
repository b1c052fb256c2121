"""Sentences of the write path (``foro_data.writes``): why a viewer cannot write, why an operation
is invalid, and what the sender says about the Sheet's tabs and columns, keyed by code."""

from enum import StrEnum

from foro_data.errors import CATALOGUE, Sentence, register

from .sheets import SheetsSentence


class WritesCode(StrEnum):
    """``WritesUnavailable.code``: why this viewer or this configuration cannot write."""

    DEMO = "demo"
    ARCHIVO = "archivo"
    CONFIGURACION = "configuracion"
    ROL = "rol"
    SOLO_LECTURA = "solo_lectura"


class OpSentence(StrEnum):
    """A field of an operation that cannot be written (``InvalidOperation.errores``)."""

    FALTA_SALA = "op_falta_sala"
    TIPO_CONTEO = "op_tipo_conteo"
    VALOR_ENTERO = "op_valor_entero"
    CONTEO_NEGATIVO = "op_conteo_negativo"
    DELTA_CERO = "op_delta_cero"
    VALOR_GRANDE = "op_valor_grande"
    SIN_ZONA = "op_sin_zona"
    FALTA_IDENTIFICADOR = "op_falta_identificador"
    EMAIL = "op_email"
    DOCUMENTO = "op_documento"
    FALTA_NOMBRE = "op_falta_nombre"
    FALTA_APELLIDO = "op_falta_apellido"
    FALTA_CONTACTO = "op_falta_contacto"
    PAIS = "op_pais"
    GENERO = "op_genero"


class SendSentence(StrEnum):
    """What the sender says about the Sheet (outbox ``motivo`` and the flush's ``avisos``)."""

    ROL_CONTEO = "envio_rol_conteo"
    ROL_ACREDITACION = "envio_rol_acreditacion"
    FALTA_PESTANA = "envio_falta_pestana"
    SIN_ENCABEZADOS = "envio_sin_encabezados"
    ENCABEZADOS_CAMBIARON = "envio_encabezados_cambiaron"
    FALTA_COLUMNA = "envio_falta_columna"
    FALTA_ID_OPERACION = "envio_falta_id_operacion"
    COLUMNA_PERDIDA = "envio_columna_perdida"
    SIN_COLUMNA_IDENTIDAD = "envio_sin_columna_identidad"
    ID_OPERACION_AGREGADA = "envio_id_operacion_agregada"
    ID_OPERACION_NO_AGREGADA = "envio_id_operacion_no_agregada"


register(
    WritesCode,
    {
        WritesCode.DEMO: Sentence(
            es="Con datos de demostración no se puede registrar nada: los conteos y acreditaciones se escriben en una "
            'planilla de Google ([foro] fuente = "gsheets").',
            pt="Com dados de demonstração não se pode registrar nada: contagens e credenciamentos são gravados numa "
            'planilha do Google ([foro] fuente = "gsheets").',
            en="Nothing can be recorded on demo data: counts and check-ins are written to a Google Sheet "
            '([foro] fuente = "gsheets").',
        ),
        WritesCode.ARCHIVO: Sentence(
            es="La fuente es un archivo local: no se escriben conteos ni acreditaciones en él. Para registrar desde el "
            'tablero use una planilla de Google ([foro] fuente = "gsheets").',
            pt="A fonte é um arquivo local: contagens e credenciamentos não são gravados nele. Para registrar pelo "
            'painel use uma planilha do Google ([foro] fuente = "gsheets").',
            en="The source is a local file: counts and check-ins are not written to it. To record from the dashboard "
            'use a Google Sheet ([foro] fuente = "gsheets").',
        ),
        WritesCode.CONFIGURACION: Sentence(
            es="Falta configurar la planilla de Google y la cuenta de servicio.",
            pt="Falta configurar a planilha do Google e a conta de serviço.",
            en="The Google Sheet and the service account are not configured.",
        ),
        WritesCode.ROL: Sentence(
            es="Su rol no puede registrar esto.",
            pt="Seu papel não pode registrar isto.",
            en="Your role cannot record this.",
        ),
        # The same sentence the transport gives a 403 on append: one wording for one situation.
        WritesCode.SOLO_LECTURA: CATALOGUE[SheetsSentence.SOLO_LECTURA],
    },
)

OP = OpSentence
register(
    OpSentence,
    {
        OP.FALTA_SALA: Sentence(es="Falta la sala.", pt="Falta a sala.", en="The room is missing."),
        OP.TIPO_CONTEO: Sentence(
            es="El tipo de conteo debe ser «delta» o «conteo».",
            pt="O tipo de contagem deve ser «delta» ou «conteo».",
            en="The count type must be «delta» or «conteo».",
        ),
        OP.VALOR_ENTERO: Sentence(
            es="El valor debe ser un número entero.",
            pt="O valor deve ser um número inteiro.",
            en="The value must be a whole number.",
        ),
        OP.CONTEO_NEGATIVO: Sentence(
            es="Un conteo absoluto no puede ser negativo.",
            pt="Uma contagem absoluta não pode ser negativa.",
            en="A headcount cannot be negative.",
        ),
        OP.VALOR_GRANDE: Sentence(
            es="Un conteo de sala no puede pasar de {max} personas (¿un dígito de más?).",
            pt="Uma contagem de sala não pode passar de {max} pessoas (um dígito a mais?).",
            en="A room count cannot exceed {max} people (an extra digit?).",
        ),
        OP.DELTA_CERO: Sentence(
            es="Una variación de 0 no cambia nada.",
            pt="Uma variação de 0 não muda nada.",
            en="A change of 0 changes nothing.",
        ),
        OP.SIN_ZONA: Sentence(
            es="La hora de la operación debe llevar zona horaria.",
            pt="A hora da operação deve ter fuso horário.",
            en="The time of the operation needs a time zone.",
        ),
        OP.FALTA_IDENTIFICADOR: Sentence(
            es="Indique el ID, el e-mail o el documento de la persona.",
            pt="Indique o ID, o e-mail ou o documento da pessoa.",
            en="Give the person's ID, e-mail or document.",
        ),
        OP.EMAIL: Sentence(
            es="«{valor}» no parece un e-mail.",
            pt="«{valor}» não parece um e-mail.",
            en="«{valor}» does not look like an e-mail.",
        ),
        OP.DOCUMENTO: Sentence(
            es="El documento debe tener números o letras.",
            pt="O documento deve ter números ou letras.",
            en="The document must contain digits or letters.",
        ),
        OP.FALTA_NOMBRE: Sentence(es="Falta el nombre.", pt="Falta o nome.", en="The first name is missing."),
        OP.FALTA_APELLIDO: Sentence(es="Falta el apellido.", pt="Falta o sobrenome.", en="The surname is missing."),
        OP.FALTA_CONTACTO: Sentence(
            es="Indique el e-mail o el documento: es lo que identifica a la persona.",
            pt="Indique o e-mail ou o documento: é o que identifica a pessoa.",
            en="Give the e-mail or the document: that is what identifies the person.",
        ),
        OP.PAIS: Sentence(
            es="No se reconoce el país «{valor}»: escriba el nombre (Argentina, Brasil…) o el código (AR, BR).",
            pt="Não se reconhece o país «{valor}»: escreva o nome (Argentina, Brasil…) ou o código (AR, BR).",
            en="Unknown country «{valor}»: write its name (Argentina, Brasil…) or its code (AR, BR).",
        ),
        OP.GENERO: Sentence(
            es="No se reconoce el género «{valor}».",
            pt="Não se reconhece o gênero «{valor}».",
            en="Unknown gender «{valor}».",
        ),
    },
)

E = SendSentence
register(
    SendSentence,
    {
        E.ROL_CONTEO: Sentence(
            es="Solo el rol coordinación puede registrar esto.",
            pt="Só o papel coordenação pode registrar isto.",
            en="Only the coordination role can record this.",
        ),
        E.ROL_ACREDITACION: Sentence(
            es="Solo el rol organización puede registrar esto.",
            pt="Só o papel organização pode registrar isto.",
            en="Only the organisers' role can record this.",
        ),
        E.FALTA_PESTANA: Sentence(
            es="La planilla no tiene la pestaña «{pestana}»: agréguela con los encabezados {columnas} "
            "(python -m foro_data plantilla escribe un modelo).",
            pt="A planilha não tem a aba «{pestana}»: adicione-a com os cabeçalhos {columnas} "
            "(python -m foro_data plantilla grava um modelo).",
            en="The Sheet has no «{pestana}» tab: add it with the headers {columnas} "
            "(python -m foro_data plantilla writes a model).",
        ),
        E.SIN_ENCABEZADOS: Sentence(
            es="La pestaña «{pestana}» no tiene encabezados en la fila 1.",
            pt="A aba «{pestana}» não tem cabeçalhos na linha 1.",
            en="The «{pestana}» tab has no headers in row 1.",
        ),
        E.ENCABEZADOS_CAMBIARON: Sentence(
            es="Los encabezados de la planilla cambiaron; se vuelve a intentar.",
            pt="Os cabeçalhos da planilha mudaram; nova tentativa.",
            en="The Sheet's headers changed; trying again.",
        ),
        E.FALTA_COLUMNA: Sentence(
            es="La pestaña «{pestana}» no tiene la columna {columnas}: agréguela en la fila {fila} para poder registrar "
            "desde el tablero.",
            pt="A aba «{pestana}» não tem a coluna {columnas}: adicione-a na linha {fila} para poder registrar pelo painel.",
            en="The «{pestana}» tab has no {columnas} column: add it in row {fila} to record from the dashboard.",
        ),
        E.FALTA_ID_OPERACION: Sentence(
            es="La pestaña «{pestana}» no tiene la columna {columnas} (sin ella no se puede evitar contar dos veces una "
            "operación): agréguela en la fila {fila} para poder registrar desde el tablero.",
            pt="A aba «{pestana}» não tem a coluna {columnas} (sem ela não se pode evitar contar duas vezes uma "
            "operação): adicione-a na linha {fila} para poder registrar pelo painel.",
            en="The «{pestana}» tab has no {columnas} column (without it an operation could count twice): add it "
            "in row {fila} to record from the dashboard.",
        ),
        E.COLUMNA_PERDIDA: Sentence(
            es="La pestaña «{pestana}» no tiene la columna «{columna}»; ese dato no se guarda.",
            pt="A aba «{pestana}» não tem a coluna «{columna}»; esse dado não é gravado.",
            en="The «{pestana}» tab has no «{columna}» column; that value is not saved.",
        ),
        E.SIN_COLUMNA_IDENTIDAD: Sentence(
            es="La pestaña «{pestana}» no tiene columna para identificar a la persona por {tiene}: agregue esa columna "
            "en la fila {fila}.",
            pt="A aba «{pestana}» não tem coluna para identificar a pessoa por {tiene}: adicione essa coluna na linha {fila}.",
            en="The «{pestana}» tab has no column to identify the person by {tiene}: add that column in row {fila}.",
        ),
        E.ID_OPERACION_AGREGADA: Sentence(
            es="Se agregó el encabezado «{encabezado}» en la columna {columna} de la pestaña «{pestana}»: con él cada "
            "acreditación se registra una sola vez.",
            pt="Foi adicionado o cabeçalho «{encabezado}» na coluna {columna} da aba «{pestana}»: com ele cada "
            "credenciamento é registrado uma só vez.",
            en="The header «{encabezado}» was added in column {columna} of the «{pestana}» tab: with it each check-in "
            "is recorded once.",
        ),
        E.ID_OPERACION_NO_AGREGADA: Sentence(
            es="La pestaña «{pestana}» no tiene la columna «{encabezado}» y no se pudo agregar ({motivo}): agréguela "
            "en la fila 1 para poder registrar desde el tablero.",
            pt="A aba «{pestana}» não tem a coluna «{encabezado}» e não foi possível adicioná-la ({motivo}): "
            "adicione-a na linha 1 para poder registrar pelo painel.",
            en="The «{pestana}» tab has no «{encabezado}» column and it could not be added ({motivo}): add it in "
            "row 1 to record from the dashboard.",
        ),
    },
)


class DeskSentence(StrEnum):
    """What the desk and ``python -m foro_data acreditar`` say about the person looked up."""

    NO_INSCRIPTA = "mesa_no_inscripta"
    YA_ACREDITADA = "mesa_ya_acreditada"


D = DeskSentence
register(
    DeskSentence,
    {
        D.NO_INSCRIPTA: Sentence(
            es="no hay ninguna persona inscripta con el {campo} «{valor}». Para registrar su entrada igual, repita con "
            "--sin-inscripcion.",
            pt="não há nenhuma pessoa inscrita com o {campo} «{valor}». Para registrar a entrada mesmo assim, repita "
            "com --sin-inscripcion.",
            en="nobody is registered with the {campo} «{valor}». To record the entry anyway, repeat with "
            "--sin-inscripcion.",
        ),
        D.YA_ACREDITADA: Sentence(
            es="{nombre}: ya acreditado a las {hora}; no se registra de nuevo.",
            pt="{nombre}: já credenciado às {hora}; não se registra de novo.",
            en="{nombre}: already checked in at {hora}; not recorded again.",
        ),
    },
)
