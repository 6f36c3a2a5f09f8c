"""Shared constants, types and the golden files' syrupy extensions for the render tests."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode
from syrupy.location import PyTestLocation
from syrupy.types import SerializableData, SerializedData, SnapshotIndex

from govtui.interview import Outcome

TESTS = Path(__file__).resolve().parent.parent
CONTENT = TESTS / "data" / "content"
# A fixed date inside every synthetic guide's range: render has no clock, and neither do its tests.
AS_OF = datetime.date(2026, 11, 22)

Evaluate = Callable[..., Outcome]


class GoldenFile(SingleFileSnapshotExtension):
    """One golden file per case, named after it, holding exactly the bytes the export writes.

    `snapshot.use_extension(GOLDEN["txt"])(name="newborn-guardian.text48")` is the file
    `__snapshots__/test_goldens/newborn-guardian.text48.txt`, so a reviewer diffs a plain file.
    """

    _write_mode = WriteMode.BINARY  # byte for byte: no newline translation on any platform

    def serialize(self, data: SerializableData, **kwargs: Any) -> SerializedData:
        # Ends in a newline, as a text file should; the exports themselves do not add one.
        return (str(data) + "\n").encode("utf-8")

    @classmethod
    def get_snapshot_name(cls, *, test_location: PyTestLocation, index: SnapshotIndex = 0) -> str:
        if not isinstance(index, str):
            raise TypeError("a golden file needs a name: golden(name=...)")
        return index

    def diff_lines(
        self, serialized_data: SerializedData, snapshot_data: SerializedData
    ) -> Iterator[str]:
        # Decoded first: syrupy would otherwise diff the bytes' repr, all on one line.
        yield from super().diff_lines(_text(serialized_data), _text(snapshot_data))


def _text(data: SerializedData) -> str:
    return data.decode("utf-8") if isinstance(data, bytes) else str(data)


class TextGolden(GoldenFile):
    _file_extension = "txt"


class MarkdownGolden(GoldenFile):
    _file_extension = "md"


class HtmlGolden(GoldenFile):
    _file_extension = "html"


class JsonGolden(GoldenFile):
    _file_extension = "json"


# The extension for each golden file's suffix (syrupy keys a file's extension to its class).
GOLDEN: dict[str, type[GoldenFile]] = {
    extension._file_extension: extension
    for extension in (TextGolden, MarkdownGolden, HtmlGolden, JsonGolden)
}
