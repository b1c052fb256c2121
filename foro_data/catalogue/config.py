"""Sentences of ``foro_data.config.ConfigError``: why the configuration file is unusable, keyed by
code. Keys, values and file paths are quoted as they are written in the file."""

from enum import StrEnum

from foro_data.errors import Sentence, register


class ConfigCode(StrEnum):
    NO_EXISTE = "config.no_existe"
    NO_ES_TOML = "config.no_es_toml"
    DEMO_INICIO = "config.demo_inicio"
    DEMO_VELOCIDAD = "config.demo_velocidad"
    CLAVE_DESCONOCIDA = "config.clave_desconocida"
    FUENTE_INVALIDA = "config.fuente_invalida"
    FALTA_ARCHIVO = "config.falta_archivo"
    REFRESCO = "config.refresco"
    FALTA_PLANILLA = "config.falta_planilla"
    FALTA_CUENTA = "config.falta_cuenta"


K = ConfigCode
register(
    ConfigCode,
    {
        K.NO_EXISTE: Sentence(
            es="No existe el archivo de configuración {ruta}.",
            pt="O arquivo de configuração {ruta} não existe.",
            en="The configuration file {ruta} does not exist.",
        ),
        K.NO_ES_TOML: Sentence(
            es="El archivo de configuración {ruta} no es TOML válido: {detalle}.",
            pt="O arquivo de configuração {ruta} não é TOML válido: {detalle}.",
            en="The configuration file {ruta} is not valid TOML: {detalle}.",
        ),
        K.DEMO_INICIO: Sentence(
            es='[foro] demo_inicio = "{inicio}" debe ser una hora entre 00:00 y 19:59, por ejemplo "08:00".',
            pt='[foro] demo_inicio = "{inicio}" deve ser uma hora entre 00:00 e 19:59, por exemplo "08:00".',
            en='[foro] demo_inicio = "{inicio}" must be a time between 00:00 and 19:59, for example "08:00".',
        ),
        K.DEMO_VELOCIDAD: Sentence(
            es="[foro] demo_velocidad debe ser un número mayor que 0 (minutos del foro por minuto real).",
            pt="[foro] demo_velocidad deve ser um número maior que 0 (minutos do fórum por minuto real).",
            en="[foro] demo_velocidad must be a number above 0 (forum minutes per real minute).",
        ),
        K.CLAVE_DESCONOCIDA: Sentence(
            es="Clave desconocida en [foro]: {claves}.",
            pt="Chave desconhecida em [foro]: {claves}.",
            en="Unknown key in [foro]: {claves}.",
        ),
        K.FUENTE_INVALIDA: Sentence(
            es='[foro] fuente = "{fuente}" no es válida: use "demo", "archivo" o "gsheets".',
            pt='[foro] fuente = "{fuente}" não é válida: use "demo", "archivo" ou "gsheets".',
            en='[foro] fuente = "{fuente}" is not valid: use "demo", "archivo" or "gsheets".',
        ),
        K.FALTA_ARCHIVO: Sentence(
            es='[foro] fuente = "archivo" necesita archivo = "ruta/al/libro.xlsx".',
            pt='[foro] fuente = "archivo" precisa de archivo = "ruta/al/libro.xlsx".',
            en='[foro] fuente = "archivo" needs archivo = "ruta/al/libro.xlsx".',
        ),
        K.REFRESCO: Sentence(
            es="[foro] refresco_segundos debe ser un número de segundos.",
            pt="[foro] refresco_segundos deve ser um número de segundos.",
            en="[foro] refresco_segundos must be a number of seconds.",
        ),
        K.FALTA_PLANILLA: Sentence(
            es='[foro] fuente = "gsheets" necesita planilla = "URL o clave de la planilla".',
            pt='[foro] fuente = "gsheets" precisa de planilla = "URL o clave de la planilla".',
            en='[foro] fuente = "gsheets" needs planilla = "URL o clave de la planilla" (the Sheet\'s URL or key).',
        ),
        K.FALTA_CUENTA: Sentence(
            es="Falta la cuenta de servicio: agregue la sección [gcp_service_account].",
            pt="Falta a conta de serviço: adicione a seção [gcp_service_account].",
            en="The service account is missing: add the [gcp_service_account] section.",
        ),
    },
)
