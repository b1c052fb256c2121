"""Every sentence of the partners' report and downloads, in Spanish, Portuguese and English.

Labels of roles, genders and Problem kinds come from foro_data/catalogue/etiquetas.py, the copy
the pages use too.
"""

from __future__ import annotations

from ..catalogue.etiquetas import ETIQUETAS

LANGS: tuple[str, ...] = ("es", "pt", "en")

_T: dict[str, tuple[str, str, str]] = {
    **ETIQUETAS,  # roles, genders, Problem kinds (shared with the pages)
    "titulo": ("Informe de participación", "Relatório de participação", "Participation report"),
    "para": ("Preparado para {red}", "Preparado para {red}", "Prepared for {red}"),
    "para_todas": (
        "Para las redes socias del foro",
        "Para as redes parceiras do fórum",
        "For the forum's partner networks",
    ),
    "fecha": ("Fecha", "Data", "Date"),
    "sede": ("Sede", "Local", "Venue"),
    "organiza": ("Organizan", "Organizam", "Organised by"),
    "cifras_a": ("Cifras al {hora}", "Números de {hora}", "Figures as of {hora}"),
    "hora_local": ("hora de {zona}", "horário de {zona}", "{zona} time"),
    "desactualizado": (
        "Datos de la última lectura válida ({hora}): la planilla no respondía.",
        "Dados da última leitura válida ({hora}): a planilha não respondia.",
        "Data from the last good read ({hora}): the spreadsheet was not answering.",
    ),
    "cifras": ("Cifras principales", "Números principais", "Headline figures"),
    "inscriptos": ("Inscriptos", "Inscritos", "Registered"),
    "acreditados": ("Acreditados", "Credenciados", "Checked in"),
    "asistencia": ("Asistencia", "Comparecimento", "Attendance"),
    "intendencias": ("Intendencias acreditadas", "Prefeituras credenciadas", "Mayors checked in"),
    "def.inscriptos": (
        "Personas distintas inscriptas, sin contar dos veces a quien se inscribió más de una vez.",
        "Pessoas distintas inscritas, sem contar duas vezes quem se inscreveu mais de uma vez.",
        "Distinct people registered; someone who registered twice counts once.",
    ),
    "def.acreditados": (
        "Inscriptos que registraron su entrada al foro al menos una vez.",
        "Inscritos que registraram sua entrada no fórum ao menos uma vez.",
        "Registered people who checked in at least once.",
    ),
    "def.asistencia": ("Acreditados ÷ inscriptos.", "Credenciados ÷ inscritos.", "Checked in ÷ registered."),
    "def.intendencias": (
        "Intendentes, alcaldes y prefeitos (titulares, también interinos) acreditados, de {total} inscriptos.",
        "Prefeitos, intendentes e alcaides (titulares, também interinos) credenciados, de {total} inscritos.",
        "Mayors (holders, acting ones included) checked in, of {total} registered.",
    ),
    "resumen": ("Resumen", "Resumo", "Summary"),
    "resumen.texto": (
        "Se inscribieron {inscriptos} personas de {paises} países y {ciudades} ciudades; {acreditados} se "
        "acreditaron ({asistencia}). Participaron {intendencias} intendencias. {pais_top} aportó la mayor "
        "cantidad de participantes ({pais_top_n}), y el eje de interés más elegido fue «{eje_top}».",
        "Inscreveram-se {inscriptos} pessoas de {paises} países e {ciudades} cidades; {acreditados} se "
        "credenciaram ({asistencia}). Participaram {intendencias} prefeituras. {pais_top} trouxe o maior "
        "número de participantes ({pais_top_n}), e o eixo de interesse mais escolhido foi «{eje_top}».",
        "{inscriptos} people registered from {paises} countries and {ciudades} cities; {acreditados} checked "
        "in ({asistencia}). {intendencias} mayors took part. {pais_top} brought the most participants "
        "({pais_top_n}), and the most chosen axis of interest was “{eje_top}”.",
    ),
    "resumen.red": (
        " {n_red} inscriptos declararon pertenecer a {red}.",
        " {n_red} inscritos declararam pertencer a {red}.",
        " {n_red} registered people said they belong to {red}.",
    ),
    "participacion": ("Participación", "Participação", "Participation"),
    "por_pais": ("Por país", "Por país", "By country"),
    "por_ciudad": ("Por ciudad", "Por cidade", "By city"),
    "por_rol": ("Por rol", "Por função", "By role"),
    "por_red": ("Por red", "Por rede", "By network"),
    "por_eje": ("Por eje de interés", "Por eixo de interesse", "By axis of interest"),
    "paridad": ("Paridad entre intendencias", "Paridade entre prefeituras", "Gender parity among mayors"),
    "nota.varios": (
        "Cada persona puede elegir más de una opción: la suma supera el total.",
        "Cada pessoa pode escolher mais de uma opção: a soma supera o total.",
        "Each person may choose more than one: the rows add up to more than the total.",
    ),
    "nota.miembro": (
        "★ ciudad miembro de {red}.",
        "★ cidade membro de {red}.",
        "★ member city of {red}.",
    ),
    "nota.miembro_todas": (
        "★ ciudad miembro de una red socia.",
        "★ cidade membro de uma rede parceira.",
        "★ member city of a partner network.",
    ),
    "col.pais": ("País", "País", "Country"),
    "col.ciudad": ("Ciudad", "Cidade", "City"),
    "col.rol": ("Rol", "Função", "Role"),
    "col.red": ("Red", "Rede", "Network"),
    "col.eje": ("Eje de interés", "Eixo de interesse", "Axis of interest"),
    "col.genero": ("Género", "Gênero", "Gender"),
    "col.miembro": ("Ciudad miembro", "Cidade membro", "Member city"),
    "col.inscriptos": ("Inscriptos", "Inscritos", "Registered"),
    "col.acreditados": ("Acreditados", "Credenciados", "Checked in"),
    "col.asistencia": ("Asistencia", "Comparecimento", "Attendance"),
    "col.inscriptos_corto": ("Inscr.", "Inscr.", "Reg."),
    "col.acreditados_corto": ("Acred.", "Cred.", "In"),
    "col.sala": ("Sala", "Sala", "Room"),
    "col.sesion": ("Sesión", "Sessão", "Session"),
    "col.horario": ("Horario", "Horário", "Time"),
    "col.pico": ("Pico", "Pico", "Peak"),
    "col.capacidad": ("Capacidad", "Capacidade", "Capacity"),
    "col.ocupacion": ("Ocupación", "Ocupação", "Occupancy"),
    "col.clave": ("Dato", "Dado", "Item"),
    "col.valor": ("Valor", "Valor", "Value"),
    "sin_dato": ("(sin dato)", "(sem dado)", "(not stated)"),
    "sin_ubicar": ("(ciudad no ubicada)", "(cidade não localizada)", "(city not placed)"),
    "otras": ("Otras", "Outras", "Other"),
    "otras_ciudades": ("(varias ciudades)", "(várias cidades)", "(several cities)"),
    "ciudades.recorte": (
        "Se muestran {n} de {total} filas; la lista completa está en la descarga XLSX.",
        "Mostram-se {n} de {total} linhas; a lista completa está no download XLSX.",
        "{n} of {total} rows shown; the full list is in the XLSX download.",
    ),
    "sesiones": ("Sesiones", "Sessões", "Sessions"),
    "sesiones.nota": (
        "Ocupación máxima de cada sala durante cada sesión (conteos de la sala o, sin ellos, entradas "
        "registradas), observada cada {min} minutos.",
        "Ocupação máxima de cada sala durante cada sessão (contagens da sala ou, sem elas, entradas "
        "registradas), observada a cada {min} minutos.",
        "Highest occupancy of each room during each session (room headcounts or, without them, recorded "
        "entries), read every {min} minutes.",
    ),
    "sin_lectura": ("sin dato", "sem dado", "no data"),
    "graficos": ("Gráficos", "Gráficos", "Charts"),
    "curva": (
        "Llegadas: acreditaciones acumuladas",
        "Chegadas: credenciamentos acumulados",
        "Arrivals: cumulative check-ins",
    ),
    "curva.eje": ("Acreditados", "Credenciados", "Checked in"),
    "barras_pais": (
        "Inscriptos y acreditados por país",
        "Inscritos e credenciados por país",
        "Registered and checked in by country",
    ),
    "mapa": ("Ciudades de origen", "Cidades de origem", "Cities of origin"),
    "mapa.nota": (
        "Círculo proporcional a los inscriptos; un punto pequeño es una ciudad cuyo número está oculto («<3» o «x»).",
        "Círculo proporcional aos inscritos; um ponto pequeno é uma cidade cujo número está oculto («<3» ou «x»).",
        "Circle area follows registrations; a small dot is a city whose count is hidden (“<3” or “x”).",
    ),
    "metodo": ("Nota metodológica", "Nota metodológica", "Methods note"),
    "metodo.fuente": (
        "Fuente: {fuente}, leída el {leido}. Las cifras corresponden a {hora}.",
        "Fonte: {fuente}, lida em {leido}. Os números correspondem a {hora}.",
        "Source: {fuente}, read on {leido}. The figures are as of {hora}.",
    ),
    "fuente.demo": (
        "datos de demostración (foro simulado)",
        "dados de demonstração (fórum simulado)",
        "demonstration data (a simulated forum)",
    ),
    "fuente.archivo": ("libro de cálculo local", "planilha local", "local workbook"),
    "fuente.gsheets": (
        "planilla de Google del equipo organizador",
        "planilha Google da equipe organizadora",
        "the organisers' Google Sheet",
    ),
    "metodo.dedup": (
        "Duplicados: dos filas son la misma persona si comparten correo, o documento, o nombre, apellido y "
        "ciudad, y nada las contradice. Se unieron {n} filas.",
        "Duplicados: duas linhas são a mesma pessoa se compartilham e-mail, ou documento, ou nome, sobrenome "
        "e cidade, e nada as contradiz. Foram unidas {n} linhas.",
        "Duplicates: two rows are the same person when they share an e-mail, or a document, or name, surname "
        "and city, and nothing contradicts it. {n} rows were merged.",
    ),
    "metodo.supresion": (
        "Privacidad: el informe solo tiene totales. «<3» indica 1 o 2 personas; «x» oculta un número de 3 o "
        "más para que una celda «<3» no pueda deducirse de los totales. Las redes y ejes con menos de 3 "
        "personas se agrupan en «Otras».",
        "Privacidade: o relatório só tem totais. «<3» indica 1 ou 2 pessoas; «x» oculta um número de 3 ou "
        "mais para que uma célula «<3» não possa ser deduzida dos totais. Redes e eixos com menos de 3 "
        "pessoas são agrupados em «Outras».",
        "Privacy: the report holds totals only. “<3” means 1 or 2 people; “x” hides a number of 3 or more so "
        "that a “<3” cell cannot be worked out from the totals. Networks and axes with fewer than 3 people "
        "are pooled under “Other”.",
    ),
    "metodo.descartadas": (
        "Filas o celdas que no se usaron: {n}.",
        "Linhas ou células não usadas: {n}.",
        "Rows or cells left out: {n}.",
    ),
    "metodo.ninguna": ("No se dejó ninguna fila afuera.", "Nenhuma linha ficou de fora.", "No row was left out."),
    "metodo.sin_ubicar": (
        "Inscriptos cuya ciudad no se pudo ubicar en el mapa: {n}.",
        "Inscritos cuja cidade não pôde ser localizada no mapa: {n}.",
        "Registered people whose city could not be placed on the map: {n}.",
    ),
    "pagina": ("Página {n} de {total}", "Página {n} de {total}", "Page {n} of {total}"),
    "pie": ("Foro en vivo · {evento}", "Foro en vivo · {evento}", "Foro en vivo · {evento}"),
    "acerca": ("Acerca de", "Sobre", "About"),
    "acerca.evento": ("Evento", "Evento", "Event"),
    "acerca.hora": ("Hora de las cifras", "Hora dos números", "Time of the figures"),
    "acerca.fuente": ("Fuente", "Fonte", "Source"),
    "acerca.supresion": ("Regla de supresión", "Regra de supressão", "Suppression rule"),
    "archivo.informe": ("informe", "relatorio", "report"),
    "archivo.tablas": ("tablas", "tabelas", "tables"),
}


def t(key: str, lang: str = "es", **values: object) -> str:
    """The text for ``key`` in ``lang`` (Spanish when the language is unknown), formatted.

    >>> t("para", "pt", red="Mercociudades")
    'Preparado para Mercociudades'
    """
    texts = _T[key]
    i = LANGS.index(lang) if lang in LANGS else 0
    text = texts[i] or texts[0]
    return text.format(**values) if values else text


def has(key: str) -> bool:
    return key in _T


def kind_label(kind: str, lang: str) -> str:
    key = f"kind.{kind}"
    return t(key, lang) if key in _T else kind.replace("_", " ")


MESES: dict[str, tuple[str, ...]] = {
    "es": (
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
    "pt": (
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def fecha_larga(d, lang: str) -> str:
    """The event date as written in each language.

    >>> from datetime import date
    >>> fecha_larga(date(2025, 6, 19), "pt"), fecha_larga(date(2025, 6, 19), "en")
    ('19 de junho de 2025', '19 June 2025')
    """
    mes = MESES.get(lang, MESES["es"])[d.month - 1]
    return f"{d.day} {mes} {d.year}" if lang == "en" else f"{d.day} de {mes} de {d.year}"
