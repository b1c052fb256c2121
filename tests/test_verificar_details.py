"""Issue 12 item 6: a Problem names the cell that is wrong, and an empty tab is one notice."""

from tests.workbooks import INSCRIPCIONES_HEADERS as H
from tests.workbooks import person, snapshot

PEOPLE = [H, person("Ana", "Paz", "ana@x.org")]


def test_unknown_conteo_tipo_reports_the_tipo_value():
    s = snapshot(
        Inscripciones=PEOPLE,
        Conteos=[["Marca temporal", "Sala", "Tipo", "Valor"], ["19/6/2025 10:00:00", "Sala 1", "mitad", "4"]],
    )
    (p,) = [p for p in s.problems if p.kind == "conteo_invalido"]
    assert (p.row, p.column, p.value) == (2, "tipo", "mitad")
    assert "mitad" in p.reason


def test_conteo_without_sala_still_names_the_sala_column():
    s = snapshot(
        Inscripciones=PEOPLE,
        Conteos=[["Marca temporal", "Sala", "Tipo", "Valor"], ["19/6/2025 10:00:00", "", "conteo", "4"]],
    )
    (p,) = [p for p in s.problems if p.kind == "conteo_invalido"]
    assert (p.column, p.value) == ("sala", "")


def test_apoyo_identified_by_id_names_the_id_column():
    s = snapshot(
        Inscripciones=[["ID", *H], ["P-1", *person("Ana", "Paz", "ana@x.org")]],
        Apoyos=[
            ["ID", "Monto solicitado", "Moneda", "Estado"],
            ["P-9", "100", "ARS", "solicitado"],
            ["P-1", "100", "ARS", "solicitado"],
        ],
    )
    (p,) = [p for p in s.problems if p.kind == "apoyo_sin_inscripcion"]
    assert (p.row, p.column, p.value) == (2, "id", "P-9")
    assert s.apoyos[1].persona is not None


def test_an_empty_optional_tab_is_one_notice():
    s = snapshot(Inscripciones=PEOPLE, Conteos=[], Salas=[[None, None], []])
    for tab in ("Conteos", "Salas"):
        mine = [p for p in s.problems if p.tab == tab]
        assert [(p.kind, p.severity) for p in mine] == [("pestana_vacia", "aviso")], mine
        assert "vacía" in mine[0].reason


def test_an_empty_inscripciones_is_one_error():
    s = snapshot(Inscripciones=[])
    assert [(p.kind, p.severity) for p in s.problems] == [("pestana_vacia", "error")]
    assert "Inscripciones" not in s.present_tabs


def test_verificar_shows_an_empty_csv_tab_as_one_line_and_one_notice(tmp_path):
    from tests.test_cli import run_cli

    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "Inscripciones.csv").write_text(
        "Nombre,Apellido,Correo electrónico\nAna,Paz,ana@x.org\n", encoding="utf-8"
    )
    (folder / "Conteos.csv").write_text("", encoding="utf-8")
    secrets = tmp_path / "s.toml"
    secrets.write_text(f'[foro]\nfuente = "archivo"\narchivo = "{folder}"\n', encoding="utf-8")
    r = run_cli("verificar", secrets=secrets)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "✗ Conteos (como «Conteos»): vacía, sin encabezados" in r.stdout
    assert len([line for line in r.stdout.splitlines() if "Conteos" in line]) == 2  # the tab line and one notice
    assert "[pestana_vacia] Conteos:" in r.stdout and "columna_faltante" not in r.stdout
