"""Workbooks for the Google Sheets tests (the fixtures that serve them are in conftest.py)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

# Short timeouts keep the "delay" fault fast; the server stalls longer than this.
TEST_TIMEOUT = (1.0, 1.0)


def forum_tabs(n_personas: int = 24) -> dict[str, list[list[Any]]]:
    """A small forum workbook with real cell types: datetimes, numbers, es-AR text, blanks."""
    day = datetime(2025, 6, 19)
    cities = [
        ("Godoy Cruz", "Mendoza", "Argentina"),
        ("Montevideo", "", "Uruguay"),
        ("Rosario", "Santa Fe", "Argentina"),
        ("Asunción", "", "Paraguay"),
        ("Porto Alegre", "RS", "Brasil"),
        ("Valparaíso", "", "Chile"),
    ]
    cargos = ["Intendente Municipal", "Secretaria de Seguridad", "Investigadora", "Concejal", "Alcaldesa", "Periodista"]
    ins: list[list[Any]] = [
        [
            "Marca temporal",
            "Nombre",
            "Apellido",
            "Dirección de correo electrónico",
            "DNI",
            "Cargo",
            "Ciudad",
            "Provincia",
            "País",
            "Género",
            "Red",
            "Solicita apoyo",
        ]
    ]
    acr: list[list[Any]] = [["Marca temporal", "Dirección de correo electrónico", "Punto", "Movimiento"]]
    for i in range(n_personas):
        ciudad, prov, pais = cities[i % len(cities)]
        email = f"persona{i}@ejemplo.org"
        ins.append(
            [
                datetime(2025, 5, 1, 9, 0) + timedelta(hours=7 * i),
                f"Nombre{i}",
                f"Apellido{i}",
                email,
                30_000_000 + i,
                cargos[i % len(cargos)],
                ciudad,
                prov,
                pais,
                "Femenino" if i % 2 else "Masculino",
                "Mercociudades" if i % 3 == 0 else None,
                "Sí" if i % 4 == 0 else "No",
            ]
        )
        if i % 3 != 2:
            acr.append([day + timedelta(hours=8, minutes=5 * i), email, "Acreditación", "entrada"])
    ins.append(
        [
            datetime(2025, 5, 20, 10, 0),
            "Nombre1",
            "Apellido1",
            "PERSONA1@ejemplo.org",
            None,
            "",
            "Montevideo",
            None,
            "Uruguay",
        ]
    )  # a duplicate, with trailing blanks
    ins.append([])  # a blank row in the middle
    ins.append(["19/6/2025 9:05:33", "Tardía", "Inscripta", "tardia@ejemplo.org"])  # a typed Forms timestamp
    acr.append([day + timedelta(hours=9), "desconocida@ejemplo.org", "Acreditación", "entrada"])  # walk-in
    return {
        "Inscripciones": ins,
        "Acreditaciones": acr,
        "Salas": [["Sala", "Capacidad", "Piso"], ["Sala 1", 120, 1], ["Plenario", 600, None]],
        "Agenda": [
            ["Inicio", "Fin", "Sala", "Actividad", "Tipo"],
            [day + timedelta(hours=9), day + timedelta(hours=11), "Plenario", "Apertura", "plenario"],
        ],
        "Apoyos": [
            ["Dirección de correo electrónico", "Tipo", "Monto solicitado", "Monto aprobado", "Moneda", "Estado"],
            ["persona0@ejemplo.org", "pasaje", 150000.5, 150000.5, "ARS", "aprobado"],
            ["persona4@ejemplo.org", "alojamiento", 300, None, "USD", "solicitado"],
        ],
        "Presupuesto": [["Moneda", "Monto"], ["ARS", 5_000_000], ["USD", 10_000]],
        "Notas internas": [["no es parte del contrato"]],
    }


def write_xlsx(tabs: dict[str, list[list[Any]]], path: Path) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in tabs.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row if row else [None])
    wb.save(path)
    return path
