"""Sentences of the Sheets transport (``foro_data.sources.sheets_http``): why a read or a write
failed, keyed by code. The stable code a caller branches on is ``SheetsFailure.code``; these keys
name the sentence that words it."""

from enum import StrEnum

from foro_data.errors import Sentence, register


class SheetsSentence(StrEnum):
    CUOTA_LECTURA = "sheets_cuota_lectura"
    CUOTA_ESCRITURA = "sheets_cuota_escritura"
    REINTENTO_EN = "sheets_reintento_en"
    PERMISO = "sheets_permiso"
    SOLO_LECTURA = "sheets_solo_lectura"
    NO_EXISTE = "sheets_no_existe"
    CLAVE_ILEGIBLE = "sheets_clave_ilegible"
    CREDENCIALES_NO_ACEPTADAS = "sheets_credenciales_no_aceptadas"
    CREDENCIALES_INVALIDAS = "sheets_credenciales_invalidas"
    CUENTA_RECHAZADA = "sheets_cuenta_rechazada"
    SERVIDOR = "sheets_servidor"
    ILEGIBLE_HTTP = "sheets_ilegible_http"
    ILEGIBLE_JSON = "sheets_ilegible_json"
    RECHAZO_LECTURA = "sheets_rechazo_lectura"
    RECHAZO_ESCRITURA = "sheets_rechazo_escritura"
    RANGO = "sheets_rango"
    TIEMPO = "sheets_tiempo"
    CORTADA = "sheets_cortada"
    SIN_CONEXION = "sheets_sin_conexion"
    FALLO_CONEXION = "sheets_fallo_conexion"
    INESPERADO = "sheets_inesperado"


S = SheetsSentence
register(
    SheetsSentence,
    {
        S.CUOTA_LECTURA: Sentence(
            es="Google limitó las lecturas de la planilla (cuota de 60 lecturas por minuto).",
            pt="O Google limitou as leituras da planilha (cota de 60 leituras por minuto).",
            en="Google throttled reads of the Sheet (quota of 60 reads a minute).",
        ),
        S.CUOTA_ESCRITURA: Sentence(
            es="Google limitó las solicitudes a la planilla (60 por minuto); las escrituras esperan y se reintentan.",
            pt="O Google limitou as solicitações à planilha (60 por minuto); as gravações aguardam e são repetidas.",
            en="Google throttled requests to the Sheet (60 a minute); writes wait and are retried.",
        ),
        S.REINTENTO_EN: Sentence(
            es=" Se reintenta en {segundos:g} s.",
            pt=" Nova tentativa em {segundos:g} s.",
            en=" Retrying in {segundos:g} s.",
        ),
        S.PERMISO: Sentence(
            es="La planilla no está compartida con la cuenta de servicio {email}.",
            pt="A planilha não está compartilhada com a conta de serviço {email}.",
            en="The Sheet is not shared with the service account {email}.",
        ),
        S.SOLO_LECTURA: Sentence(
            es="La cuenta de servicio solo tiene permiso de lectura: compártala como Editor para registrar conteos y "
            "acreditaciones.",
            pt="A conta de serviço só tem permissão de leitura: compartilhe como Editor para registrar contagens e "
            "credenciamentos.",
            en="The service account can only read: share the Sheet with it as Editor to record counts and check-ins.",
        ),
        S.NO_EXISTE: Sentence(
            es="No existe una planilla con la clave {clave}: revise [foro] planilla.",
            pt="Não existe uma planilha com a chave {clave}: revise [foro] planilla.",
            en="There is no Sheet with the key {clave}: check [foro] planilla.",
        ),
        S.CLAVE_ILEGIBLE: Sentence(
            es="No se reconoce la clave de la planilla en «{texto}»: pegue la URL completa "
            "(https://docs.google.com/spreadsheets/d/…) o solo la clave.",
            pt="Não se reconhece a chave da planilha em «{texto}»: cole a URL completa "
            "(https://docs.google.com/spreadsheets/d/…) ou só a chave.",
            en="No Sheet key found in «{texto}»: paste the whole URL (https://docs.google.com/spreadsheets/d/…) "
            "or just the key.",
        ),
        S.CREDENCIALES_NO_ACEPTADAS: Sentence(
            es="Google no aceptó las credenciales de {email}.",
            pt="O Google não aceitou as credenciais de {email}.",
            en="Google did not accept the credentials of {email}.",
        ),
        S.CREDENCIALES_INVALIDAS: Sentence(
            es="La clave de la cuenta de servicio en secrets.toml no es válida ({error}): pegue el JSON completo que "
            "descargó de Google Cloud.",
            pt="A chave da conta de serviço em secrets.toml não é válida ({error}): cole o JSON completo que baixou "
            "do Google Cloud.",
            en="The service account key in secrets.toml is not valid ({error}): paste the whole JSON downloaded "
            "from Google Cloud.",
        ),
        S.CUENTA_RECHAZADA: Sentence(
            es="Google rechazó la cuenta de servicio {email}: revise la clave en secrets.toml (¿fue borrada o "
            "regenerada?).",
            pt="O Google recusou a conta de serviço {email}: revise a chave em secrets.toml (foi apagada ou "
            "regenerada?).",
            en="Google refused the service account {email}: check the key in secrets.toml (was it deleted or "
            "regenerated?).",
        ),
        S.SERVIDOR: Sentence(
            es="Google Sheets tuvo un error del servidor (HTTP {status}).",
            pt="O Google Sheets teve um erro de servidor (HTTP {status}).",
            en="Google Sheets had a server error (HTTP {status}).",
        ),
        S.ILEGIBLE_HTTP: Sentence(
            es="Google Sheets devolvió una respuesta ilegible (HTTP {status}).",
            pt="O Google Sheets devolveu uma resposta ilegível (HTTP {status}).",
            en="Google Sheets sent an unreadable answer (HTTP {status}).",
        ),
        S.ILEGIBLE_JSON: Sentence(
            es="Google Sheets devolvió una respuesta ilegible (JSON incompleto).",
            pt="O Google Sheets devolveu uma resposta ilegível (JSON incompleto).",
            en="Google Sheets sent an unreadable answer (incomplete JSON).",
        ),
        S.RECHAZO_LECTURA: Sentence(
            es="Google Sheets rechazó la lectura (HTTP {status}): {mensaje}",
            pt="O Google Sheets recusou a leitura (HTTP {status}): {mensaje}",
            en="Google Sheets refused the read (HTTP {status}): {mensaje}",
        ),
        S.RECHAZO_ESCRITURA: Sentence(
            es="Google Sheets rechazó la escritura (HTTP {status}): {mensaje}",
            pt="O Google Sheets recusou a gravação (HTTP {status}): {mensaje}",
            en="Google Sheets refused the write (HTTP {status}): {mensaje}",
        ),
        S.RANGO: Sentence(
            es="Una pestaña de la planilla cambió de nombre; se vuelve a intentar.",
            pt="Uma aba da planilha mudou de nome; nova tentativa.",
            en="A tab of the Sheet was renamed; trying again.",
        ),
        S.TIEMPO: Sentence(
            es="Google Sheets no respondió a tiempo (más de {segundos:g} s).",
            pt="O Google Sheets não respondeu a tempo (mais de {segundos:g} s).",
            en="Google Sheets did not answer in time (over {segundos:g} s).",
        ),
        S.CORTADA: Sentence(
            es="Google Sheets cortó la conexión sin responder.",
            pt="O Google Sheets cortou a conexão sem responder.",
            en="Google Sheets dropped the connection without answering.",
        ),
        S.SIN_CONEXION: Sentence(
            es="No hay conexión con Google Sheets (sin red o servidor inaccesible).",
            pt="Não há conexão com o Google Sheets (sem rede ou servidor inacessível).",
            en="No connection to Google Sheets (no network or server unreachable).",
        ),
        S.FALLO_CONEXION: Sentence(
            es="Falló la conexión con Google Sheets ({error}).",
            pt="A conexão com o Google Sheets falhou ({error}).",
            en="The connection to Google Sheets failed ({error}).",
        ),
        S.INESPERADO: Sentence(
            es="Error inesperado al hablar con la planilla ({error}).",
            pt="Erro inesperado ao falar com a planilha ({error}).",
            en="Unexpected error talking to the Sheet ({error}).",
        ),
    },
)
