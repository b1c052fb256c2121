"""Tables the demo forum day draws from: real cities, names, cargos, institutions and rooms."""

from __future__ import annotations

from dataclasses import dataclass

# --- The six thematic axes of the forum (seed text, "ámbitos de intercambio") ---------------------

AXES: tuple[str, ...] = (
    "Diseño urbano para la prevención",
    "Políticas de seguridad basadas en información",
    "Policías municipales",
    "Intervenciones barriales de prevención integral",
    "Crimen organizado",
    "Cambio climático y seguridad",
)


@dataclass(frozen=True)
class RoomSpec:
    name: str  # exactly as Salas, Agenda and the scanner's "Punto" spell it
    capacidad: int
    ubicacion: str
    eje: str = ""  # the axis an exchange room is named after


PLENARIO = RoomSpec("Plenario", 350, "Nave principal")
EXCHANGE_ROOMS: tuple[RoomSpec, ...] = (
    RoomSpec("Sala 1 · Diseño urbano", 60, "Planta alta", AXES[0]),
    RoomSpec("Sala 2 · Información", 50, "Planta alta", AXES[1]),
    RoomSpec("Sala 3 · Policías municipales", 80, "Nave lateral", AXES[2]),
    RoomSpec("Sala 4 · Prevención barrial", 60, "Nave lateral", AXES[3]),
    RoomSpec("Sala 5 · Crimen organizado", 50, "Cava 1", AXES[4]),
    RoomSpec("Sala 6 · Cambio climático", 40, "Cava 2", AXES[5]),
)
STANDS = RoomSpec("Stands", 120, "Patio de toneles")
DESK = "Acreditación"  # the scanner point at the entrance; not a room


# --- Cities ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CitySpec:
    """A real city and the ways people type it. ``spellings[0]`` is the canonical name."""

    spellings: tuple[str, ...]
    provincia: tuple[str, ...]  # ways the province/state is typed ("" = often left blank)
    pais: str  # ISO alpha-2
    weight: float  # relative share of registrations

    @property
    def name(self) -> str:
        return self.spellings[0]


def _c(spellings: str | tuple[str, ...], provincia: str | tuple[str, ...], pais: str, weight: float) -> CitySpec:
    sp = (spellings,) if isinstance(spellings, str) else spellings
    pr = (provincia,) if isinstance(provincia, str) else provincia
    return CitySpec(sp, pr, pais, weight)


_MZA = ("Mendoza", "Mendoza", "Mendoza", "Mza", "mendoza")
_BA = ("Buenos Aires", "Buenos Aires", "Bs. As.", "Provincia de Buenos Aires")

CITIES: tuple[CitySpec, ...] = (
    # Mendoza province: the host city and its neighbours send the most people.
    _c(("Godoy Cruz", "Godoy Cruz", "Godoy Cruz", "Godoy cruz", "GODOY CRUZ", "Godoy Cruz, Mendoza"), _MZA, "AR", 60),
    _c(("Mendoza", "Mendoza", "Ciudad de Mendoza", "Mendoza Capital", "Capital"), _MZA, "AR", 32),
    _c(("Luján de Cuyo", "Luján de Cuyo", "Lujan de Cuyo", "lujan de cuyo"), _MZA, "AR", 12),
    _c(("Maipú", "Maipú", "Maipu"), _MZA, "AR", 12),
    _c(("Las Heras", "Las Heras", "Las heras"), _MZA, "AR", 11),
    _c(("Guaymallén", "Guaymallén", "Guaymallen", "Guaymallen, Mza"), _MZA, "AR", 12),
    _c(("San Rafael", "San Rafael", "San Rafael "), _MZA, "AR", 7),
    _c(("General San Martín", "Gral. San Martín", "San Martín", "General San Martin"), _MZA, "AR", 5),
    _c(("Rivadavia", "Rivadavia"), _MZA, "AR", 3),
    _c(("Junín", "Junín", "Junin"), _MZA, "AR", 3),
    _c(("Tunuyán", "Tunuyán", "Tunuyan"), _MZA, "AR", 3),
    _c(("Tupungato", "Tupungato"), _MZA, "AR", 2),
    _c(("San Carlos", "San Carlos"), _MZA, "AR", 2),
    _c(("Lavalle", "Lavalle"), _MZA, "AR", 3),
    _c(("Malargüe", "Malargüe", "Malargue"), _MZA, "AR", 2),
    _c(("General Alvear", "General Alvear", "Gral. Alvear"), _MZA, "AR", 2),
    _c(("Santa Rosa", "Santa Rosa"), _MZA, "AR", 1),
    _c(("La Paz", "La Paz"), _MZA, "AR", 1),
    # The rest of Argentina.
    _c(
        ("Buenos Aires", "CABA", "Ciudad Autónoma de Buenos Aires", "Buenos Aires", "C.A.B.A."),
        ("", "CABA", "Buenos Aires"),
        "AR",
        12,
    ),
    _c(("Córdoba", "Córdoba", "Cordoba", "Córdoba Capital"), ("Córdoba", "Cordoba"), "AR", 7),
    _c(("Rosario", "Rosario", "Rosario, Santa Fe", "rosario"), ("Santa Fe", "Santa Fe", ""), "AR", 7),
    _c(("Santa Fe", "Santa Fe", "Santa Fe de la Vera Cruz"), ("Santa Fe",), "AR", 3),
    _c(("La Plata", "La Plata"), _BA, "AR", 4),
    _c(("Mar del Plata", "Mar del Plata", "Mar del plata"), _BA, "AR", 3),
    _c(("San Juan", "San Juan", "Ciudad de San Juan"), ("San Juan",), "AR", 5),
    _c(("San Luis", "San Luis"), ("San Luis",), "AR", 3),
    _c(("Neuquén", "Neuquén", "Neuquen"), ("Neuquén", "Neuquen"), "AR", 3),
    _c(("Salta", "Salta"), ("Salta",), "AR", 2),
    _c(
        ("San Miguel de Tucumán", "San Miguel de Tucumán", "Tucumán", "S. M. de Tucumán"),
        ("Tucumán", "Tucuman"),
        "AR",
        2,
    ),
    _c(("Bahía Blanca", "Bahía Blanca", "Bahia Blanca"), _BA, "AR", 2),
    _c(("Paraná", "Paraná", "Parana"), ("Entre Ríos", "Entre Rios"), "AR", 2),
    _c(("Resistencia", "Resistencia"), ("Chaco",), "AR", 1),
    _c(("Corrientes", "Corrientes"), ("Corrientes",), "AR", 1),
    _c(("Posadas", "Posadas"), ("Misiones",), "AR", 1),
    _c(("Santiago del Estero", "Santiago del Estero"), ("Santiago del Estero",), "AR", 1),
    _c(("San Salvador de Jujuy", "San Salvador de Jujuy", "Jujuy"), ("Jujuy",), "AR", 1),
    _c(("Río Cuarto", "Río Cuarto", "Rio Cuarto"), ("Córdoba",), "AR", 2),
    _c(("Villa María", "Villa María", "Villa Maria"), ("Córdoba",), "AR", 1),
    _c(("Morón", "Morón", "Moron"), _BA, "AR", 2),
    _c(("Quilmes", "Quilmes"), _BA, "AR", 2),
    _c(("Lanús", "Lanús", "Lanus"), _BA, "AR", 1),
    _c(("Avellaneda", "Avellaneda"), _BA, "AR", 1),
    _c(("San Isidro", "San Isidro"), _BA, "AR", 2),
    _c(("Tigre", "Tigre"), _BA, "AR", 1),
    _c(("Villa Mercedes", "Villa Mercedes"), ("San Luis",), "AR", 1),
    _c(("Comodoro Rivadavia", "Comodoro Rivadavia", "Comodoro"), ("Chubut",), "AR", 1),
    _c(("San Carlos de Bariloche", "Bariloche", "San Carlos de Bariloche"), ("Río Negro", "Rio Negro"), "AR", 1),
    _c(("Santa Rosa", "Santa Rosa", "Santa Rosa, La Pampa"), ("La Pampa",), "AR", 1),
    # Uruguay.
    _c(("Montevideo", "Montevideo", "Montevideo - UY", "Montevideo"), ("Montevideo", ""), "UY", 9),
    _c(("Canelones", "Canelones"), ("Canelones",), "UY", 2),
    _c(("Maldonado", "Maldonado"), ("Maldonado",), "UY", 1),
    _c(("Paysandú", "Paysandú", "Paysandu"), ("Paysandú",), "UY", 1),
    _c(("Salto", "Salto"), ("Salto",), "UY", 1),
    _c(("Rivera", "Rivera"), ("Rivera",), "UY", 1),
    _c(("Colonia del Sacramento", "Colonia del Sacramento", "Colonia"), ("Colonia",), "UY", 1),
    # Brazil.
    _c(("São Paulo", "São Paulo", "Sao Paulo", "São Paulo - SP"), ("SP", "São Paulo"), "BR", 4),
    _c(("Rio de Janeiro", "Rio de Janeiro"), ("RJ", "Rio de Janeiro"), "BR", 2),
    _c(("Porto Alegre", "Porto Alegre", "Porto Alegre - RS"), ("RS", "Rio Grande do Sul"), "BR", 4),
    _c(("Belo Horizonte", "Belo Horizonte"), ("MG", "Minas Gerais"), "BR", 2),
    _c(("Curitiba", "Curitiba"), ("PR", "Paraná"), "BR", 2),
    _c(("Recife", "Recife"), ("PE", "Pernambuco"), "BR", 1),
    _c(("Fortaleza", "Fortaleza"), ("CE", "Ceará"), "BR", 1),
    _c(("Canoas", "Canoas"), ("RS",), "BR", 1),
    _c(("Niterói", "Niterói", "Niteroi"), ("RJ",), "BR", 1),
    _c(("Foz do Iguaçu", "Foz do Iguaçu", "Foz do Iguacu"), ("PR", "Paraná"), "BR", 1),
    # Paraguay.
    _c(("Asunción", "Asunción", "asuncion", "Asuncion"), ("Central", "", "Departamento Central"), "PY", 4),
    _c(("Ciudad del Este", "Ciudad del Este", "CDE"), ("Alto Paraná",), "PY", 1),
    _c(("Encarnación", "Encarnación", "Encarnacion"), ("Itapúa",), "PY", 1),
    _c(("Luque", "Luque"), ("Central",), "PY", 1),
    _c(("San Lorenzo", "San Lorenzo"), ("Central",), "PY", 1),
    # Chile.
    _c(("Santiago", "Santiago", "Santiago de Chile", "Stgo."), ("Región Metropolitana", "RM", ""), "CL", 5),
    _c(("Valparaíso", "Valparaíso", "Valparaiso"), ("Valparaíso",), "CL", 2),
    _c(("Viña del Mar", "Viña del Mar", "Vina del Mar"), ("Valparaíso",), "CL", 1),
    _c(("Concepción", "Concepción", "Concepcion"), ("Biobío",), "CL", 1),
    _c(("Temuco", "Temuco"), ("Araucanía",), "CL", 1),
    _c(("Peñalolén", "Peñalolén", "Penalolen"), ("Región Metropolitana",), "CL", 1),
    # Bolivia.
    _c(("La Paz", "La Paz", "La Paz, Bolivia"), ("La Paz",), "BO", 2),
    _c(("Santa Cruz de la Sierra", "Santa Cruz de la Sierra", "Santa Cruz"), ("Santa Cruz",), "BO", 1),
    _c(("Cochabamba", "Cochabamba"), ("Cochabamba",), "BO", 1),
    _c(("El Alto", "El Alto"), ("La Paz",), "BO", 1),
    # Peru.
    _c(("Lima", "Lima", "Lima Metropolitana"), ("Lima",), "PE", 3),
    _c(("Arequipa", "Arequipa"), ("Arequipa",), "PE", 1),
    _c(("Miraflores", "Miraflores"), ("Lima",), "PE", 1),
    _c(("Trujillo", "Trujillo"), ("La Libertad",), "PE", 1),
    # Outside the region.
    _c(("Barcelona", "Barcelona"), ("Cataluña", "Catalunya"), "ES", 2),
    _c(("Bogotá", "Bogotá", "Bogota", "Bogotá D.C."), ("Cundinamarca", ""), "CO", 2),
    _c(("Medellín", "Medellín", "Medellin"), ("Antioquia",), "CO", 1),
    _c(("Ciudad de México", "Ciudad de México", "CDMX"), ("CDMX", ""), "MX", 1),
    _c(("Montreal", "Montreal", "Montréal"), ("Quebec", "Québec"), "CA", 1),
    _c(("Quito", "Quito"), ("Pichincha",), "EC", 1),
)

# Ways people type each country in a free-text field (repeats are weights).
COUNTRY_SPELLINGS: dict[str, tuple[str, ...]] = {
    "AR": ("Argentina",) * 10 + ("ARG", "argentina", "Argentina ", "AR", "República Argentina"),
    "UY": ("Uruguay", "Uruguay", "Uruguay", "UY", "República Oriental del Uruguay"),
    "BR": ("Brasil", "Brasil", "Brasil", "Brazil", "BR"),
    "PY": ("Paraguay", "Paraguay", "PY"),
    "CL": ("Chile", "Chile", "chile"),
    "BO": ("Bolivia", "Bolivia", "Estado Plurinacional de Bolivia"),
    "PE": ("Perú", "Peru"),
    "ES": ("España",),
    "CO": ("Colombia",),
    "MX": ("México", "Mexico"),
    "CA": ("Canadá", "Canada"),
    "EC": ("Ecuador",),
}

# --- People ------------------------------------------------------------------------------------

NOMBRES_F_ES = (
    "María",
    "Lucía",
    "Valentina",
    "Camila",
    "Sofía",
    "Florencia",
    "Carolina",
    "Natalia",
    "Paula",
    "Andrea",
    "Gabriela",
    "Verónica",
    "Laura",
    "Silvina",
    "Mariana",
    "Agustina",
    "Julieta",
    "Romina",
    "Cecilia",
    "Inés",
    "Marcela",
    "Claudia",
    "Patricia",
    "Soledad",
    "Daniela",
    "Lorena",
    "Victoria",
    "Belén",
    "Micaela",
    "Noelia",
    "Graciela",
    "Alejandra",
    "Fernanda",
    "Rocío",
    "Milagros",
    "Ximena",
    "Ana",
    "Luciana",
    "Eugenia",
    "Mónica",
)
NOMBRES_M_ES = (
    "Juan",
    "José",
    "Martín",
    "Diego",
    "Federico",
    "Pablo",
    "Sebastián",
    "Matías",
    "Nicolás",
    "Gonzalo",
    "Alejandro",
    "Marcelo",
    "Fernando",
    "Gustavo",
    "Ricardo",
    "Andrés",
    "Javier",
    "Lucas",
    "Tomás",
    "Facundo",
    "Hernán",
    "Emiliano",
    "Ignacio",
    "Rodrigo",
    "Santiago",
    "Mariano",
    "Carlos",
    "Jorge",
    "Raúl",
    "Esteban",
    "Leandro",
    "Germán",
    "Joaquín",
    "Agustín",
    "Cristian",
    "Ramiro",
    "Eduardo",
    "Luis",
    "Daniel",
    "Héctor",
)
APELLIDOS_ES = (
    "González",
    "Rodríguez",
    "Gómez",
    "Fernández",
    "López",
    "Díaz",
    "Martínez",
    "Pérez",
    "García",
    "Sánchez",
    "Romero",
    "Sosa",
    "Álvarez",
    "Torres",
    "Ruiz",
    "Ramírez",
    "Flores",
    "Acosta",
    "Benítez",
    "Medina",
    "Herrera",
    "Suárez",
    "Aguirre",
    "Giménez",
    "Gutiérrez",
    "Pereyra",
    "Rojas",
    "Molina",
    "Castro",
    "Ortiz",
    "Silva",
    "Núñez",
    "Luna",
    "Juárez",
    "Cabrera",
    "Ríos",
    "Morales",
    "Godoy",
    "Domínguez",
    "Moreno",
    "Peralta",
    "Vega",
    "Carrizo",
    "Quiroga",
    "Ledesma",
    "Muñoz",
    "Ojeda",
    "Ponce",
    "Vera",
    "Vázquez",
    "Villalba",
    "Cardozo",
    "Navarro",
    "Ramos",
    "Arias",
    "Coronel",
    "Córdoba",
    "Cáceres",
    "Figueroa",
    "Correa",
    "Páez",
    "Videla",
    "Lucero",
    "Guiñazú",
    "Funes",
    "Bustos",
    "Escudero",
    "Calderón",
    "Zapata",
    "Barrera",
    "Olivares",
    "Montenegro",
    "Iglesias",
    "Saavedra",
    "Arenas",
    "Villegas",
    "Sepúlveda",
    "Fuentes",
    "Quispe",
    "Mamani",
)
NOMBRES_F_PT = (
    "Ana",
    "Maria",
    "Juliana",
    "Fernanda",
    "Camila",
    "Beatriz",
    "Larissa",
    "Patrícia",
    "Aline",
    "Renata",
    "Luciana",
    "Gabriela",
    "Mariana",
    "Tatiana",
    "Vanessa",
    "Cláudia",
    "Letícia",
    "Bruna",
    "Daniela",
    "Simone",
)
NOMBRES_M_PT = (
    "João",
    "Pedro",
    "Lucas",
    "Gabriel",
    "Rafael",
    "Marcos",
    "Paulo",
    "Felipe",
    "Rodrigo",
    "Thiago",
    "Bruno",
    "Gustavo",
    "André",
    "Ricardo",
    "Leonardo",
    "Márcio",
    "Fábio",
    "Sérgio",
    "Vinícius",
    "Eduardo",
)
APELLIDOS_PT = (
    "Silva",
    "Santos",
    "Oliveira",
    "Souza",
    "Lima",
    "Pereira",
    "Ferreira",
    "Costa",
    "Rodrigues",
    "Almeida",
    "Nascimento",
    "Carvalho",
    "Araújo",
    "Ribeiro",
    "Gomes",
    "Martins",
    "Barbosa",
    "Rocha",
    "Dias",
    "Moreira",
    "Cardoso",
    "Teixeira",
    "Correia",
    "Mendes",
    "Freitas",
    "Monteiro",
    "Vieira",
    "Batista",
    "Lopes",
    "Cavalcanti",
)
NOMBRES_F_OTROS = ("Marie", "Isabelle", "Montserrat", "Núria", "Catherine", "Sarah")
NOMBRES_M_OTROS = ("Jordi", "Pierre", "Jean-François", "Marc", "Oriol", "David")
APELLIDOS_OTROS = ("Tremblay", "Gagnon", "Puig", "Vidal", "Roy", "Ferrer", "Bouchard", "Soler")

# --- Cargos by role: (masculine, feminine) ------------------------------------------------------
# Every cargo below is mapped by roles.derive_role to the role it is filed under; a test checks
# it, because an innocent word ("Medio Ambiente", "Comisario Mayor") can drag a cargo elsewhere.

MAYOR_CARGOS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # country -> (masculine forms, feminine forms)
    "AR": (
        ("Intendente Municipal", "Intendente", "Intendente Municipal"),
        ("Intendenta", "Sra. Intendenta", "Intendenta Municipal"),
    ),
    "UY": (("Intendente", "Alcalde"), ("Intendenta", "Alcaldesa")),
    "BR": (("Prefeito", "Prefeito Municipal"), ("Prefeita", "Prefeita Municipal")),
    "PY": (("Intendente Municipal",), ("Intendenta Municipal",)),
    "_": (("Alcalde",), ("Alcaldesa",)),
}
# Mayors who always come, in pairs of one country so that both genders' titles appear.
MAYOR_ANCHORS: tuple[tuple[str, str], ...] = (
    ("Godoy Cruz", "AR"),
    ("Luján de Cuyo", "AR"),
    ("Porto Alegre", "BR"),
    ("Canoas", "BR"),
    ("Montevideo", "UY"),
    ("Canelones", "UY"),
    ("Peñalolén", "CL"),
    ("Miraflores", "PE"),
)
# Cities that send at least one person per way of typing them (the spellings the demo shows off).
SHOWCASE_CITIES = frozenset({"General San Martín", "Montevideo", "Asunción", "Buenos Aires", "São Paulo", "Rosario"})
CAPITAL_MAYOR = ("Jefe de Gobierno", "Jefa de Gobierno")  # Ciudad Autónoma de Buenos Aires

ROLE_CARGOS: dict[str, tuple[tuple[str, str], ...]] = {
    "gobierno_local": (
        ("Secretario de Seguridad", "Secretaria de Seguridad"),
        ("Secretario de Seguridad Ciudadana", "Secretaria de Seguridad Ciudadana"),
        ("Subsecretario de Prevención", "Subsecretaria de Prevención"),
        ("Director de Prevención del Delito", "Directora de Prevención del Delito"),
        ("Director de Monitoreo Urbano", "Directora de Monitoreo Urbano"),
        ("Director de Ambiente y Cambio Climático", "Directora de Ambiente y Cambio Climático"),
        ("Coordinador del Centro de Monitoreo", "Coordinadora del Centro de Monitoreo"),
        ("Concejal", "Concejala"),
        ("Concejal", "Concejal"),
        ("Jefe de Gabinete", "Jefa de Gabinete"),
        ("Funcionario municipal", "Funcionaria municipal"),
        ("Director de Planificación Urbana", "Directora de Planificación Urbana"),
    ),
    "gobierno_nacional_provincial": (
        ("Ministro de Seguridad", "Ministra de Seguridad"),
        ("Diputado Nacional", "Diputada Nacional"),
        ("Diputado provincial", "Diputada provincial"),
        ("Senador provincial", "Senadora provincial"),
        ("Legislador", "Legisladora"),
        ("Asesor legislativo provincial", "Asesora legislativa provincial"),
    ),
    "organismo_internacional": (
        ("Oficial de programa (PNUD)", "Oficial de programa (PNUD)"),
        ("Especialista en seguridad ciudadana - BID", "Especialista en seguridad ciudadana - BID"),
        ("Coordinador técnico, Mercociudades", "Coordinadora técnica, Mercociudades"),
        ("Consultor ONU-Hábitat", "Consultora ONU-Hábitat"),
        ("Representante de CAF", "Representante de CAF"),
        ("Enlace regional, Peace in Our Cities", "Enlace regional, Peace in Our Cities"),
    ),
    "academia_sociedad_civil": (
        ("Investigador CONICET", "Investigadora CONICET"),
        ("Profesor universitario", "Profesora universitaria"),
        ("Docente e investigador", "Docente e investigadora"),
        ("Presidente de Fundación Barrios Seguros", "Presidenta de Fundación Barrios Seguros"),
        ("Integrante de asociación civil", "Integrante de asociación civil"),
        ("Investigador independiente", "Investigadora independiente"),
        ("Estudiante de posgrado", "Estudiante de posgrado"),
        ("Referente vecinal", "Referente vecinal"),
    ),
    "policia_seguridad": (
        ("Comisario", "Comisaria"),
        ("Comisario Inspector", "Comisaria Inspectora"),
        ("Agente de Policía Municipal", "Agente de Policía Municipal"),
        ("Jefe de Policía Municipal", "Jefa de Policía Municipal"),
        ("Oficial de Guardia Urbana", "Oficial de Guardia Urbana"),
        ("Policía Municipal", "Policía Municipal"),
    ),
    "prensa": (
        ("Periodista", "Periodista"),
        ("Periodista", "Periodista"),
        ("Fotógrafo de prensa", "Fotógrafa de prensa"),
        ("Prensa institucional", "Prensa institucional"),
    ),
}
# Brazilian registrants write their cargo in Portuguese; roles missing here fall back to Spanish.
ROLE_CARGOS_PT: dict[str, tuple[tuple[str, str], ...]] = {
    "gobierno_local": (
        ("Secretário Municipal de Segurança", "Secretária Municipal de Segurança"),
        ("Diretor de Segurança Urbana", "Diretora de Segurança Urbana"),
        ("Vereador", "Vereadora"),
    ),
    "gobierno_nacional_provincial": (("Deputado Estadual", "Deputada Estadual"),),
    "academia_sociedad_civil": (
        ("Pesquisador", "Pesquisadora"),
        ("Professor universitário", "Professora universitária"),
    ),
    "policia_seguridad": (
        ("Comandante da Guarda Municipal", "Comandante da Guarda Municipal"),
        ("Policial militar", "Policial militar"),
    ),
    "prensa": (("Jornalista", "Jornalista"),),
}

# What the "Rol" multiple-choice question of the Form offered; often left blank.
ROL_OPTIONS: dict[str, str] = {
    "intendencia": "Intendente/a o Alcalde/sa",
    "gobierno_local": "Funcionario/a municipal",
    "gobierno_nacional_provincial": "Gobierno nacional o provincial",
    "organismo_internacional": "Organismo internacional",
    "academia_sociedad_civil": "Academia / Sociedad civil",
    "policia_seguridad": "Fuerzas de seguridad",
    "prensa": "Prensa",
}

# Share of the non-mayor registrations per role.
ROLE_WEIGHTS: dict[str, float] = {
    "gobierno_local": 0.36,
    "gobierno_nacional_provincial": 0.09,
    "organismo_internacional": 0.07,
    "academia_sociedad_civil": 0.25,
    "policia_seguridad": 0.14,
    "prensa": 0.05,
}

INTERNATIONAL_ORGS = (
    "PNUD",
    "BID",
    "Mercociudades - Secretaría Técnica Permanente",
    "ONU-Hábitat",
    "CAF",
    "Peace in Our Cities",
)
ACADEMIA_AR = (
    "Universidad Nacional de Cuyo",
    "CONICET Mendoza",
    "Universidad de Buenos Aires",
    "FLACSO Argentina",
    "Universidad Nacional de Córdoba",
    "Universidad Nacional de Rosario",
    "Fundación Barrios Seguros",
    "Asociación Civil Ciudad Abierta",
)
ACADEMIA_OTROS = {
    "UY": ("Universidad de la República",),
    "BR": ("Universidade de São Paulo", "Fórum Brasileiro de Segurança Pública"),
    "CL": ("Universidad de Chile", "Fundación Paz Ciudadana"),
    "PE": ("Pontificia Universidad Católica del Perú",),
    "PY": ("Universidad Nacional de Asunción",),
    "BO": ("Universidad Mayor de San Andrés",),
    "_": ("FLACSO",),
}
PRENSA_MZA = ("Diario Los Andes", "MDZ Online", "El Sol Mendoza", "Unidiversidad", "Radio Nacional Mendoza")

REDES = (
    "Mercociudades",
    "Peace in Our Cities",
    "FAM",
    "CGLU",
    "Red Argentina de Municipios frente al Cambio Climático",
)

REGISTRADORES = ("Valentina Ríos", "Tomás Aguirre", "Carla Pizarro")

EMAIL_DOMAINS_PERSONAL = ("gmail.com",) * 6 + ("hotmail.com", "yahoo.com.ar", "outlook.com")
EMAIL_DOMAINS_PERSONAL_BR = ("gmail.com", "gmail.com", "hotmail.com", "uol.com.br")
