"""Every user-facing string of the dashboard, in Spanish, Portuguese and English.

Spanish is the default; ``?lang=pt`` and ``?lang=en`` switch. A test checks that every key has
all three languages and the same ``{placeholders}``.
"""

from __future__ import annotations

from foro_data.catalogue.etiquetas import ETIQUETAS

LANGS: tuple[str, ...] = ("es", "pt", "en")
DEFAULT_LANG = "es"

# key -> (es, pt, en)
_T: dict[str, tuple[str, str, str]] = {
    **ETIQUETAS,  # roles, genders, Problem kinds (shared with the report)
    # --- app and navigation
    "app.titulo": ("Foro en vivo", "Fórum ao vivo", "Forum live"),
    "page.en_vivo": ("En vivo", "Ao vivo", "Live"),
    "page.salas": ("Salas", "Salas", "Rooms"),
    "page.mapa": ("Mapa", "Mapa", "Map"),
    "page.socios": ("Socios", "Parceiros", "Partners"),
    "page.apoyos": ("Apoyos", "Apoios", "Funding"),
    "page.personas": ("Personas", "Pessoas", "People"),
    "page.calidad": ("Calidad de datos", "Qualidade dos dados", "Data quality"),
    "nav.seccion.evento": ("Evento", "Evento", "Event"),
    "nav.seccion.gestion": ("Gestión", "Gestão", "Management"),
    # --- sidebar
    "side.idioma": ("Idioma", "Idioma", "Language"),
    "side.clave": ("Clave de acceso", "Senha de acesso", "Passcode"),
    "side.clave.ayuda": (
        "La clave de organización, coordinación o socios abre más páginas.",
        "A senha da organização, coordenação ou parceiros abre mais páginas.",
        "The organisers', coordinators' or partners' passcode opens more pages.",
    ),
    "side.entrar": ("Entrar", "Entrar", "Enter"),
    "side.salir": ("Salir", "Sair", "Log out"),
    "side.rol": ("Acceso: {rol}", "Acesso: {rol}", "Access: {rol}"),
    "side.ver_como": ("Ver como", "Ver como", "View as"),
    "side.hora": ("Hora de los datos", "Hora dos dados", "Time of the figures"),
    "side.hora.elegir": ("Elegir otra hora", "Escolher outra hora", "Pick another time"),
    "side.hora.ayuda": (
        "Muestra las cifras como estaban a esa hora del día del foro.",
        "Mostra os números como estavam a essa hora do dia do fórum.",
        "Shows the figures as they were at that time of the forum day.",
    ),
    "clave.incorrecta": ("Clave incorrecta.", "Senha incorreta.", "Wrong passcode."),
    "clave.bloqueada": (
        "Demasiados intentos con clave incorrecta desde esta conexión: espere unos minutos y vuelva a intentar.",
        "Tentativas demais com senha incorreta desta conexão: espere alguns minutos e tente de novo.",
        "Too many wrong passcodes from this connection: wait a few minutes and try again.",
    ),
    # --- roles of access
    "acceso.organizacion": ("organización", "organização", "organisers"),
    "acceso.coordinacion": ("coordinación", "coordenação", "coordinators"),
    "acceso.socios": ("socios", "parceiros", "partners"),
    "acceso.publico": ("público", "público", "public"),
    "acceso.denegado": (
        "Esta página necesita la clave de {rol}. Ingrésela en la barra lateral.",
        "Esta página precisa da senha de {rol}. Digite-a na barra lateral.",
        "This page needs the {rol} passcode. Enter it in the sidebar.",
    ),
    "acceso.sin_claves": (
        "No hay claves configuradas en [acceso]: solo se muestran las páginas con cifras agregadas.",
        "Não há senhas configuradas em [acceso]: só as páginas com números agregados estão abertas.",
        "No passcodes are configured in [acceso]: only pages with aggregate figures are open.",
    ),
    # --- banners
    "banner.demo": (
        "🧪 Datos de demostración — no son datos reales",
        "🧪 Dados de demonstração — não são dados reais",
        "🧪 Demo data — not real figures",
    ),
    "banner.actualizado": ("Actualizado hace {edad}", "Atualizado há {edad}", "Updated {edad} ago"),
    "previa.cargando": (
        "Cargando la pantalla completa…",
        "Carregando a tela completa…",
        "Loading the full screen…",
    ),
    "banner.a_las": ("Cifras a las {hora}", "Números às {hora}", "Figures at {hora}"),
    "banner.desactualizado": (
        "⚠️ Datos desactualizados: última lectura correcta {cuando} (hace {edad}). Motivo: {motivo}",
        "⚠️ Dados desatualizados: última leitura correta {cuando} (há {edad}). Motivo: {motivo}",
        "⚠️ Stale data: last good read {cuando} ({edad} ago). Reason: {motivo}",
    ),
    "banner.sin_datos_nuevos": (
        "Sin datos nuevos desde las {hora} — revisar la conexión de esta pantalla",
        "Sem dados novos desde as {hora} — verificar a conexão desta tela",
        "No new figures since {hora} — check this screen's connection",
    ),
    "banner.sin_datos": (
        "Todavía no hay datos: la fuente no respondió. Se reintenta solo.",
        "Ainda não há dados: a fonte não respondeu. Tenta de novo sozinho.",
        "No data yet: the source has not answered. It retries by itself.",
    ),
    "banner.config": (
        "La configuración no se puede usar: {motivo}",
        "A configuração não pode ser usada: {motivo}",
        "The configuration cannot be used: {motivo}",
    ),
    "error.pagina": (
        "Algo falló al mostrar esta página. Las demás siguen funcionando; avise al equipo técnico.",
        "Algo falhou ao mostrar esta página. As outras continuam funcionando; avise a equipe técnica.",
        "Something failed while showing this page. The others still work; tell the technical team.",
    ),
    # --- En vivo
    "vivo.inscriptos": ("Inscriptos", "Inscritos", "Registered"),
    "vivo.acreditados": ("Acreditados", "Credenciados", "Checked in"),
    "vivo.presentes": ("Presentes", "Presentes", "Present"),
    "vivo.intendencias": ("Intendencias acreditadas", "Prefeituras credenciadas", "Mayors checked in"),
    "vivo.sin_inscripcion": ("Sin inscripción", "Sem inscrição", "Walk-ins"),
    "vivo.de_inscriptos": ("{pct} de inscriptos", "{pct} dos inscritos", "{pct} of registered"),
    "vivo.de_intendencias": ("de {n} inscriptas", "de {n} inscritas", "of {n} registered"),
    "vivo.curva": ("Llegadas cada 15 minutos", "Chegadas a cada 15 minutos", "Arrivals every 15 minutes"),
    "vivo.curva.llegadas": ("Llegadas", "Chegadas", "Arrivals"),
    "vivo.curva.acumulado": ("Acumulado", "Acumulado", "Cumulative"),
    "vivo.curva.meta": ("Meta", "Meta", "Target"),
    "vivo.curva.ahora": ("ahora", "agora", "now"),
    "vivo.curva.vacia": ("Todavía no hay acreditaciones.", "Ainda não há credenciamentos.", "No check-ins yet."),
    "vivo.salas": ("Salas", "Salas", "Rooms"),
    "alerta.excedidas.1": ("{n} sala excedida", "{n} sala acima da capacidade", "{n} room over capacity"),
    "alerta.excedidas.n": ("{n} salas excedidas", "{n} salas acima da capacidade", "{n} rooms over capacity"),
    "alerta.llenas.1": ("{n} sala llena", "{n} sala cheia", "{n} room full"),
    "alerta.llenas.n": ("{n} salas llenas", "{n} salas cheias", "{n} rooms full"),
    "salas.sin_capacidad": ("sin capacidad cargada", "sem capacidade cadastrada", "no capacity set"),
    "vivo.sin_salas": (
        "No hay salas: agregue la pestaña Salas (sala, capacidad) a la planilla.",
        "Não há salas: adicione a aba Salas (sala, capacidad) à planilha.",
        "No rooms: add the Salas tab (sala, capacidad) to the workbook.",
    ),
    "vivo.ahora": ("Ahora", "Agora", "Now"),
    "vivo.proxima": ("Después {hora}", "Depois {hora}", "Next {hora}"),
    "vivo.sin_sesion": ("Sin actividad", "Sem atividade", "No session"),
    # --- Salas
    "salas.ocupacion": ("Ocupación", "Ocupação", "Occupancy"),
    "salas.fuente.conteo": ("Fuente: conteo en sala", "Fonte: contagem na sala", "Source: room headcount"),
    "salas.fuente.acreditaciones": (
        "Fuente: acreditaciones en la puerta",
        "Fonte: credenciamentos na porta",
        "Source: door check-ins",
    ),
    "salas.fuente.sin_dato": (
        "Sin dato: nadie contó esta sala ni registró entradas en ella desde su sesión anterior (o en el día)",
        "Sem dado: ninguém contou esta sala nem registrou entradas nela desde a sessão anterior (ou no dia)",
        "No data: nobody has counted this room or checked anyone into it since its previous session (or today)",
    ),
    "salas.tendencia": ("desde la última actualización", "desde a última atualização", "since the last update"),
    "salas.todas": ("Ver todas las salas", "Ver todas as salas", "See all rooms"),
    "salas.no_encontrada": (
        "No hay una sala con ese nombre; se muestran todas.",
        "Não existe sala com esse nome; mostrando todas.",
        "No room has that name; showing all of them.",
    ),
    "salas.elegir": ("Sala", "Sala", "Room"),
    "salas.todas_opcion": ("Todas", "Todas", "All"),
    "nivel.normal": ("normal", "normal", "normal"),
    "nivel.llenandose": ("llenándose", "enchendo", "filling up"),
    "nivel.lleno": ("lleno", "cheia", "full"),
    "nivel.excedido": ("excedido", "excedida", "over capacity"),
    "nivel.sin_dato": ("sin dato", "sem dado", "no data"),
    # --- Mapa
    "mapa.titulo": ("De dónde vienen", "De onde vêm", "Where people come from"),
    "mapa.color": ("% acreditados", "% credenciados", "% checked in"),
    "mapa.tamano": ("Tamaño: inscriptos", "Tamanho: inscritos", "Size: registered"),
    "mapa.lugares": ("Ciudades en el mapa", "Cidades no mapa", "Cities on the map"),
    "mapa.otros_paises": ("y {n} países más", "e mais {n} países", "and {n} more countries"),
    "mapa.sin_ubicar": (
        "Ciudades sin ubicar en el mapa ({n})",
        "Cidades sem localização no mapa ({n})",
        "Cities not placed on the map ({n})",
    ),
    "mapa.sin_ubicar.solo_cifras": (
        "{lugares} lugares escritos no se pudieron ubicar; suman {n} inscriptos. El detalle lo ve la organización.",
        "{lugares} lugares digitados não puderam ser localizados; somam {n} inscritos. O detalhe é visto pela organização.",
        "{lugares} places as typed could not be placed; they add up to {n} registered. Organisers see the detail.",
    ),
    # --- Calidad
    "calidad.titulo": ("Calidad de datos", "Qualidade dos dados", "Data quality"),
    "calidad.problemas": ("Problemas", "Problemas", "Problems"),
    "calidad.sin_problemas": (
        "No hay problemas en la planilla. 🎉",
        "Não há problemas na planilha. 🎉",
        "The workbook has no problems. 🎉",
    ),
    "calidad.n_problemas": ("{n} problemas en {k} tipos", "{n} problemas em {k} tipos", "{n} problems of {k} kinds"),
    "calidad.pestanas": ("Pestañas encontradas", "Abas encontradas", "Tabs found"),
    "calidad.salud": ("Estado de la fuente", "Estado da fonte", "Source health"),
    "calidad.fuente": ("Fuente", "Fonte", "Source"),
    "calidad.ultima_ok": ("Última lectura correcta", "Última leitura correta", "Last good read"),
    "calidad.ultimo_intento": ("Último intento", "Última tentativa", "Last attempt"),
    "calidad.ultimo_error": ("Último error", "Último erro", "Last error"),
    "calidad.fallas": ("Fallas seguidas", "Falhas seguidas", "Failures in a row"),
    "calidad.pedidos": ("Pedidos en el último minuto", "Pedidos no último minuto", "Requests in the last minute"),
    "calidad.cuota": ("Cuota por minuto", "Cota por minuto", "Quota per minute"),
    "calidad.proximo": ("Próxima lectura en", "Próxima leitura em", "Next read in"),
    "calidad.ninguno": ("—", "—", "—"),
    "calidad.sede": ("En la sede", "No local", "At the venue"),
    "sede.nota": (
        "Direcciones para los teléfonos en la red del lugar: imprima cada código en una tarjeta para la puerta de la sala.",
        "Endereços para os celulares na rede do local: imprima cada código num cartão para a porta da sala.",
        "Addresses for phones on the venue's network: print each code on a card for the room's door.",
    ),
    "sede.sin_red": (
        "Esta computadora no tiene dirección en una red local: los teléfonos no podrán entrar hasta que se conecte al Wi-Fi.",
        "Este computador não tem endereço numa rede local: os celulares só poderão entrar quando ele se conectar ao Wi-Fi.",
        "This computer has no address on a local network: phones cannot reach it until it joins the Wi-Fi.",
    ),
    "sede.aviso_clave": (
        "⚠️ Este código lleva la clave de {rol}: quien lo fotografíe entra con ese acceso.",
        "⚠️ Este código leva a senha de {rol}: quem o fotografar entra com esse acesso.",
        "⚠️ This code carries the {rol} passcode: whoever photographs it gets that access.",
    ),
    "sede.rol.publico": (
        "Público (cualquier teléfono o pantalla)",
        "Público (qualquer celular ou tela)",
        "Public (any phone or screen)",
    ),
    "sede.rol.pantalla": ("Pantalla grande (modo quiosco)", "Tela grande (modo quiosque)", "Big screen (kiosk mode)"),
    "sede.rol.coordinacion": ("Coordinación de salas", "Coordenação das salas", "Room coordinators"),
    "sede.rol.socios": ("Socios", "Parceiros", "Partners"),
    "sede.rol.organizacion": (
        "Organización (escribe su clave al entrar)",
        "Organização (digita a senha ao entrar)",
        "Organisers (type the passcode on arrival)",
    ),
    "calidad.coordinacion": ("Lectura entre réplicas", "Leitura entre réplicas", "Read across replicas"),
    "coordinacion.lee": (
        "compartida: esta réplica lee la planilla para todas",
        "compartilhada: esta réplica lê a planilha para todas",
        "shared: this replica reads the Sheet for all of them",
    ),
    "coordinacion.comparte": (
        "compartida: esta réplica usa la lectura de otra",
        "compartilhada: esta réplica usa a leitura de outra",
        "shared: this replica uses another one's read",
    ),
    "coordinacion.sin_coordinacion": (
        "sin coordinación: Redis no responde y cada réplica lee la planilla por su cuenta",
        "sem coordenação: o Redis não responde e cada réplica lê a planilha por conta própria",
        "no coordination: Redis does not answer and each replica reads the Sheet on its own",
    ),
    "calidad.rol_otro": ("Rol «otro»", "Função «outro»", "Role “other”"),
    "calidad.rol_otro.nota": (
        "Lo que la gente escribió en rol o cargo y no corresponde a ninguna categoría (con cuántas personas): se cuenta como «otro». "
        "Si un valor se repite, conviene una categoría o un alias en la planilla.",
        "O que as pessoas escreveram em função ou cargo e não corresponde a nenhuma categoria (com quantas pessoas): conta como «outro». "
        "Se um valor se repete, convém uma categoria ou um alias na planilha.",
        "What people typed as role or position that matches no category (with how many people): it counts as “other”. "
        "A value that repeats deserves a category or an alias in the Sheet.",
    ),
    "calidad.rol_otro.vacio": ("Nadie quedó en «otro».", "Ninguém ficou em «outro».", "Nobody fell into “other”."),
    "col.pestana": ("Pestaña", "Aba", "Tab"),
    "col.fila": ("Fila", "Linha", "Row"),
    "col.columna": ("Columna", "Coluna", "Column"),
    "col.valor": ("Valor", "Valor", "Value"),
    "col.motivo": ("Motivo", "Motivo", "Reason"),
    "col.arreglo": ("Cómo arreglarlo", "Como corrigir", "How to fix it"),
    "col.gravedad": ("Gravedad", "Gravidade", "Severity"),
    "col.encontrada_como": ("Encontrada como", "Encontrada como", "Found as"),
    "col.filas": ("Filas", "Linhas", "Rows"),
    "col.faltan": ("Columnas que faltan", "Colunas que faltam", "Missing columns"),
    "col.desconocidas": ("Columnas ignoradas", "Colunas ignoradas", "Ignored columns"),
    "col.no_encontrada": ("(no está)", "(não existe)", "(missing)"),
    # --- Socios
    "socios.titulo": ("Resumen para socios", "Resumo para parceiros", "Partner summary"),
    "socios.nota": (
        "Solo cifras agregadas. Toda celda con menos de 3 personas se muestra como «<3»; «x» oculta otra "
        "cifra para que esa no pueda deducirse de los totales.",
        "Somente números agregados. Toda célula com menos de 3 pessoas aparece como «<3»; «x» oculta outro "
        "número para que aquela não possa ser deduzida dos totais.",
        "Aggregate figures only. Every cell with fewer than 3 people shows as “<3”; “x” hides another number "
        "so that one cannot be worked out from the totals.",
    ),
    # Two counts people confuse: said where either is shown (issue 13 item 8).
    "def.acreditados": (
        "Acreditados: pasaron por la acreditación hoy; siguen contando si después se fueron.",
        "Credenciados: passaram pelo credenciamento hoje; continuam contando se depois saíram.",
        "Checked in: went through check-in today; they still count if they left later.",
    ),
    "def.presentes": (
        "Presentes: acreditados que no registraron salida, es decir, los que están en el lugar ahora.",
        "Presentes: credenciados que não registraram saída, ou seja, os que estão no local agora.",
        "Present: checked-in people who have not scanned out, that is, those at the venue now.",
    ),
    "socios.asistencia": ("Asistencia", "Comparecimento", "Attendance"),
    "socios.asistencia_def": ("acreditados ÷ inscriptos", "credenciados ÷ inscritos", "checked in ÷ registered"),
    "socios.intendencias": ("Intendencias acreditadas", "Prefeituras credenciadas", "Mayors checked in"),
    "socios.llevar": ("Para reenviar", "Para reenviar", "To forward"),
    "socios.para_red": ("Informe para", "Relatório para", "Report for"),
    "socios.todas_redes": ("Todas las redes socias", "Todas as redes parceiras", "All partner networks"),
    "socios.formato_informe": ("Formato del informe", "Formato do relatório", "Report format"),
    "socios.formato_tablas": ("Formato de las tablas", "Formato das tabelas", "Tables format"),
    "socios.descargar_informe": ("Descargar informe", "Baixar relatório", "Download report"),
    "socios.descargar_tablas": ("Descargar tablas", "Baixar tabelas", "Download tables"),
    "socios.llevar_nota": (
        "El informe (PDF o HTML) se prepara al pulsar el botón, con las cifras de este momento y en este idioma.",
        "O relatório (PDF ou HTML) é preparado ao clicar no botão, com os números deste momento e neste idioma.",
        "The report (PDF or HTML) is made when you click, with the figures of this moment, in this language.",
    ),
    "socios.por_pais": ("Por país", "Por país", "By country"),
    "socios.descargar_csv": ("Descargar CSV", "Baixar CSV", "Download CSV"),
    "socios.descargar_xlsx": ("Descargar XLSX", "Baixar XLSX", "Download XLSX"),
    "col.pais": ("País", "País", "Country"),
    "col.red": ("Red", "Rede", "Network"),
    "col.rol": ("Rol", "Função", "Role"),
    "col.eje": ("Eje", "Eixo", "Axis"),
    "col.ciudad": ("Ciudad", "Cidade", "City"),
    "col.genero": ("Género", "Gênero", "Gender"),
    "col.inscriptos": ("Inscriptos", "Inscritos", "Registered"),
    "col.acreditados": ("Acreditados", "Credenciados", "Checked in"),
    "col.asistencia": ("Asistencia", "Comparecimento", "Attendance"),
    "col.seccion": ("Sección", "Seção", "Section"),
    "sin_dato": ("(sin dato)", "(sem dado)", "(no data)"),
    "sin_filas": ("Sin datos todavía.", "Sem dados ainda.", "No data yet."),
    # --- Apoyos
    "apoyos.titulo": ("Apoyos", "Apoios", "Funding"),
    "apoyos.fondos": ("Fondos por moneda", "Fundos por moeda", "Funds per currency"),
    "apoyos.fondos.nota": (
        "Cada moneda por separado: nunca se suman monedas distintas.",
        "Cada moeda separada: moedas diferentes nunca são somadas.",
        "Each currency on its own: different currencies are never added up.",
    ),
    "apoyos.sin_fondos": (
        "No hay pestañas Apoyos ni Presupuesto en la planilla.",
        "Não há abas Apoyos nem Presupuesto na planilha.",
        "The workbook has no Apoyos or Presupuesto tab.",
    ),
    "apoyos.cola": (
        "Pendientes de decisión (intendencias primero)",
        "Pendentes de decisão (prefeituras primeiro)",
        "Awaiting a decision (mayors first)",
    ),
    "apoyos.cola.vacia": ("No hay solicitudes pendientes.", "Não há solicitações pendentes.", "No pending requests."),
    "apoyos.llegaron": ("Con apoyo y acreditados", "Com apoio e credenciados", "Funded and checked in"),
    "apoyos.no_llegaron": ("Con apoyo, todavía sin llegar", "Com apoio, ainda sem chegar", "Funded, not arrived yet"),
    "col.moneda": ("Moneda", "Moeda", "Currency"),
    "col.presupuesto": ("Presupuesto", "Orçamento", "Budget"),
    "col.comprometido": ("Comprometido", "Comprometido", "Committed"),
    "col.pagado": ("Pagado", "Pago", "Paid"),
    "col.disponible": ("Disponible", "Disponível", "Available"),
    "col.pendiente": ("Pendiente", "Pendente", "Pending"),
    "col.intendencia": ("Intendencia", "Prefeitura", "Mayor"),
    "col.nombre": ("Nombre", "Nome", "Name"),
    "col.cargo": ("Cargo", "Cargo", "Position"),
    "col.institucion": ("Institución", "Instituição", "Institution"),
    "col.email": ("Correo", "E-mail", "E-mail"),
    "col.documento": ("Documento", "Documento", "ID document"),
    "col.tipo_apoyo": ("Apoyo", "Apoio", "Support"),
    "col.monto": ("Monto", "Valor", "Amount"),
    "col.estado": ("Estado", "Estado", "Status"),
    "col.solicitado_en": ("Solicitado", "Solicitado", "Requested"),
    "col.acreditado_a": ("Acreditado a las", "Credenciado às", "Checked in at"),
    "col.registrado_en": ("Inscripto", "Inscrito", "Registered"),
    "persona.desconocida": ("(no figura en Inscripciones)", "(não está em Inscripciones)", "(not in Inscripciones)"),
    # --- Personas
    "personas.titulo": ("Personas inscriptas", "Pessoas inscritas", "Registered people"),
    "personas.buscar": (
        "Buscar (nombre, correo, documento, ciudad…)",
        "Buscar (nome, e-mail, documento, cidade…)",
        "Search (name, e-mail, document, city…)",
    ),
    "personas.filtro.rol": ("Rol", "Função", "Role"),
    "personas.filtro.pais": ("País", "País", "Country"),
    "personas.filtro.acreditado": ("Acreditación", "Credenciamento", "Check-in"),
    "personas.elegir": ("Elegir…", "Escolher…", "Choose…"),
    "personas.todos": ("Todos", "Todos", "Everyone"),
    "personas.si": ("Acreditados", "Credenciados", "Checked in"),
    "personas.no": ("Sin acreditar", "Sem credenciar", "Not checked in"),
    "personas.n": ("{n} personas", "{n} pessoas", "{n} people"),
    "personas.limite": (
        "Se muestran las primeras {n} coincidencias; afine la búsqueda.",
        "Mostrando as primeiras {n} correspondências; refine a busca.",
        "Showing the first {n} matches; narrow the search.",
    ),
    "si": ("sí", "sim", "yes"),
    "no": ("no", "não", "no"),
    # --- ages
    "edad.hace": ("hace {edad}", "há {edad}", "{edad} ago"),
    "edad.s": ("{n} s", "{n} s", "{n} s"),
    "edad.min": ("{n} min", "{n} min", "{n} min"),
    "edad.h": ("{n} h {m} min", "{n} h {m} min", "{n} h {m} min"),
    # --- writing from the venue (ui/writing.py, ui/tally.py, ui/desk.py, pages/salas.py, pages/acreditacion.py)
    "page.acreditacion": ("Acreditación", "Credenciamento", "Check-in desk"),
    "escritura.demo.conteo": (
        "En la demostración no se escriben conteos: conecte la planilla de Google para usarlos.",
        "Na demonstração não se registram contagens: conecte a planilha do Google para usá-las.",
        "The demo does not record headcounts: connect the Google Sheet to use them.",
    ),
    "escritura.demo.acreditacion": (
        "En la demostración no se acredita a nadie: la acreditación escribe en la planilla de Google. Puede buscar personas para consultar.",
        "Na demonstração ninguém é credenciado: o credenciamento escreve na planilha do Google. Você pode buscar pessoas para consultar.",
        "The demo checks nobody in: check-in writes to the Google Sheet. You can still look people up.",
    ),
    "escritura.archivo.conteo": (
        "La fuente es un archivo local: los conteos de sala solo se registran en una planilla de Google.",
        "A fonte é um arquivo local: as contagens de sala só são registradas numa planilha do Google.",
        "The source is a local file: room headcounts are only recorded in a Google Sheet.",
    ),
    "escritura.archivo.acreditacion": (
        "La fuente es un archivo local: la acreditación escribe en una planilla de Google. Puede buscar personas para consultar.",
        "A fonte é um arquivo local: o credenciamento escreve numa planilha do Google. Você pode buscar pessoas para consultar.",
        "The source is a local file: check-in writes to a Google Sheet. You can still look people up.",
    ),
    "escritura.configuracion": (
        "Falta configurar la planilla de Google y la cuenta de servicio para registrar desde el tablero.",
        "Falta configurar a planilha do Google e a conta de serviço para registrar pelo painel.",
        "The Google Sheet and service account must be configured to record from the dashboard.",
    ),
    "escritura.rol.conteo": (
        "Los conteos de sala los registra el rol coordinación.",
        "As contagens de sala são registradas pela coordenação.",
        "Room headcounts are recorded by the coordinators' role.",
    ),
    "escritura.rol.acreditacion": (
        "Solo el rol organización acredita.",
        "Só a organização credencia.",
        "Only the organisers' role checks people in.",
    ),
    "escritura.solo_lectura": (
        "La cuenta de servicio solo tiene permiso de lectura: compártala como Editor para registrar conteos y acreditaciones.",
        "A conta de serviço só tem permissão de leitura: compartilhe-a como Editor para registrar contagens e credenciamentos.",
        "The service account can only read: share the Sheet with it as Editor to record headcounts and check-ins.",
    ),
    "escritura.pendientes": (
        "⏳ {n} escrituras pendientes de envío a la planilla",
        "⏳ {n} registros pendentes de envio à planilha",
        "⏳ {n} writes waiting to reach the Sheet",
    ),
    "escritura.pendiente_una": (
        "⏳ 1 escritura pendiente de envío a la planilla",
        "⏳ 1 registro pendente de envio à planilha",
        "⏳ 1 write waiting to reach the Sheet",
    ),
    "escritura.antigua": ("la más antigua hace {edad}", "o mais antigo há {edad}", "oldest {edad} ago"),
    "escritura.reintento": (
        "Último error: {motivo} Se reintenta solo; nada se pierde.",
        "Último erro: {motivo} Tenta de novo sozinho; nada se perde.",
        "Last error: {motivo} It retries by itself; nothing is lost.",
    ),
    "escritura.fallidas": (
        "{n} escrituras no se pudieron guardar: {motivo}",
        "{n} registros não puderam ser salvos: {motivo}",
        "{n} writes could not be saved: {motivo}",
    ),
    "escritura.reintentar": ("Reintentar lo retenido", "Tentar de novo o retido", "Retry what was held"),
    "escritura.al_dia": (
        "✓ Todo guardado en la planilla",
        "✓ Tudo salvo na planilha",
        "✓ Everything saved to the Sheet",
    ),
    # --- Salas: tallies
    "conteo.nombre": (
        "Su nombre (queda en cada conteo)",
        "Seu nome (fica em cada contagem)",
        "Your name (kept with each count)",
    ),
    "conteo.nombre.ayuda": (
        "Se pide una vez: los conteos de esta sesión llevan este nombre.",
        "É pedido uma vez: as contagens desta sessão levam este nome.",
        "Asked once: this session's counts carry this name.",
    ),
    "conteo.empezar": ("Empezar a contar", "Começar a contar", "Start counting"),
    "conteo.falta_nombre": (
        "Escriba su nombre para empezar a contar.",
        "Digite seu nome para começar a contar.",
        "Type your name to start counting.",
    ),
    "conteo.registra": ("Cuenta: **{nombre}**", "Conta: **{nombre}**", "Counting: **{nombre}**"),
    "conteo.cambiar": ("cambiar", "trocar", "change"),
    "conteo.total": ("Conteo: personas en la sala", "Contagem: pessoas na sala", "Headcount: people in the room"),
    "conteo.total.placeholder": ("¿Cuántas hay?", "Quantas há?", "How many?"),
    "conteo.guardar": ("Conteo", "Contagem", "Headcount"),
    "conteo.falta_total": (
        "Escriba cuántas personas hay en la sala y toque «Conteo».",
        "Digite quantas pessoas há na sala e toque em «Contagem».",
        "Type how many people are in the room and tap «Headcount».",
    ),
    "conteo.empezar_con_total": (
        "Empiece con «Conteo» (las personas que hay ahora); después +1 / −1 lo ajustan.",
        "Comece com «Contagem» (as pessoas que há agora); depois +1 / −1 ajustam.",
        "Start with «Headcount» (the people in the room now); +1 / −1 then adjust it.",
    ),
    "conteo.toque_perdido": (
        "⚠️ 1 toque no se registró (fueron muy seguidos): tóquelo de nuevo.",
        "⚠️ 1 toque não foi registrado (foram muito seguidos): toque de novo.",
        "⚠️ 1 tap was not recorded (they came too fast): tap it again.",
    ),
    "conteo.toques_perdidos": (
        "⚠️ {n} toques no se registraron (fueron muy seguidos): tóquelos de nuevo.",
        "⚠️ {n} toques não foram registrados (foram muito seguidos): toque de novo.",
        "⚠️ {n} taps were not recorded (they came too fast): tap them again.",
    ),
    "conteo.sin_enviar": (
        "Incluye {n} toques aún no guardados en la planilla.",
        "Inclui {n} toques ainda não salvos na planilha.",
        "Includes {n} taps not yet saved to the Sheet.",
    ),
    "conteo.sin_enviar_uno": (
        "Incluye 1 toque aún no guardado en la planilla.",
        "Inclui 1 toque ainda não salvo na planilha.",
        "Includes 1 tap not yet saved to the Sheet.",
    ),
    # --- Acreditación (the desk)
    "acr.titulo": ("Acreditación", "Credenciamento", "Check-in desk"),
    "acr.buscar": (
        "Buscar por nombre, apellido, documento, e-mail o ciudad",
        "Buscar por nome, sobrenome, documento, e-mail ou cidade",
        "Search by name, surname, document, e-mail or city",
    ),
    "acr.buscar.placeholder": ("Ej.: perez godoy cruz", "Ex.: souza porto alegre", "e.g. perez godoy cruz"),
    "acr.escriba": (
        "Escriba al menos dos letras o números para buscar.",
        "Digite ao menos duas letras ou números para buscar.",
        "Type at least two letters or digits to search.",
    ),
    "acr.sin_resultados": (
        "Nadie coincide con «{consulta}». Si no está inscripta, use «Inscribir en la puerta».",
        "Ninguém corresponde a «{consulta}». Se não está inscrita, use «Inscrever na porta».",
        "Nobody matches «{consulta}». If they are not registered, use «Register at the door».",
    ),
    "acr.mas": (
        "Se muestran las primeras {n} coincidencias; escriba más para acotar.",
        "Mostrando as primeiras {n} correspondências; digite mais para refinar.",
        "Showing the first {n} matches; type more to narrow it.",
    ),
    "acr.acreditar": ("Acreditar", "Credenciar", "Check in"),
    "acr.ya_hora": ("✅ ya acreditado a las {hora}", "✅ já credenciado às {hora}", "✅ already checked in at {hora}"),
    "acr.ya_dia": ("✅ ya acreditado el {dia}", "✅ já credenciado em {dia}", "✅ already checked in on {dia}"),
    "acr.pendiente": ("(guardándose en la planilla)", "(salvando na planilha)", "(being saved to the Sheet)"),
    "acr.hecho": ("Acreditado: {nombre}", "Credenciado: {nombre}", "Checked in: {nombre}"),
    "acr.recientes": (
        "Recién acreditados en esta mesa",
        "Recém-credenciados nesta mesa",
        "Just checked in at this desk",
    ),
    "acr.deshacer": ("Deshacer", "Desfazer", "Undo"),
    "acr.deshecho": (
        "Se deshizo la acreditación de {nombre} (queda una fila de anulación en la planilla).",
        "O credenciamento de {nombre} foi desfeito (fica uma linha de anulação na planilha).",
        "Check-in of {nombre} undone (an annulment row stays in the Sheet).",
    ),
    "acr.deshacer_tarde": (
        "Pasó más de un minuto: ya no se puede deshacer desde aquí. Avise a la coordinación.",
        "Passou mais de um minuto: já não dá para desfazer aqui. Avise a coordenação.",
        "More than a minute has passed: it can no longer be undone here. Tell the coordinators.",
    ),
    "acr.puerta": (
        "Inscribir en la puerta (sin inscripción previa)",
        "Inscrever na porta (sem inscrição prévia)",
        "Register at the door (not registered before)",
    ),
    "acr.puerta.guardar": ("Inscribir y acreditar", "Inscrever e credenciar", "Register and check in"),
    "acr.puerta.hecho": (
        "Inscripto y acreditado: {nombre}",
        "Inscrito e credenciado: {nombre}",
        "Registered and checked in: {nombre}",
    ),
    "acr.puerta.revisar": ("Revise los campos marcados.", "Revise os campos marcados.", "Check the marked fields."),
    "acr.puerta.ya_inscripto": (
        "Ya hay una inscripción con este dato ({nombre}): búsquela arriba y acredítela.",
        "Já há uma inscrição com este dado ({nombre}): busque-a acima e credencie.",
        "Someone is already registered with this ({nombre}): search for them above and check them in.",
    ),
    "acr.puerta.inscripcion": ("inscripción en la puerta", "inscrição na porta", "registered at the door"),
    "campo.nombre": ("Nombre", "Nome", "First name"),
    "campo.apellido": ("Apellido", "Sobrenome", "Surname"),
    "campo.email": ("E-mail", "E-mail", "E-mail"),
    "campo.documento": ("Documento", "Documento", "ID document"),
    "campo.cargo": ("Cargo", "Cargo", "Position"),
    "campo.institucion": ("Institución", "Instituição", "Institution"),
    "campo.ciudad": ("Ciudad", "Cidade", "City"),
    "campo.pais": ("País", "País", "Country"),
}


def t(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """The text for ``key`` in ``lang`` (Spanish when the language is unknown), formatted."""
    texts = _T[key]
    i = LANGS.index(lang) if lang in LANGS else 0
    text = texts[i] or texts[0]
    return text.format(**values) if values else text


def t_opt(prefix: str, code: str, lang: str) -> str:
    """Translate an enumerated code (``rol.intendencia``); unknown codes are shown as they are."""
    key = f"{prefix}.{code}"
    return t(key, lang) if key in _T else code


def normalise_lang(value: object) -> str:
    v = str(value or "").strip().lower()[:2]
    return v if v in LANGS else DEFAULT_LANG


def has(key: str) -> bool:
    return key in _T


def catalogue() -> dict[str, tuple[str, str, str]]:
    """The whole catalogue (for the test that checks completeness)."""
    return dict(_T)
