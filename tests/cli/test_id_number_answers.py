"""`govtui checklist --answer` checks an ID number against --as-of, the day of the case."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from govtui import cli
from govtui.interview.validate import id_number_check_digit

CONTENT = Path(__file__).resolve().parent.parent / "data" / "content"
BORN_2026_12_02 = "11010520261202123" + id_number_check_digit("11010520261202123")

runner = CliRunner()


def _checklist(number: str, on_date: str) -> tuple[int, str]:
    result = runner.invoke(
        cli.app,
        [
            *("--content", str(CONTENT), "--lang", "en", "checklist", "living-allowance"),
            *("--answer", f"applicant_id_number={number}", "--as-of", on_date),
            *("--format", "json"),
        ],
    )
    return result.exit_code, result.stderr


def test_a_birth_date_after_as_of_is_refused_and_accepted_from_that_day() -> None:
    code, said = _checklist(BORN_2026_12_02, "2026-12-01")
    assert code == 2
    assert "applicant_id_number" in said and "cannot be after today" in said
    assert "Traceback" not in said
    assert _checklist(BORN_2026_12_02, "2026-12-02") == (0, "")


def test_an_impossible_region_is_refused_whatever_the_date() -> None:
    number = "99010119800101123" + id_number_check_digit("99010119800101123")
    code, said = _checklist(number, "2026-12-01")
    assert code == 2 and "990101" in said and "region code" in said
