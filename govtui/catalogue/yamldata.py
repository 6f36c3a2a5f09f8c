"""Models to plain YAML data and back to text, keyed and defaulted exactly as the loader reads them.

Every scalar is written as text: govtui reads each value by its field's model, so `copies: 1` and
`reviewed: 2026-11-01` need no YAML type, and a value is never re-typed by YAML's guessing.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar, cast

import yaml

from govtui.content.conditions import Condition
from govtui.content.documents import DOCUMENTS, read_guide, read_policy
from govtui.content.findings import Finding, Report
from govtui.content.models import FactType, Guide, Policy
from govtui.content.records import Shape
from govtui.content.yamlkeys import REQUIRED
from govtui.content.yamlreader import Cursor, Invalid, Source

Data = dict[str, Any]
T = TypeVar("T")
_NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})
_STR_TAG = "tag:yaml.org,2002:str"
_SEQUENCE_TAG = "tag:yaml.org,2002:seq"
_MAPPING_TAG = "tag:yaml.org,2002:map"
# Where a node made from data starts: it has no text, so every finding is placed at its start.
_MARK = yaml.Mark("<data>", 0, 0, 0, None, 0)
# The documents' own shapes, with their special readers (a guide's codes); nested models get theirs.
_SHAPES: dict[type, Shape[Any]] = {Guide: read_guide, Policy: read_policy}


def _shape(model: type) -> Shape[Any]:
    if model not in _SHAPES:
        _SHAPES[model] = DOCUMENTS.shape(model)
    return _SHAPES[model]


def to_data(model: object) -> Data:
    """A model as the mapping its YAML file holds: defaults left out, keys as the loader reads."""
    data: Data = {}
    for field in _shape(type(model)).fields():
        if not field.stored:
            continue
        value = getattr(model, field.attribute)
        if field.default is not REQUIRED and value == field.default:
            continue
        data[field.key] = plain(value)
    return data


def plain(value: object) -> Any:
    """One value as YAML data: text, lists and mappings only."""
    if isinstance(value, Condition):
        return value.source
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, int | float):
        return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    if isinstance(value, str):
        return value
    if isinstance(value, tuple | list):
        return [plain(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): plain(item) for key, item in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_data(value)
    raise TypeError(f"no YAML form for {type(value).__name__}")


# libyaml's emitter and parser: the pure-Python ones made a 1,500-row import take minutes.
class _Dumper(yaml.CSafeDumper):
    """No implicit types: a plain scalar is always text, so nothing is quoted for YAML's sake."""

    yaml_implicit_resolvers: dict[Any, Any] = {}

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        # With no implicit or path resolvers every node takes its kind's tag; libyaml's emitter
        # asks twice per scalar, and the generic lookup cost more than the emitting.
        if kind is yaml.ScalarNode:
            return _STR_TAG
        return _SEQUENCE_TAG if kind is yaml.SequenceNode else _MAPPING_TAG


def _style(value: str) -> str | None:
    if value in _NULL_WORDS:
        return '"'  # plain, the word would read as "not given"
    return "|" if "\n" in value else None


def _text(dumper: yaml.CSafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar(_STR_TAG, value, style=_style(value))


_Dumper.add_representer(str, _text)


class _NotPlain(Exception):
    """Data `_node` leaves to PyYAML's representer: other scalars, or a container met twice."""


def _node(value: object, seen: set[int]) -> yaml.Node:
    """The node `_Dumper` represents plain data as (text, lists, mappings with text keys).

    Built here, it skips PyYAML's generic representer, which took most of a dump's time.
    """
    kind = type(value)
    if kind is str:
        return yaml.ScalarNode(_STR_TAG, value, _MARK, _MARK, _style(cast(str, value)))
    if kind is not dict and kind is not list:
        raise _NotPlain
    if id(value) in seen:
        raise _NotPlain  # the representer writes a container met twice as an anchor and alias
    seen.add(id(value))
    if kind is list:
        items = [_node(item, seen) for item in cast(list[Any], value)]
        return yaml.SequenceNode(_SEQUENCE_TAG, items, _MARK, _MARK, flow_style=False)
    pairs = []
    for key, item in cast(dict[Any, Any], value).items():
        if type(key) is not str:
            raise _NotPlain
        pairs.append((_node(key, seen), _node(item, seen)))
    return yaml.MappingNode(_MAPPING_TAG, pairs, _MARK, _MARK, flow_style=False)


def _plain_node(data: object) -> yaml.Node | None:
    try:
        return _node(data, set())
    except _NotPlain:
        return None


def dump(data: object) -> str:
    """YAML text of plain data, keys in the order given."""
    node = _plain_node(data)
    if node is None:
        return yaml.dump(
            data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100, indent=2
        )
    return yaml.serialize(node, Dumper=_Dumper, allow_unicode=True, width=100, indent=2)


class _Loader(yaml.CBaseLoader):
    """Everything as text, as written; only an unquoted null word is "not given"."""


def _scalar(loader: yaml.CBaseLoader, node: yaml.ScalarNode) -> str | None:
    value = loader.construct_scalar(node)
    if not node.style and value in _NULL_WORDS:  # plain: libyaml gives "", Python None
        return None
    return str(value)


_Loader.add_constructor("tag:yaml.org,2002:str", _scalar)


def load_text(text: str) -> Any:
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a BaseLoader subclass constructs text only


def load_file(path: Path) -> Data | None:
    """A content file as plain text data, or None when it is missing or not a mapping."""
    try:
        data = load_text(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    return data if isinstance(data, dict) else None


def without_nulls(data: Any) -> Any:
    """Drop keys whose value is null or empty, as the loader would take their defaults."""
    if isinstance(data, dict):
        cleaned = {key: without_nulls(value) for key, value in data.items()}
        return {key: value for key, value in cleaned.items() if value not in (None, [], {})}
    if isinstance(data, list):
        return [without_nulls(item) for item in data]
    return data


def read_text(
    text: str, path: Path, read: Callable[[Cursor], T], fact_types: Mapping[str, FactType]
) -> tuple[T | None, list[Finding]]:
    """A model read from YAML text as the loader reads a file, with every problem found."""
    node = yaml.compose(text, Loader=yaml.CSafeLoader)
    if node is None:
        return None, []
    return _read_node(node, path, read, fact_types)


def _read_node(
    node: yaml.Node, path: Path, read: Callable[[Cursor], T], fact_types: Mapping[str, FactType]
) -> tuple[T | None, list[Finding]]:
    report = Report()
    cursor = Cursor(Source(path, report, fact_types), node, "")
    try:
        return read(cursor), report.findings
    except Invalid:
        return None, report.findings


def read_guide_text(
    text: str, path: Path, fact_types: Mapping[str, FactType]
) -> tuple[Guide | None, list[Finding]]:
    return read_text(text, path, read_guide, fact_types)


def read_data(
    data: Data, path: Path, read: Callable[[Cursor], T], fact_types: Mapping[str, FactType]
) -> tuple[T | None, list[Finding]]:
    """A model read from plain data as `read_text` reads the text `dump` writes of it.

    The nodes are made from the data, not dumped and parsed again, so each finding is placed at
    the start of `path`, not at its line in the text.
    """
    node = _plain_node(data)
    if node is None:
        return read_text(dump(data), path, read, fact_types)
    return _read_node(node, path, read, fact_types)


def read_guide_data(
    data: Data, path: Path, fact_types: Mapping[str, FactType]
) -> tuple[Guide | None, list[Finding]]:
    return read_data(data, path, read_guide, fact_types)


def canonical(data: Data, model: type = Guide) -> Data | None:
    """Data as the model holds it (defaults left out, keys in order), or None when it is invalid."""
    read = read_guide if model is Guide else DOCUMENTS.reader(model)
    value, _ = read_data(data, Path("<import>"), read, {})
    return to_data(value) if value is not None else None


def guide_keys() -> list[str]:
    """A guide's keys in the model's order."""
    return [field.key for field in read_guide.fields() if field.stored]
