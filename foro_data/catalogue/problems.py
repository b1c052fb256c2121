"""Sentences of the data core, keyed by code: why a cell or row of the workbook was not used (a
Problem's reason, and how to fix it), why a cell could not be read (``parse.ParseError``), and the
words the pages show for severities, funding states and kinds of support.

Spanish is the text of the Sheet's owners and the reference; Portuguese and English are for the
viewers who pick them (``?lang=``). Placeholders are filled by :func:`foro_data.errors.say`; a
placeholder that holds another sentence (a parse error inside a reason) is worded in the same
language.
"""

from enum import StrEnum

from foro_data.errors import Sentence, register


class ProblemSentence(StrEnum):
    # Tabs and headers
    PESTANA_REPETIDA = "problema.pestana_repetida"
    COLUMNA_REPETIDA = "problema.columna_repetida"
    COLUMNA_FALTANTE = "problema.columna_faltante"
    SIN_COLUMNA_IDENTIFICADORA = "problema.sin_columna_identificadora"
    PESTANA_INUTILIZABLE = "problema.pestana_inutilizable"
    PESTANA_FALTANTE = "problema.pestana_faltante"
    PESTANA_VACIA = "problema.pestana_vacia"
    # Evento
    EVENTO_INCOMPLETO = "problema.evento_incompleto"
    ZONA_HORARIA_INVALIDA = "problema.zona_horaria_invalida"
    FECHA_EVENTO = "problema.fecha_evento"
    META_INVALIDA = "problema.meta_invalida"
    # Inscripciones
    SIN_IDENTIFICACION = "problema.sin_identificacion"
    EMAIL_INVALIDO = "problema.email_invalido"
    PAIS_DESCONOCIDO = "problema.pais_desconocido"
    ROL_OTRO = "problema.rol_otro"
    GENERO_DESCONOCIDO = "problema.genero_desconocido"
    POSIBLE_DUPLICADO = "problema.posible_duplicado"
    DUPLICADO = "problema.duplicado"
    SIN_CONTACTO = "problema.sin_contacto"
    # Acreditaciones and Conteos
    ACREDITACION_SIN_IDENTIFICACION = "problema.acreditacion_sin_identificacion"
    MOVIMIENTO_INVALIDO = "problema.movimiento_invalido"
    OPERACION_REPETIDA = "problema.operacion_repetida"
    ANULACION_INVALIDA = "problema.anulacion_invalida"
    SIN_INSCRIPCION = "problema.sin_inscripcion"
    CONTEO_SIN_SALA = "problema.conteo_sin_sala"
    CONTEO_TIPO = "problema.conteo_tipo"
    CONTEO_NEGATIVO = "problema.conteo_negativo"
    CONTEO_GRANDE = "problema.conteo_grande"
    CONTEO_SALA_DESCONOCIDA = "problema.conteo_sala_desconocida"
    # Salas, Agenda, Ciudades
    SALA_SIN_NOMBRE = "problema.sala_sin_nombre"
    SALA_REPETIDA = "problema.sala_repetida"
    HORARIO_INVALIDO = "problema.horario_invalido"
    SESION_SIN_SALA = "problema.sesion_sin_sala"
    CIUDAD_VACIA = "problema.ciudad_vacia"
    # Apoyos and Presupuesto
    MONTO_FALTANTE = "problema.monto_faltante"
    MONEDA_APOYO = "problema.moneda_apoyo"
    MONEDA_PARTIDA = "problema.moneda_partida"
    ESTADO_DESCONOCIDO = "problema.estado_desconocido"
    APOYO_SIN_INSCRIPCION = "problema.apoyo_sin_inscripcion"
    # Places
    CIUDAD_NO_ENCONTRADA = "problema.ciudad_no_encontrada"
    CIUDAD_NO_INDICADA = "problema.ciudad_no_indicada"
    CIUDAD_AMBIGUA = "problema.ciudad_ambigua"
    # A cell that could not be read, and what that cost
    CON_CONSECUENCIA = "problema.con_consecuencia"


class FixSentence(StrEnum):
    PESTANA_REPETIDA = "arreglo.pestana_repetida"
    COLUMNA_REPETIDA = "arreglo.columna_repetida"
    COLUMNA_FALTANTE = "arreglo.columna_faltante"
    SIN_COLUMNA_IDENTIFICADORA = "arreglo.sin_columna_identificadora"
    ENCABEZADOS = "arreglo.encabezados"
    PESTANA_FALTANTE = "arreglo.pestana_faltante"
    PESTANA_VACIA = "arreglo.pestana_vacia"
    ZONA_HORARIA = "arreglo.zona_horaria"
    FECHA_EVENTO = "arreglo.fecha_evento"
    META = "arreglo.meta"
    SIN_IDENTIFICACION = "arreglo.sin_identificacion"
    EMAIL = "arreglo.email"
    FECHA_HORA = "arreglo.fecha_hora"
    PAIS = "arreglo.pais"
    ROL = "arreglo.rol"
    POSIBLE_DUPLICADO = "arreglo.posible_duplicado"
    DUPLICADO = "arreglo.duplicado"
    CONTACTO = "arreglo.contacto"
    HORA_ACREDITACION = "arreglo.hora_acreditacion"
    ACREDITACION_SIN_IDENTIFICACION = "arreglo.acreditacion_sin_identificacion"
    SIN_INSCRIPCION = "arreglo.sin_inscripcion"
    CAPACIDAD = "arreglo.capacidad"
    HORA_AGENDA = "arreglo.hora_agenda"
    HORARIO = "arreglo.horario"
    SALA = "arreglo.sala"
    MONTO_FALTANTE = "arreglo.monto_faltante"
    MONTO = "arreglo.monto"
    MONEDA = "arreglo.moneda"
    ESTADO = "arreglo.estado"
    APOYO_SIN_INSCRIPCION = "arreglo.apoyo_sin_inscripcion"
    COORDENADAS = "arreglo.coordenadas"
    CIUDADES = "arreglo.ciudades"


class Consequence(StrEnum):
    """What an unreadable cell cost; appended to the parse error (``problema.con_consecuencia``)."""

    ACREDITACION = "consecuencia.acreditacion"
    SALA_SIN_PORCENTAJE = "consecuencia.sala_sin_porcentaje"
    SESION = "consecuencia.sesion"
    FILA = "consecuencia.fila"
    EN_BLANCO = "consecuencia.en_blanco"
    CONTEO = "consecuencia.conteo"
    CORRECCION = "consecuencia.correccion"


class Word(StrEnum):
    """Pieces of sentences: why two rows were merged, which identifier differs."""

    POR_MARCA = "dedup.misma_persona"
    POR_EMAIL = "dedup.email"
    POR_DOCUMENTO = "dedup.documento"
    POR_NOMBRE = "dedup.nombre"
    POR_OTRO = "dedup.otro"
    EMAIL = "palabra.email"
    DOCUMENTO = "palabra.documento"
    SIN_CIUDAD = "palabra.sin_ciudad"


class ParseSentence(StrEnum):
    """``parse.ParseError.code``: why a cell is not a date, a time or a number."""

    FECHA_NO_RECONOCIDA = "parse.fecha_no_reconocida"
    FECHA_INEXISTENTE = "parse.fecha_inexistente"
    ORDEN_DMA = "parse.orden_dma"
    ORDEN_AMD = "parse.orden_amd"
    HORA_SIN_FECHA = "parse.hora_sin_fecha"
    FECHA_VACIA = "parse.fecha_vacia"
    HORA_INEXISTENTE = "parse.hora_inexistente"
    NUMERO_NO_RECONOCIDO = "parse.numero_no_reconocido"
    NUMERO_VACIO = "parse.numero_vacio"
    ENTERO = "parse.entero"
    CAPACIDAD_NEGATIVA = "parse.capacidad_negativa"
    COORDENADAS_FUERA = "parse.coordenadas_fuera"


class Label(StrEnum):
    """Words the pages show for codes of the data: severities, funding states, kinds of support.
    Funding states and kinds are the Sheet's own Spanish values (schema), shown translated."""

    GRAVEDAD_ERROR = "gravedad.error"
    GRAVEDAD_AVISO = "gravedad.aviso"
    ESTADO_SOLICITADO = "apoyo_estado.solicitado"
    ESTADO_EN_EVALUACION = "apoyo_estado.en_evaluacion"
    ESTADO_APROBADO = "apoyo_estado.aprobado"
    ESTADO_CONFIRMADO = "apoyo_estado.confirmado"
    ESTADO_PAGADO = "apoyo_estado.pagado"
    ESTADO_RECHAZADO = "apoyo_estado.rechazado"
    ESTADO_CANCELADO = "apoyo_estado.cancelado"
    TIPO_PASAJE = "apoyo_tipo.pasaje"
    TIPO_ALOJAMIENTO = "apoyo_tipo.alojamiento"
    TIPO_PASAJE_Y_ALOJAMIENTO = "apoyo_tipo.pasaje_y_alojamiento"
    TIPO_VIATICO = "apoyo_tipo.viatico"
    TIPO_INSCRIPCION = "apoyo_tipo.inscripcion"


P, F, C, W, X, L = ProblemSentence, FixSentence, Consequence, Word, ParseSentence, Label
S = Sentence

register(
    ProblemSentence,
    {
        P.PESTANA_REPETIDA: S(
            es="Hay dos pestañas para «{tab}»; se usa «{usada}» y se ignora «{ignorada}».",
            pt="Há duas abas para «{tab}»; usa-se «{usada}» e ignora-se «{ignorada}».",
            en="There are two tabs for «{tab}»; «{usada}» is used and «{ignorada}» is ignored.",
        ),
        P.COLUMNA_REPETIDA: S(
            es="La columna «{columna}» repite «{canonica}»; se usa la primera.",
            pt="A coluna «{columna}» repete «{canonica}»; usa-se a primeira.",
            en="The column «{columna}» repeats «{canonica}»; the first one is used.",
        ),
        P.COLUMNA_FALTANTE: S(
            es="Falta la columna obligatoria «{columna}» en la pestaña {tab}; no se puede usar la pestaña.",
            pt="Falta a coluna obrigatória «{columna}» na aba {tab}; a aba não pode ser usada.",
            en="The required column «{columna}» is missing from the tab {tab}; the tab cannot be used.",
        ),
        P.SIN_COLUMNA_IDENTIFICADORA: S(
            es="La pestaña {tab} no tiene ninguna columna que identifique a la persona ({columnas}); no se puede usar.",
            pt="A aba {tab} não tem nenhuma coluna que identifique a pessoa ({columnas}); não pode ser usada.",
            en="The tab {tab} has no column that identifies the person ({columnas}); it cannot be used.",
        ),
        P.PESTANA_INUTILIZABLE: S(
            es="Fila no leída: a la pestaña {tab} le faltan columnas obligatorias.",
            pt="Linha não lida: faltam colunas obrigatórias na aba {tab}.",
            en="Row not read: the tab {tab} is missing required columns.",
        ),
        P.PESTANA_FALTANTE: S(
            es="No se encontró la pestaña obligatoria «{tab}».",
            pt="A aba obrigatória «{tab}» não foi encontrada.",
            en="The required tab «{tab}» was not found.",
        ),
        P.PESTANA_VACIA: S(
            es="La pestaña «{titulo}» está vacía (ni siquiera tiene encabezados); no se usa.",
            pt="A aba «{titulo}» está vazia (nem sequer tem cabeçalhos); não é usada.",
            en="The tab «{titulo}» is empty (not even headers); it is not used.",
        ),
        P.EVENTO_INCOMPLETO: S(
            es="Fila de Evento sin clave o sin valor; se ignora.",
            pt="Linha de Evento sem chave ou sem valor; é ignorada.",
            en="Evento row without a key or a value; ignored.",
        ),
        P.META_INVALIDA: S(
            es="Parte de la meta de acreditados que no se entiende; se ignora.",
            pt="Parte da meta de credenciamentos que não se entende; é ignorada.",
            en="Part of the check-in target that cannot be read; ignored.",
        ),
        P.ZONA_HORARIA_INVALIDA: S(
            es="Zona horaria desconocida; se usa {zona}.",
            pt="Fuso horário desconhecido; usa-se {zona}.",
            en="Unknown time zone; {zona} is used.",
        ),
        P.FECHA_EVENTO: S(
            es="No se reconoce la fecha del evento; se usa {fecha}.",
            pt="A data do evento não é reconhecida; usa-se {fecha}.",
            en="The event date is not recognised; {fecha} is used.",
        ),
        P.SIN_IDENTIFICACION: S(
            es="La fila no tiene e-mail, documento, ID ni nombre y apellido: no se puede contar a nadie.",
            pt="A linha não tem e-mail, documento, ID nem nome e sobrenome: não se pode contar ninguém.",
            en="The row has no e-mail, document, ID or first and last name: nobody can be counted.",
        ),
        P.EMAIL_INVALIDO: S(
            es="«{email}» no parece un e-mail; la persona se cuenta pero no se la podrá identificar por e-mail.",
            pt="«{email}» não parece um e-mail; a pessoa é contada, mas não poderá ser identificada pelo e-mail.",
            en="«{email}» does not look like an e-mail; the person is counted but cannot be identified by e-mail.",
        ),
        P.PAIS_DESCONOCIDO: S(
            es="No se reconoce el país «{pais}»; la persona se cuenta sin país.",
            pt="O país «{pais}» não é reconhecido; a pessoa é contada sem país.",
            en="The country «{pais}» is not recognised; the person is counted without a country.",
        ),
        P.ROL_OTRO: S(
            es="«{valor}» no corresponde a ninguna categoría de rol; se cuenta como «otro».",
            pt="«{valor}» não corresponde a nenhuma categoria de função; conta como «outro».",
            en="«{valor}» matches no role category; it counts as “other”.",
        ),
        P.GENERO_DESCONOCIDO: S(
            es="No se reconoce el género «{genero}»; se cuenta como sin dato.",
            pt="O gênero «{genero}» não é reconhecido; conta como sem dado.",
            en="The gender «{genero}» is not recognised; it counts as not stated.",
        ),
        P.POSIBLE_DUPLICADO: S(
            es="Las filas {fila_a} y {fila_b} tienen el mismo nombre, apellido y ciudad ({nombre} {apellido}, {ciudad}) "
            "pero distinto {que} ({valores}); se cuentan como dos personas.",
            pt="As linhas {fila_a} e {fila_b} têm o mesmo nome, sobrenome e cidade ({nombre} {apellido}, {ciudad}), "
            "mas {que} diferente ({valores}); contam como duas pessoas.",
            en="Rows {fila_a} and {fila_b} have the same first name, last name and city ({nombre} {apellido}, {ciudad}) "
            "but a different {que} ({valores}); they count as two people.",
        ),
        P.DUPLICADO: S(
            es="La fila {fila} es la misma persona que la fila {primera} ({por}); se cuenta una vez.",
            pt="A linha {fila} é a mesma pessoa que a linha {primera} ({por}); conta uma vez.",
            en="Row {fila} is the same person as row {primera} ({por}); counted once.",
        ),
        P.SIN_CONTACTO: S(
            es="Sin e-mail ni documento: la persona se cuenta, pero en la acreditación solo se la encuentra por nombre.",
            pt="Sem e-mail nem documento: a pessoa é contada, mas no credenciamento só é encontrada pelo nome.",
            en="No e-mail or document: the person is counted, but at check-in they can only be found by name.",
        ),
        P.ACREDITACION_SIN_IDENTIFICACION: S(
            es="La acreditación no dice a quién corresponde (sin ID, e-mail ni documento); no se cuenta.",
            pt="O credenciamento não diz a quem corresponde (sem ID, e-mail nem documento); não é contado.",
            en="The check-in does not say whose it is (no ID, e-mail or document); not counted.",
        ),
        P.MOVIMIENTO_INVALIDO: S(
            es="Movimiento «{movimiento}» desconocido; use «entrada» o «salida». La fila no se cuenta.",
            pt="Movimento «{movimiento}» desconhecido; use «entrada» ou «salida». A linha não é contada.",
            en="Unknown movement «{movimiento}»; use «entrada» or «salida». The row is not counted.",
        ),
        P.OPERACION_REPETIDA: S(
            es="La operación ya figura en la fila {fila}; se cuenta una sola vez.",
            pt="A operação já consta na linha {fila}; conta uma só vez.",
            en="The operation is already in row {fila}; it is counted once.",
        ),
        P.ANULACION_INVALIDA: S(
            es="Una anulación debe indicar la operación que anula (anula:<id de operación>); se ignora.",
            pt="Uma anulação deve indicar a operação que anula (anula:<id de operación>); é ignorada.",
            en="A cancellation must name the operation it cancels (anula:<id de operación>); ignored.",
        ),
        P.SIN_INSCRIPCION: S(
            es="Acreditación de alguien que no figura en Inscripciones; se cuenta aparte, como «sin inscripción».",
            pt="Credenciamento de alguém que não consta em Inscripciones; é contado à parte, como «sem inscrição».",
            en="Check-in of someone not in Inscripciones; counted apart, as “without registration”.",
        ),
        P.CONTEO_SIN_SALA: S(
            es="Conteo sin sala; no se usa.",
            pt="Contagem sem sala; não é usada.",
            en="Headcount without a room; not used.",
        ),
        P.CONTEO_TIPO: S(
            es="Tipo de conteo «{tipo}» desconocido (use «conteo» o «delta»); no se usa.",
            pt="Tipo de contagem «{tipo}» desconhecido (use «conteo» ou «delta»); não é usada.",
            en="Unknown headcount type «{tipo}» (use «conteo» or «delta»); not used.",
        ),
        P.CONTEO_NEGATIVO: S(
            es="Un conteo absoluto no puede ser negativo; no se usa.",
            pt="Uma contagem absoluta não pode ser negativa; não é usada.",
            en="An absolute headcount cannot be negative; not used.",
        ),
        P.CONTEO_GRANDE: S(
            es="Un conteo de sala no puede pasar de {max} personas (¿un dígito de más?); no se usa.",
            pt="Uma contagem de sala não pode passar de {max} pessoas (um dígito a mais?); não é usada.",
            en="A room count cannot exceed {max} people (an extra digit?); not used.",
        ),
        P.CONTEO_SALA_DESCONOCIDA: S(
            es="La sala «{sala}» no figura en Salas ni en Agenda; este conteo no se usa.",
            pt="A sala «{sala}» não consta em Salas nem em Agenda; esta contagem não é usada.",
            en="The room «{sala}» is in neither Salas nor Agenda; this headcount is not used.",
        ),
        P.SALA_SIN_NOMBRE: S(
            es="Fila de Salas sin nombre de sala; se ignora.",
            pt="Linha de Salas sem nome de sala; é ignorada.",
            en="Salas row without a room name; ignored.",
        ),
        P.SALA_REPETIDA: S(
            es="La sala «{sala}» ya figura más arriba; se usa la primera.",
            pt="A sala «{sala}» já consta mais acima; usa-se a primeira.",
            en="The room «{sala}» is already listed above; the first one is used.",
        ),
        P.HORARIO_INVALIDO: S(
            es="La sesión termina antes de empezar; no se muestra.",
            pt="A sessão termina antes de começar; não é mostrada.",
            en="The session ends before it starts; not shown.",
        ),
        P.SESION_SIN_SALA: S(
            es="Sesión sin sala; no se muestra.",
            pt="Sessão sem sala; não é mostrada.",
            en="Session without a room; not shown.",
        ),
        P.CIUDAD_VACIA: S(
            es="Fila de Ciudades sin ciudad; no se usa.",
            pt="Linha de Ciudades sem cidade; não é usada.",
            en="Ciudades row without a city; not used.",
        ),
        P.MONTO_FALTANTE: S(
            es="Falta el monto; la fila no se cuenta.",
            pt="Falta o valor; a linha não é contada.",
            en="The amount is missing; the row is not counted.",
        ),
        P.MONEDA_APOYO: S(
            es="Moneda «{moneda}» desconocida; la solicitud no se suma a ningún presupuesto.",
            pt="Moeda «{moneda}» desconhecida; a solicitação não é somada a nenhum orçamento.",
            en="Unknown currency «{moneda}»; the request is not added to any budget.",
        ),
        P.MONEDA_PARTIDA: S(
            es="Moneda «{moneda}» desconocida; la partida no se suma.",
            pt="Moeda «{moneda}» desconhecida; a rubrica não é somada.",
            en="Unknown currency «{moneda}»; the budget line is not added.",
        ),
        P.ESTADO_DESCONOCIDO: S(
            es="Estado «{estado}» desconocido; la solicitud no se cuenta.",
            pt="Estado «{estado}» desconhecido; a solicitação não é contada.",
            en="Unknown status «{estado}»; the request is not counted.",
        ),
        P.APOYO_SIN_INSCRIPCION: S(
            es="La solicitud no corresponde a ninguna inscripción; se cuenta en el presupuesto sin datos de la persona.",
            pt="A solicitação não corresponde a nenhuma inscrição; entra no orçamento sem dados da pessoa.",
            en="The request matches no registration; it counts in the budget without the person's details.",
        ),
        P.CIUDAD_NO_ENCONTRADA: S(
            es="No se encontró la ciudad «{ciudad}» en el nomenclador; agréguela en la pestaña Ciudades con lat y lon.",
            pt="A cidade «{ciudad}» não foi encontrada no gazetteer; adicione-a na aba Ciudades com lat e lon.",
            en="The city «{ciudad}» is not in the gazetteer; add it to the Ciudades tab with lat and lon.",
        ),
        P.CIUDAD_NO_INDICADA: S(
            es="No se indicó la ciudad; la persona no aparece en el mapa.",
            pt="A cidade não foi informada; a pessoa não aparece no mapa.",
            en="No city was given; the person is not on the map.",
        ),
        P.CIUDAD_AMBIGUA: S(
            es="«{ciudad}» puede ser más de un lugar: se eligió {elegida}; otras posibilidades: {otras}. Si no es el "
            "correcto, agréguela en la pestaña Ciudades con lat y lon, o complete provincia y país.",
            pt="«{ciudad}» pode ser mais de um lugar: escolheu-se {elegida}; outras possibilidades: {otras}. Se não for "
            "o correto, adicione-a na aba Ciudades com lat e lon, ou complete estado e país.",
            en="«{ciudad}» can be more than one place: {elegida} was chosen; other candidates: {otras}. If it is not "
            "the right one, add it to the Ciudades tab with lat and lon, or fill in province and country.",
        ),
        P.CON_CONSECUENCIA: S(
            es="{detalle} {consecuencia}", pt="{detalle} {consecuencia}", en="{detalle} {consecuencia}"
        ),
    },
)

register(
    FixSentence,
    {
        F.PESTANA_REPETIDA: S(
            es="Renombre o borre la pestaña sobrante.",
            pt="Renomeie ou apague a aba sobrando.",
            en="Rename or delete the extra tab.",
        ),
        F.COLUMNA_REPETIDA: S(
            es="Renombre o borre la columna repetida.",
            pt="Renomeie ou apague a coluna repetida.",
            en="Rename or delete the repeated column.",
        ),
        F.COLUMNA_FALTANTE: S(
            es="Agregue en la fila {fila} una columna llamada «{columna}».",
            pt="Adicione na linha {fila} uma coluna chamada «{columna}».",
            en="Add a column called «{columna}» in row {fila}.",
        ),
        F.SIN_COLUMNA_IDENTIFICADORA: S(
            es="Agregue al menos una de esas columnas en la fila {fila}.",
            pt="Adicione pelo menos uma dessas colunas na linha {fila}.",
            en="Add at least one of those columns in row {fila}.",
        ),
        F.ENCABEZADOS: S(
            es="Corrija los encabezados de la fila {fila}.",
            pt="Corrija os cabeçalhos da linha {fila}.",
            en="Correct the headers in row {fila}.",
        ),
        F.PESTANA_FALTANTE: S(
            es="Cree una pestaña llamada {tab} con los encabezados de la plantilla.",
            pt="Crie uma aba chamada {tab} com os cabeçalhos do modelo.",
            en="Create a tab called {tab} with the template's headers.",
        ),
        F.PESTANA_VACIA: S(
            es="Copie en la fila 1 los encabezados de la plantilla ({encabezados}) o borre la pestaña.",
            pt="Copie na linha 1 os cabeçalhos do modelo ({encabezados}) ou apague a aba.",
            en="Copy the template's headers ({encabezados}) into row 1 or delete the tab.",
        ),
        F.META: S(
            es="Escriba hora=cantidad separadas por punto y coma, como 9:00=150; 10:00=300.",
            pt="Escreva hora=quantidade separadas por ponto e vírgula, como 9:00=150; 10:00=300.",
            en="Write time=count separated by semicolons, such as 9:00=150; 10:00=300.",
        ),
        F.ZONA_HORARIA: S(
            es="Use un nombre IANA como America/Argentina/Mendoza.",
            pt="Use um nome IANA como America/Argentina/Mendoza.",
            en="Use an IANA name such as America/Argentina/Mendoza.",
        ),
        F.FECHA_EVENTO: S(
            es="Escriba la fecha como 19/6/2025.",
            pt="Escreva a data como 19/6/2025.",
            en="Write the date as 19/6/2025 (day first).",
        ),
        F.SIN_IDENTIFICACION: S(
            es="Complete al menos el e-mail o el documento.",
            pt="Preencha pelo menos o e-mail ou o documento.",
            en="Fill in at least the e-mail or the document.",
        ),
        F.EMAIL: S(es="Corrija la dirección.", pt="Corrija o endereço.", en="Correct the address."),
        F.FECHA_HORA: S(
            es="Escriba la fecha como 19/6/2025 9:05.",
            pt="Escreva a data como 19/6/2025 9:05.",
            en="Write the date as 19/6/2025 9:05 (day first).",
        ),
        F.PAIS: S(
            es="Escriba el nombre del país (Argentina, Brasil, …) o su código (AR, BR).",
            pt="Escreva o nome do país (Argentina, Brasil, …) ou o seu código (AR, BR).",
            en="Write the country's name (Argentina, Brasil, …) or its code (AR, BR).",
        ),
        F.ROL: S(
            es="Complete la columna Rol con una categoría conocida.",
            pt="Preencha a coluna Rol com uma categoria conhecida.",
            en="Fill in the Rol column with a known category.",
        ),
        F.POSIBLE_DUPLICADO: S(
            es="Si son la misma persona, escriba una misma marca en la columna «misma_persona» de las dos filas "
            "(o corrija el {que}).",
            pt="Se forem a mesma pessoa, escreva uma mesma marca na coluna «misma_persona» das duas linhas "
            "(ou corrija o {que}).",
            en="If they are the same person, write the same mark in the «misma_persona» column of both rows "
            "(or correct the {que}).",
        ),
        F.DUPLICADO: S(
            es="Si son personas distintas, corrija el e-mail o el documento.",
            pt="Se forem pessoas diferentes, corrija o e-mail ou o documento.",
            en="If they are different people, correct the e-mail or the document.",
        ),
        F.CONTACTO: S(
            es="Complete el e-mail o el documento.",
            pt="Preencha o e-mail ou o documento.",
            en="Fill in the e-mail or the document.",
        ),
        F.HORA_ACREDITACION: S(
            es="Escriba la hora como 19/6/2025 9:05:33.",
            pt="Escreva a hora como 19/6/2025 9:05:33.",
            en="Write the time as 19/6/2025 9:05:33 (day first).",
        ),
        F.ACREDITACION_SIN_IDENTIFICACION: S(
            es="Complete el e-mail o el documento de la persona.",
            pt="Preencha o e-mail ou o documento da pessoa.",
            en="Fill in the person's e-mail or document.",
        ),
        F.SIN_INSCRIPCION: S(
            es="Si está inscripto con otro e-mail o documento, corrija uno de los dos.",
            pt="Se a pessoa se inscreveu com outro e-mail ou documento, corrija um dos dois.",
            en="If they registered with another e-mail or document, correct one of the two.",
        ),
        F.CAPACIDAD: S(
            es="Escriba la capacidad en números, por ejemplo 60.",
            pt="Escreva a capacidade em números, por exemplo 60.",
            en="Write the capacity in figures, for example 60.",
        ),
        F.HORA_AGENDA: S(
            es="Escriba la hora como 09:30.", pt="Escreva a hora como 09:30.", en="Write the time as 09:30."
        ),
        F.HORARIO: S(es="Corrija Inicio o Fin.", pt="Corrija Inicio ou Fin.", en="Correct Inicio or Fin."),
        F.SALA: S(es="Complete la columna Sala.", pt="Preencha a coluna Sala.", en="Fill in the Sala column."),
        F.MONTO_FALTANTE: S(
            es="Escriba el monto, por ejemplo 150.000.",
            pt="Escreva o valor, por exemplo 150.000.",
            en="Write the amount, for example 150.000.",
        ),
        F.MONTO: S(
            es="Escriba el monto en números, por ejemplo 150.000 o 1.234,50.",
            pt="Escreva o valor em números, por exemplo 150.000 ou 1.234,50.",
            en="Write the amount in figures, for example 150.000 or 1.234,50.",
        ),
        F.MONEDA: S(
            es="Use un código de moneda: ARS, USD, BRL, UYU…",
            pt="Use um código de moeda: ARS, USD, BRL, UYU…",
            en="Use a currency code: ARS, USD, BRL, UYU…",
        ),
        F.ESTADO: S(es="Use: {estados}.", pt="Use: {estados}.", en="Use: {estados}."),
        F.APOYO_SIN_INSCRIPCION: S(
            es="Use el mismo e-mail que en Inscripciones.",
            pt="Use o mesmo e-mail que em Inscripciones.",
            en="Use the same e-mail as in Inscripciones.",
        ),
        F.COORDENADAS: S(
            es="Escriba lat y lon en grados decimales, por ejemplo -32.92.",
            pt="Escreva lat e lon em graus decimais, por exemplo -32.92.",
            en="Write lat and lon in decimal degrees, for example -32.92.",
        ),
        F.CIUDADES: S(
            es="Agregue una fila en la pestaña Ciudades con ciudad, provincia, país, lat y lon.",
            pt="Adicione uma linha na aba Ciudades com cidade, estado, país, lat e lon.",
            en="Add a row to the Ciudades tab with city, province, country, lat and lon.",
        ),
    },
)

register(
    Consequence,
    {
        C.ACREDITACION: S(
            es="La acreditación no se cuenta.", pt="O credenciamento não é contado.", en="The check-in is not counted."
        ),
        C.SALA_SIN_PORCENTAJE: S(
            es="La sala se muestra sin porcentaje de ocupación.",
            pt="A sala é mostrada sem porcentagem de ocupação.",
            en="The room is shown without an occupancy percentage.",
        ),
        C.SESION: S(es="La sesión no se muestra.", pt="A sessão não é mostrada.", en="The session is not shown."),
        C.FILA: S(es="La fila no se cuenta.", pt="A linha não é contada.", en="The row is not counted."),
        C.EN_BLANCO: S(es="Se deja en blanco.", pt="Fica em branco.", en="It is left blank."),
        C.CONTEO: S(es="El conteo no se usa.", pt="A contagem não é usada.", en="The headcount is not used."),
        C.CORRECCION: S(es="La corrección no se usa.", pt="A correção não é usada.", en="The correction is not used."),
    },
)

register(
    Word,
    {
        W.POR_MARCA: S(
            es="misma persona según la columna misma_persona",
            pt="mesma pessoa segundo a coluna misma_persona",
            en="same person according to the misma_persona column",
        ),
        W.POR_EMAIL: S(es="mismo e-mail", pt="mesmo e-mail", en="same e-mail"),
        W.POR_DOCUMENTO: S(es="mismo documento", pt="mesmo documento", en="same document"),
        W.POR_NOMBRE: S(
            es="mismo nombre, apellido y ciudad",
            pt="mesmo nome, sobrenome e cidade",
            en="same first name, last name and city",
        ),
        W.POR_OTRO: S(es="misma persona", pt="mesma pessoa", en="same person"),
        W.EMAIL: S(es="e-mail", pt="e-mail", en="e-mail"),
        W.DOCUMENTO: S(es="documento", pt="documento", en="document"),
        W.SIN_CIUDAD: S(es="sin ciudad", pt="sem cidade", en="no city"),
    },
)

register(
    ParseSentence,
    {
        X.FECHA_NO_RECONOCIDA: S(
            es="No se reconoce la fecha «{valor}»; use dd/mm/aaaa hh:mm (día primero).",
            pt="A data «{valor}» não é reconhecida; use dd/mm/aaaa hh:mm (dia primeiro).",
            en="The date «{valor}» is not recognised; use dd/mm/yyyy hh:mm (day first).",
        ),
        X.FECHA_INEXISTENTE: S(
            es="La fecha «{valor}» no existe; se lee {orden}, revise el día y el mes.",
            pt="A data «{valor}» não existe; lê-se {orden}, revise o dia e o mês.",
            en="The date «{valor}» does not exist; it is read {orden}, check the day and the month.",
        ),
        X.ORDEN_DMA: S(es="día/mes/año", pt="dia/mês/ano", en="day/month/year"),
        X.ORDEN_AMD: S(es="año-mes-día", pt="ano-mês-dia", en="year-month-day"),
        X.HORA_SIN_FECHA: S(
            es="La hora «{valor}» no tiene fecha y no hay una fecha de referencia; use dd/mm/aaaa hh:mm (día primero).",
            pt="A hora «{valor}» não tem data e não há uma data de referência; use dd/mm/aaaa hh:mm (dia primeiro).",
            en="The time «{valor}» has no date and there is no reference date; use dd/mm/yyyy hh:mm (day first).",
        ),
        X.FECHA_VACIA: S(
            es="Falta la fecha y hora: la celda está vacía.",
            pt="Falta a data e hora: a célula está vazia.",
            en="The date and time are missing: the cell is empty.",
        ),
        X.HORA_INEXISTENTE: S(
            es="La hora «{valor}» no existe; use hh:mm entre 00:00 y 23:59.",
            pt="A hora «{valor}» não existe; use hh:mm entre 00:00 e 23:59.",
            en="The time «{valor}» does not exist; use hh:mm between 00:00 and 23:59.",
        ),
        X.NUMERO_NO_RECONOCIDO: S(
            es="No se reconoce el número «{valor}»; use por ejemplo 1.234,50.",
            pt="O número «{valor}» não é reconhecido; use por exemplo 1.234,50.",
            en="The number «{valor}» is not recognised; use for example 1.234,50.",
        ),
        X.NUMERO_VACIO: S(
            es="Falta el número: la celda está vacía.",
            pt="Falta o número: a célula está vazia.",
            en="The number is missing: the cell is empty.",
        ),
        X.ENTERO: S(
            es="Se esperaba un número entero y se leyó «{valor}».",
            pt="Esperava-se um número inteiro e leu-se «{valor}».",
            en="A whole number was expected and «{valor}» was read.",
        ),
        X.CAPACIDAD_NEGATIVA: S(
            es="La capacidad «{valor}» no puede ser negativa.",
            pt="A capacidade «{valor}» não pode ser negativa.",
            en="The capacity «{valor}» cannot be negative.",
        ),
        X.COORDENADAS_FUERA: S(
            es="Coordenadas fuera de rango ({lat}, {lon}).",
            pt="Coordenadas fora do intervalo ({lat}, {lon}).",
            en="Coordinates out of range ({lat}, {lon}).",
        ),
    },
)

register(
    Label,
    {
        L.GRAVEDAD_ERROR: S(es="error: no se usó", pt="erro: não foi usado", en="error: not used"),
        L.GRAVEDAD_AVISO: S(es="aviso: se usó", pt="aviso: foi usado", en="warning: used"),
        L.ESTADO_SOLICITADO: S(es="solicitado", pt="solicitado", en="requested"),
        L.ESTADO_EN_EVALUACION: S(es="en evaluación", pt="em avaliação", en="under review"),
        L.ESTADO_APROBADO: S(es="aprobado", pt="aprovado", en="approved"),
        L.ESTADO_CONFIRMADO: S(es="confirmado", pt="confirmado", en="confirmed"),
        L.ESTADO_PAGADO: S(es="pagado", pt="pago", en="paid"),
        L.ESTADO_RECHAZADO: S(es="rechazado", pt="recusado", en="rejected"),
        L.ESTADO_CANCELADO: S(es="cancelado", pt="cancelado", en="cancelled"),
        L.TIPO_PASAJE: S(es="pasaje", pt="passagem", en="travel"),
        L.TIPO_ALOJAMIENTO: S(es="alojamiento", pt="hospedagem", en="lodging"),
        L.TIPO_PASAJE_Y_ALOJAMIENTO: S(es="pasaje y alojamiento", pt="passagem e hospedagem", en="travel and lodging"),
        L.TIPO_VIATICO: S(es="viático", pt="diária", en="per diem"),
        L.TIPO_INSCRIPCION: S(es="inscripción", pt="inscrição", en="registration fee"),
    },
)
