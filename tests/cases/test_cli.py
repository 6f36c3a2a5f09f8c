"""`govtui cases purge` for a centre's scheduled job: the count, and only expired cases go."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from govtui.cli import app


def test_purge_deletes_expired_cases_and_prints_the_count(tmp_path: Path) -> None:
    expired = tmp_path / "QH-2222.govtui-case"
    expired.write_text(
        '{"govtui_case": 1, "code": "QH-2222", "salt": "AAAAAAAAAAAAAAAAAAAAAA==", "nonce":'
        ' "AAAAAAAAAAAAAAAA", "saved": "2000-01-01", "expires": "2000-01-08"}\nx\nsha256 0\n'
    )
    kept = tmp_path / "notes.txt"
    kept.write_text("not a case")
    result = CliRunner().invoke(app, ["--lang", "en", "cases", "purge", "--folder", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "Deleted one expired case" in result.output
    assert not expired.exists() and kept.exists()
    again = CliRunner().invoke(app, ["cases", "purge", "--folder", str(tmp_path)])
    assert "已删除 0 份过期案卷" in again.output
