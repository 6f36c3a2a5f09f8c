"""Read YAML safely into node cursors that remember where every value was written."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar, cast

import yaml

from govtui.content import scalars
from govtui.content.findings import Report
from govtui.content.models import FactType, Location
from govtui.content.yamlkeys import FACT_ID, SLUG

# A space between two wide (CJK) characters or punctuation marks.
_FOLD_SPACE = re.compile(r"(?<=[\u2e80-\u9fff\uf900-\uffef]) (?=[\u2e80-\u9fff\uf900-\uffef])")

__all__ = ["FACT_ID", "MAX_FILE_BYTES", "SLUG", "Cursor", "Fields", "Invalid", "read_yaml_file"]

MAX_FILE_BYTES = 1024 * 1024
SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
T = TypeVar("T")
_NULL_TAG = "tag:yaml.org,2002:null"


class Invalid(Exception):
    """Raised inside a reader when a value cannot be used; the finding is already recorded."""


def read_yaml_file(
    path: Path,
    report: Report,
    fact_types: Mapping[str, FactType] | None = None,
    raw: bytes | None = None,
) -> Cursor | None:
    """Read one file into a cursor, or record why it cannot be read and return None.

    `fact_types` types the answers of worked examples by the fact they answer. `raw` is the
    file's bytes if the caller has read them already (the parsed-file cache keys on them).
    """
    start = Location(path, 1, 1)
    try:
        size = path.stat().st_size if raw is None else len(raw)
        if size > MAX_FILE_BYTES:
            report.error(
                start,
                "",
                f"the file is {size // 1024} KiB; content files may be at most "
                f"{MAX_FILE_BYTES // 1024} KiB. Split it into smaller files.",
                "file",
            )
            return None
        if raw is None:
            raw = path.read_bytes()
    except OSError as error:
        report.error(start, "", f"cannot read the file: {error.strerror}", "file")
        return None
    if b"\x00" in raw:
        report.error(start, "", "this is a binary file, not YAML text", "file")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        report.error(
            Location(path, line, 1),
            "",
            f"the file is not UTF-8 (bad byte at offset {error.start}); save it as UTF-8",
            "file",
        )
        return None
    if not text.strip():
        report.error(start, "", "the file is empty", "file")
        return None
    try:
        loader = SafeLoader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = Location(path, mark.line + 1, mark.column + 1) if mark else start
        problem = error.problem or error.context or "invalid YAML"
        report.error(where, "", f"invalid YAML: {problem}", "yaml")
        return None
    except yaml.YAMLError as error:
        report.error(start, "", f"invalid YAML: {error}", "yaml")
        return None
    if node is None:
        report.error(start, "", "the file holds no YAML document", "file")
        return None
    unsafe = _first_foreign_tag(node)
    if unsafe is not None:
        mark = unsafe.start_mark
        report.error(
            Location(path, mark.line + 1, mark.column + 1),
            "",
            f"invalid YAML: the tag {unsafe.tag!r} is not allowed in content (plain YAML only)",
            "yaml",
        )
        return None
    return Cursor(Source(path, report, fact_types or {}), node, "")


_PLAIN_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}


def _first_foreign_tag(root: yaml.Node) -> yaml.Node | None:
    """The first node with a tag the safe loader would not build, e.g. !!python/object."""
    stack = [root]
    while stack:
        node = stack.pop()
        if node.tag not in _PLAIN_TAGS:
            return node
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return None


@dataclass(frozen=True, slots=True)
class Source:
    """The file being read, the report its problems go to, and the fact types answers follow."""

    file: Path
    report: Report
    fact_types: Mapping[str, FactType] = field(default_factory=dict)


class Cursor:
    """A YAML node with its source file, its field path and the report to record problems in."""

    __slots__ = ("source", "node", "path")

    def __init__(self, source: Source, node: yaml.Node, path: str) -> None:
        self.source = source
        self.node = node
        self.path = path

    @property
    def file(self) -> Path:
        return self.source.file

    @property
    def report(self) -> Report:
        return self.source.report

    @property
    def where(self) -> Location:
        mark = self.node.start_mark
        return Location(self.source.file, mark.line + 1, mark.column + 1)

    def fail(self, message: str) -> Invalid:
        self.source.report.error(self.where, self.path, message)
        return Invalid(message)

    def warn(self, message: str) -> None:
        self.source.report.warning(self.where, self.path, message)

    def child_path(self, key: str | int) -> str:
        if isinstance(key, int):
            return f"{self.path}[{key}]"
        return f"{self.path}.{key}" if self.path else key

    # Structure -------------------------------------------------------------------------------

    def entries(self, allowed: Collection[str] | None = None) -> dict[str, Cursor]:
        """The mapping's values by key; a duplicate key, or one not `allowed`, is recorded."""
        if not isinstance(self.node, yaml.MappingNode):
            raise self.fail(f"expected a mapping (key: value pairs), found {self._kind()}")
        children: dict[str, Cursor] = {}
        for key_node, value_node in self.node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                Cursor(self.source, key_node, self.path).fail("keys must be plain names")
                continue
            key = str(key_node.value)
            if key in children:
                Cursor(self.source, key_node, self.path).fail(f"the key '{key}' appears twice")
                continue
            if allowed is not None and key not in allowed:
                hint = _closest(key, sorted(allowed))
                suggestion = f"; did you mean '{hint}'?" if hint else ""
                Cursor(self.source, key_node, self.child_path(key)).fail(
                    f"unknown key '{key}'{suggestion}"
                )
                continue
            children[key] = Cursor(self.source, value_node, self.child_path(key))
        return children

    def mapping(self, required: Sequence[str], optional: Sequence[str] = ()) -> Fields:
        children = self.entries({*required, *optional})
        missing = [key for key in required if key not in children]
        for key in missing:
            self.source.report.error(
                self.where, self.child_path(key), "this required field is missing"
            )
        return Fields(self, children, failed=bool(missing))

    def items(self) -> list[Cursor]:
        if not isinstance(self.node, yaml.SequenceNode):
            raise self.fail(f"expected a list, found {self._kind()}")
        return [
            Cursor(self.source, child, self.child_path(index))
            for index, child in enumerate(self.node.value)
        ]

    def list_of(self, read: Callable[[Cursor], T]) -> tuple[T, ...]:
        """Read every item, keeping the good ones; a bad item is recorded, not fatal."""
        values: list[T] = []
        for item in self.items():
            try:
                values.append(read(item))
            except Invalid:
                continue
        return tuple(values)

    def one_or_many(self, read: Callable[[Cursor], T]) -> tuple[T, ...]:
        if isinstance(self.node, yaml.SequenceNode):
            return self.list_of(read)
        return (read(self),)

    # Scalars: the text as written, typed only by the reader the model asks for -----------------

    def _kind(self) -> str:
        node = self.node
        if isinstance(node, yaml.MappingNode):
            return "a mapping"
        if isinstance(node, yaml.SequenceNode):
            return "a list"
        if node.tag == _NULL_TAG:
            return f"null (written '{node.value}')" if node.value else "nothing (null)"
        return f"'{node.value}'"

    def _scalar(self, expected: str) -> str:
        """The scalar's source text; a list, a mapping or a null is recorded as the wrong kind."""
        node = self.node
        if not isinstance(node, yaml.ScalarNode) or node.tag == _NULL_TAG:
            raise self.fail(f"expected {expected}, found {self._kind()}")
        return str(node.value)

    def _typed(self, expected: str, parse: Callable[[str], T]) -> T:
        try:
            return parse(self._scalar(expected).strip())
        except scalars.ScalarError as error:
            raise self.fail(str(error)) from None

    def is_scalar(self) -> bool:
        return isinstance(self.node, yaml.ScalarNode)

    def is_null(self) -> bool:
        return isinstance(self.node, yaml.ScalarNode) and self.node.tag == _NULL_TAG

    def text(self) -> str:
        """The text exactly as written: `2026.10`, `8:30`, `0123` and `yes` stay what they say."""
        if self.is_null() and str(self.node.value).lower() == "null":
            raise self.fail(f"expected text, found {self._kind()}; quote it if you mean the word")
        text = self._scalar("text").strip()
        if not text:
            raise self.fail("this text is empty")
        if isinstance(self.node, yaml.ScalarNode) and self.node.style == ">":
            # A folded block joins its lines with a space, which Chinese never has between two
            # characters: "的， 可以申请" is the line break in the file, not the author's.
            text = _FOLD_SPACE.sub("", text)
        return text

    def slug(self, pattern: re.Pattern[str] = SLUG) -> str:
        text = self.text()
        if not pattern.match(text):
            shape = "snake_case (a-z, 0-9, _)" if pattern is FACT_ID else "kebab-case (a-z, 0-9, -)"
            raise self.fail(f"'{text}' is not a valid id: use lowercase ASCII {shape}")
        return text

    def integer(self, minimum: int | None = None) -> int:
        value = self._typed("a whole number", scalars.integer)
        if minimum is not None and value < minimum:
            raise self.fail(f"must be at least {minimum}, found {value}")
        return value

    def numeric(self) -> int | float:
        """A number as written: whole numbers stay int, decimals are float."""
        return self._typed("a number", scalars.number)

    def number(self) -> float:
        return float(self.numeric())

    def boolean(self) -> bool:
        return self._typed("true or false", scalars.boolean)

    def date(self) -> datetime.date:
        return self._typed("a date as YYYY-MM-DD", scalars.date)

    def choice(self, allowed: Sequence[T]) -> T:
        text = self.text()
        if text not in allowed:
            options = " | ".join(str(option) for option in allowed)
            raise self.fail(f"'{text}' is not allowed here; use one of: {options}")
        return cast(T, text)

    def texts(self) -> tuple[str, ...]:
        if isinstance(self.node, yaml.ScalarNode) and not self.is_null():
            return (self.text(),)
        return self.list_of(Cursor.text)


class Fields:
    """The checked keys of one mapping; reading a field records problems and moves on."""

    def __init__(self, owner: Cursor, children: dict[str, Cursor], failed: bool) -> None:
        self.owner = owner
        self.children = children
        self.failed = failed

    def __contains__(self, key: str) -> bool:
        return key in self.children

    def read(self, key: str, read: Callable[[Cursor], T]) -> T:
        """Read a required field. A missing or bad value is recorded and marks the mapping failed,
        so reading goes on and every problem in the element is reported; call `done()` last."""
        cursor = self.children.get(key)
        if cursor is None:
            self.failed = True
            return cast(T, None)
        try:
            return read(cursor)
        except Invalid:
            self.failed = True
            return cast(T, None)

    def done(self) -> None:
        """Give up on the element when any required field was missing or bad."""
        if self.failed:
            raise Invalid(self.owner.path)


def _closest(word: str, candidates: list[str]) -> str | None:
    import difflib

    matches = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return matches[0] if matches else None
