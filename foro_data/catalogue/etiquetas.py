"""Labels of enumerated codes (roles, genders, Problem kinds) in es/pt/en, shared by the pages
(ui/i18n) and the partners' report (foro_data.informe): one copy of each word."""

from __future__ import annotations

ROLES: dict[str, tuple[str, str, str]] = {
    "rol.intendencia": ("Intendencias", "Prefeituras", "Mayors"),
    "rol.gobierno_local": ("Gobierno local", "Governo local", "Local government"),
    "rol.gobierno_nacional_provincial": (
        "Gobierno nacional o provincial",
        "Governo nacional ou estadual",
        "National or provincial government",
    ),
    "rol.organismo_internacional": ("Organismos internacionales", "Organismos internacionais", "International bodies"),
    "rol.academia_sociedad_civil": (
        "Academia y sociedad civil",
        "Academia e sociedade civil",
        "Academia and civil society",
    ),
    "rol.policia_seguridad": ("Policía y seguridad", "Polícia e segurança", "Police and security"),
    "rol.prensa": ("Prensa", "Imprensa", "Press"),
    "rol.otro": ("Otro", "Outro", "Other"),
}

GENEROS: dict[str, tuple[str, str, str]] = {
    "genero.femenino": ("Femenino", "Feminino", "Female"),
    "genero.masculino": ("Masculino", "Masculino", "Male"),
    "genero.no_binario": ("No binario", "Não binário", "Non-binary"),
    "genero.otro": ("Otro", "Outro", "Other"),
    "genero.sin_dato": ("Sin dato", "Sem dado", "Not stated"),
}

KINDS: dict[str, tuple[str, str, str]] = {
    "kind.anulacion_invalida": ("Anulación inválida", "Anulação inválida", "Invalid cancellation"),
    "kind.apoyo_sin_inscripcion": (
        "Apoyo sin inscripción",
        "Apoio sem inscrição",
        "Funding request without registration",
    ),
    "kind.capacidad_invalida": ("Capacidad inválida", "Capacidade inválida", "Invalid capacity"),
    "kind.ciudad_ambigua": ("Ciudad ambigua", "Cidade ambígua", "Ambiguous city"),
    "kind.ciudad_no_encontrada": ("Ciudad no encontrada", "Cidade não encontrada", "City not found"),
    "kind.ciudad_vacia": ("Ciudad vacía", "Cidade vazia", "Empty city"),
    "kind.columna_faltante": ("Columna faltante", "Coluna ausente", "Missing column"),
    "kind.columna_repetida": ("Columna repetida", "Coluna repetida", "Repeated column"),
    "kind.conteo_invalido": ("Conteo inválido", "Contagem inválida", "Invalid headcount"),
    "kind.coordenada_invalida": ("Coordenada inválida", "Coordenada inválida", "Invalid coordinate"),
    "kind.duplicado": ("Inscripción duplicada", "Inscrição duplicada", "Duplicate registration"),
    "kind.email_invalido": ("Correo inválido", "E-mail inválido", "Invalid e-mail"),
    "kind.estado_desconocido": ("Estado desconocido", "Estado desconhecido", "Unknown status"),
    "kind.evento_incompleto": ("Evento incompleto", "Evento incompleto", "Incomplete event data"),
    "kind.fecha_invalida": ("Fecha inválida", "Data inválida", "Invalid date"),
    "kind.genero_desconocido": ("Género desconocido", "Gênero desconhecido", "Unknown gender"),
    "kind.horario_invalido": ("Horario inválido", "Horário inválido", "Invalid schedule"),
    "kind.meta_invalida": (
        "Meta de acreditados ilegible",
        "Meta de credenciamentos ilegível",
        "Unreadable check-in target",
    ),
    "kind.moneda_desconocida": ("Moneda desconocida", "Moeda desconhecida", "Unknown currency"),
    "kind.monto_invalido": ("Monto inválido", "Valor inválido", "Invalid amount"),
    "kind.movimiento_invalido": ("Movimiento inválido", "Movimento inválido", "Invalid movement"),
    "kind.numero_invalido": ("Número inválido", "Número inválido", "Invalid number"),
    "kind.operacion_repetida": ("Operación repetida", "Operação repetida", "Repeated operation"),
    "kind.pais_desconocido": ("País desconocido", "País desconhecido", "Unknown country"),
    "kind.pestana_faltante": ("Pestaña faltante", "Aba ausente", "Missing tab"),
    "kind.pestana_inutilizable": ("Pestaña inutilizable", "Aba inutilizável", "Unusable tab"),
    "kind.pestana_vacia": ("Pestaña vacía", "Aba vazia", "Empty tab"),
    "kind.posible_duplicado": ("Posible duplicado", "Possível duplicata", "Possible duplicate"),
    "kind.pestana_repetida": ("Pestaña repetida", "Aba repetida", "Repeated tab"),
    "kind.rol_otro": ("Rol «otro»", "Função «outro»", "Role “other”"),
    "kind.sala_repetida": ("Sala repetida", "Sala repetida", "Repeated room"),
    "kind.sala_sin_nombre": ("Sala sin nombre", "Sala sem nome", "Room without a name"),
    "kind.sin_contacto": ("Sin correo ni documento", "Sem e-mail nem documento", "No e-mail or document"),
    "kind.sin_identificacion": ("Sin identificación", "Sem identificação", "No identification"),
    "kind.sin_inscripcion": (
        "Acreditación sin inscripción",
        "Credenciamento sem inscrição",
        "Check-in without registration",
    ),
    "kind.vacio": ("Celda vacía", "Célula vazia", "Empty cell"),
    "kind.zona_horaria_invalida": ("Zona horaria inválida", "Fuso horário inválido", "Invalid time zone"),
}

ETIQUETAS: dict[str, tuple[str, str, str]] = {**ROLES, **GENEROS, **KINDS}
