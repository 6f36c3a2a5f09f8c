"""The 好差评 ratings file: no personal data in it, and a damaged file is never overwritten."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from govtui.tui.ratings import Rating, save_rating, scrub

DAY = datetime.date(2026, 11, 22)


def test_reason_is_scrubbed_of_id_and_mobile_numbers(tmp_path: Path) -> None:
    assert scrub("打13800138000找我，证件11010519491231002X") == (
        "打138****8000找我，证件110105********002X"
    )
    save_rating(tmp_path, Rating("dibao-application", 4, "电话13800138000", DAY))
    [record] = json.loads((tmp_path / "ratings.json").read_text(encoding="utf-8"))
    assert record == {
        "guide": "dibao-application",
        "rating": 4,
        "reason": "电话138****8000",
        "date": "2026-11-22",
    }


def test_damaged_file_is_moved_aside(tmp_path: Path) -> None:
    (tmp_path / "ratings.json").write_text("{broken", encoding="utf-8")
    save_rating(tmp_path, Rating("newborn", 5, None, DAY))
    [aside] = tmp_path.glob("ratings.json.damaged-*")
    assert aside.read_text(encoding="utf-8") == "{broken"
    assert len(json.loads((tmp_path / "ratings.json").read_text(encoding="utf-8"))) == 1
