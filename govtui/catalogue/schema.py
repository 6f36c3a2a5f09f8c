"""JSON Schemas of the content files, derived from the models the loader reads them with.

Nothing is written twice: a field's key, type, default and marks (`Key`, `AtLeast`, `Slug`,
`FactId`) come from `govtui/content/models.py`, as the loader's do. An editor with a YAML language
server gets completion and errors from them while typing.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
import types
from collections.abc import Mapping
from typing import Annotated, Any, Literal, Union, get_args, get_origin, get_type_hints

from govtui.content.conditions import Condition
from govtui.content.models import (
    AnswerValue,
    Bundle,
    Category,
    Fact,
    Guide,
    Locality,
    Policy,
    SynonymGroup,
)
from govtui.content.yamlkeys import REQUIRED, AtLeast, Key

Schema = dict[str, Any]
_SKIPPED = {"path", "where", "kind"}
# Fields whose YAML is not their model's shape (read by a reader of their own).
_SPECIAL: dict[tuple[type, str], Schema] = {
    (Guide, "codes"): {
        "type": "object",
        "properties": {"basic": {"type": "string"}, "implementation": {"type": "string"}},
        "additionalProperties": False,
    },
    (Bundle, "guides"): {
        "type": "array",
        "items": {
            "anyOf": [
                {"type": "string"},
                {
                    "type": "object",
                    "properties": {"guide": {"type": "string"}, "when": {"type": "string"}},
                    "required": ["guide", "when"],
                    "additionalProperties": False,
                },
            ]
        },
    },
}
_COMPUTED = {(Bundle, "member_conditions")}
KINDS: dict[str, tuple[type, str | None]] = {
    "guide": (Guide, None),
    "policy": (Policy, None),
    "bundle": (Bundle, None),
    "facts": (Fact, "facts"),
    "synonyms": (SynonymGroup, "synonyms"),
    "categories": (Category, "categories"),
    "locality": (Locality, None),
}


def _scalar(hint: object) -> Schema | None:
    if hint is str or hint is Condition:
        # govtui reads a text as written: `version: 2026.10` is text though YAML 1.2 sees a number.
        return {"type": ["string", "number", "boolean"]}
    if hint is bool:
        return {"type": "boolean"}
    if hint is int:
        return {"type": "integer"}
    if hint is float:
        return {"type": "number"}
    if hint is datetime.date:
        return {"type": "string", "format": "date"}
    if hint == Mapping[str, AnswerValue]:
        return {"type": "object", "additionalProperties": {"type": ["string", "number", "boolean"]}}
    return None


def type_schema(hint: object, definitions: dict[str, Schema]) -> Schema:
    """The schema of one type, its dataclasses collected in `definitions`."""
    known = _scalar(hint)
    if known is not None:
        return known
    origin, arguments = get_origin(hint), get_args(hint)
    if origin is Annotated:
        schema = dict(type_schema(arguments[0], definitions))
        for mark in arguments[1:]:
            if isinstance(mark, re.Pattern):
                schema["pattern"] = mark.pattern
            elif isinstance(mark, AtLeast):
                schema["minimum"] = mark.minimum
        return schema
    if origin in (Union, types.UnionType):
        options = [option for option in arguments if option is not type(None)]
        inner = type_schema(options[0], definitions) if len(options) == 1 else {}
        return {"anyOf": [inner, {"type": "null"}]}
    if origin is Literal:
        return {"enum": list(arguments)}
    if origin is tuple:
        items = type_schema(arguments[0], definitions)
        # A list of texts may be written as one text (`aliases: 低保`).
        many = {"type": "array", "items": items}
        return {"anyOf": [many, items]} if arguments[0] is str else many
    if origin is frozenset:
        return {"type": "array", "items": type_schema(arguments[0], definitions)}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        name = hint.__name__
        if name not in definitions:
            definitions[name] = {}
            definitions[name] = model_schema(hint, definitions)
        return {"$ref": f"#/$defs/{name}"}
    return {}


def model_schema(model: type, definitions: dict[str, Schema]) -> Schema:
    """The object schema of one model: its keys, their types, which are required."""
    hints = get_type_hints(model, include_extras=True)
    properties: Schema = {}
    required: list[str] = []
    for field in dataclasses.fields(model):
        if not field.init or field.name in _SKIPPED or (model, field.name) in _COMPUTED:
            continue
        hint = hints[field.name]
        marks = get_args(hint)[1:] if get_origin(hint) is Annotated else ()
        key = next((mark for mark in marks if isinstance(mark, Key)), Key())
        name = key.name or field.name
        schema = _SPECIAL.get((model, field.name)) or type_schema(hint, definitions)
        if key.single:
            schema = {"anyOf": [schema, type_schema(get_args(get_args(hint)[0])[0], definitions)]}
        properties[name] = schema
        if _required(field, hint, key):
            required.append(name)
    if model is Fact:
        properties["note"] = {"type": "string"}
    shape: Schema = {"type": "object", "properties": properties, "additionalProperties": False}
    if model.__doc__:
        shape["description"] = model.__doc__.strip().splitlines()[0]
    if required:
        shape["required"] = required
    return shape


def _required(field: dataclasses.Field[Any], hint: object, key: Key) -> bool:
    if key.default is not REQUIRED or field.default is not dataclasses.MISSING:
        return False
    if field.default_factory is not dataclasses.MISSING:
        return False
    base = get_args(hint)[0] if get_origin(hint) is Annotated else hint
    if get_origin(base) in (Union, types.UnionType) and type(None) in get_args(base):
        return False
    return base is not bool


def file_schema(kind: str) -> Schema:
    """The JSON Schema of one kind of content file."""
    model, list_key = KINDS[kind]
    definitions: dict[str, Schema] = {}
    top = model_schema(model, definitions)
    # A time limit may be words only (`legal: 即时办结`).
    if "TimeLimit" in definitions:
        definitions["TimeLimit"] = {"anyOf": [{"type": "string"}, definitions["TimeLimit"]]}
    if list_key is not None:
        top = {
            "type": "object",
            "properties": {list_key: {"type": "array", "items": top}},
            "required": [list_key],
            "additionalProperties": False,
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"govtui {kind}",
        **top,
        "$defs": definitions,
    }
