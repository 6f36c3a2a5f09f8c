"""Read a YAML mapping into a model from the model's own fields: keys, readers and defaults."""

from __future__ import annotations

import dataclasses
import datetime
import re
import types
from collections.abc import Callable, Collection, Mapping
from typing import (
    Annotated,
    Any,
    Generic,
    Literal,
    TypeVar,
    Union,
    cast,
    get_args,
    get_origin,
    get_type_hints,
)

from govtui.content.yamlkeys import REQUIRED, AtLeast, Key
from govtui.content.yamlreader import Cursor, Fields, Invalid

T = TypeVar("T")
Reader = Callable[[Cursor], Any]

# Fields every element may have that no one writes: the file it came from and where it starts.
_FROM_CURSOR = ("path", "where")
_SCALARS: dict[object, Reader] = {
    str: Cursor.text,
    int: Cursor.integer,
    float: Cursor.number,
    bool: Cursor.boolean,
    datetime.date: Cursor.date,
}


@dataclasses.dataclass(frozen=True, slots=True)
class _Field:
    attribute: str
    key: str
    read: Reader
    default: object
    stored: bool


class Vocabulary:
    """The readers of one family of models, keyed by type, and the shapes built from them.

    The generic rules cover text, numbers, booleans, dates, choices (Literal), lists (tuple),
    optional values and nested models; `readers` adds the types they do not (a condition), and
    `use` gives a model a reader of its own wherever the model appears.
    """

    def __init__(self, readers: Mapping[object, Reader] | None = None) -> None:
        self._readers: dict[object, Reader] = {**_SCALARS, **(readers or {})}
        self._shapes: dict[type, Shape[Any]] = {}

    def use(self, model: type, read: Reader) -> None:
        """Read `model` with `read` wherever a field holds one, as a reader with its own checks."""
        self._readers[model] = read

    def shape(
        self,
        model: type[T],
        *,
        readers: Mapping[str, Reader] | None = None,
        defaults: Mapping[str, object] | None = None,
        computed: Collection[str] = (),
    ) -> Shape[T]:
        """The shape of `model`, read by this vocabulary.

        Args:
            readers: a reader by key, replacing the one the field's type gives; a key that is no
                field of the model is accepted and checked, and left out of the model.
            defaults: a default by attribute, making the key optional where the model says nothing.
            computed: attributes the caller supplies to `Record.build`, read from no key.
        """
        return Shape(self, model, readers or {}, defaults or {}, computed)

    def reader(self, hint: object) -> Reader:
        """How to read a value of this type: the rules in the class docstring, in that order."""
        known = _lookup(self._readers, hint)
        if known is not None:
            return known
        origin = get_origin(hint)
        arguments = get_args(hint)
        if origin is Annotated:
            return self._annotated(arguments[0], arguments[1:])
        if origin is Union or origin is types.UnionType:
            options = [option for option in arguments if option is not type(None)]
            if len(options) == 1:
                # Null is the field's business: an optional field takes its default.
                return self.reader(options[0])
        elif origin is Literal:
            return _choice(arguments)
        elif origin is tuple and len(arguments) == 2 and arguments[1] is Ellipsis:
            # A list of texts may be written as one text, as `aliases: 低保`.
            return Cursor.texts if arguments[0] is str else _list_of(self.reader(arguments[0]))
        elif origin is frozenset:
            return _frozen(_list_of(self.reader(arguments[0])))
        elif isinstance(hint, type) and dataclasses.is_dataclass(hint):
            if hint not in self._shapes:
                self._shapes[hint] = self.shape(hint)
            return self._shapes[hint]
        raise TypeError(f"no YAML reader for {hint!r}")

    def _annotated(self, base: object, marks: tuple[object, ...]) -> Reader:
        for mark in marks:
            if isinstance(mark, re.Pattern):
                return _slug(mark)
            if isinstance(mark, AtLeast):
                return _at_least(mark.minimum)
        return self.reader(base)


def _lookup(readers: Mapping[object, Reader], hint: object) -> Reader | None:
    try:
        return readers.get(hint)
    except TypeError:  # an unhashable hint is never a registered type
        return None


def _choice(allowed: tuple[object, ...]) -> Reader:
    return lambda cursor: cursor.choice(allowed)


def _slug(pattern: re.Pattern[str]) -> Reader:
    return lambda cursor: cursor.slug(pattern)


def _at_least(minimum: int) -> Reader:
    return lambda cursor: cursor.integer(minimum=minimum)


def _list_of(read: Reader) -> Reader:
    return lambda cursor: cursor.list_of(read)


def _one_or_many(read: Reader) -> Reader:
    return lambda cursor: cursor.one_or_many(read)


def _frozen(read: Reader) -> Reader:
    return lambda cursor: frozenset(read(cursor))


class Shape(Generic[T]):
    """The YAML keys of one model, each with its reader and default, derived once from the model.

    Calling a shape reads a mapping into the model; `read` stops short of building it, so a reader
    with checks across fields can look at the values first.
    """

    def __init__(
        self,
        vocabulary: Vocabulary,
        model: type[T],
        readers: Mapping[str, Reader],
        defaults: Mapping[str, object],
        computed: Collection[str],
    ) -> None:
        self.vocabulary = vocabulary
        self.model = model
        self._readers = readers
        self._defaults = defaults
        self._computed = computed
        # Derived on first use, once every reader of the vocabulary is registered.
        self._fields: tuple[_Field, ...] | None = None
        self._required: tuple[str, ...] = ()
        self._optional: tuple[str, ...] = ()
        self.from_cursor: tuple[str, ...] = ()

    @property
    def keys(self) -> tuple[str, ...]:
        """Every key the mapping may have: the required ones first."""
        self.fields()
        return (*self._required, *self._optional)

    def fields(self) -> tuple[_Field, ...]:
        """Every key with its reader and default, derived from the model on the first call."""
        if self._fields is not None:
            return self._fields
        hints = get_type_hints(self.model, include_extras=True)
        fields: list[_Field] = []
        from_cursor: list[str] = []
        for field in dataclasses.fields(cast(Any, self.model)):
            if not field.init or field.name in self._computed:
                continue
            if field.name in _FROM_CURSOR:
                from_cursor.append(field.name)
                continue
            fields.append(self._field(field, hints[field.name]))
        model_keys = {field.key for field in fields}
        fields.extend(
            _Field(key, key, read, None, stored=False)
            for key, read in self._readers.items()
            if key not in model_keys
        )
        self._required = tuple(f.key for f in fields if f.default is REQUIRED)
        self._optional = tuple(f.key for f in fields if f.default is not REQUIRED)
        self.from_cursor = tuple(from_cursor)
        self._fields = tuple(fields)
        return self._fields

    def _field(self, field: dataclasses.Field[Any], hint: object) -> _Field:
        marks = get_args(hint)[1:] if get_origin(hint) is Annotated else ()
        key = next((mark for mark in marks if isinstance(mark, Key)), Key())
        name = key.name or field.name
        read = self._readers.get(name)
        if read is None and key.single:
            item = get_args(get_args(hint)[0])[0]
            read = _one_or_many(self.vocabulary.reader(item))
        if read is None:
            read = self.vocabulary.reader(hint)
        return _Field(field.name, name, read, self._default(field, hint, key), stored=True)

    def _default(self, field: dataclasses.Field[Any], hint: object, key: Key) -> object:
        if field.name in self._defaults:
            return self._defaults[field.name]
        if key.default is not REQUIRED:
            return key.default
        if field.default is not dataclasses.MISSING:
            return field.default
        if field.default_factory is not dataclasses.MISSING:
            return field.default_factory()
        base = get_args(hint)[0] if get_origin(hint) is Annotated else hint
        if get_origin(base) in (Union, types.UnionType) and type(None) in get_args(base):
            return None
        if base is bool:
            return False
        return REQUIRED

    def read(self, cursor: Cursor) -> Record[T]:
        """Read every key, recording each problem; a bad optional value takes its default."""
        fields = self.fields()
        entries = cursor.mapping(self._required, self._optional)
        values: dict[str, object] = {}
        for field in fields:
            child = entries.children.get(field.key)
            if child is None or (field.default is not REQUIRED and child.is_null()):
                if field.default is not REQUIRED:
                    values[field.attribute] = field.default
                continue
            try:
                values[field.attribute] = field.read(child)
            except Invalid:
                if field.default is REQUIRED:
                    entries.failed = True
                else:
                    values[field.attribute] = field.default
        return Record(self, cursor, entries, values)

    def __call__(self, cursor: Cursor) -> T:
        return self.read(cursor).build()


class Record(Generic[T]):
    """The values read from one mapping, before its model is built."""

    def __init__(
        self, shape: Shape[T], cursor: Cursor, entries: Fields, values: dict[str, object]
    ) -> None:
        self.shape = shape
        self.cursor = cursor
        self.entries = entries
        self.values = values

    def __contains__(self, key: str) -> bool:
        """Whether the key is written, even as null."""
        return key in self.entries.children

    def given(self, key: str) -> bool:
        """Whether the key is written with a value, good or bad (a bad one is recorded already)."""
        child = self.entries.children.get(key)
        return child is not None and not child.is_null()

    def get(self, attribute: str) -> Any:
        return self.values.get(attribute)

    @property
    def failed(self) -> bool:
        return self.entries.failed

    def need(self, key: str, message: str) -> None:
        """Record that `key` must be written here (`""`: the element), and give up on it."""
        path = self.cursor.child_path(key) if key else self.cursor.path
        self.cursor.report.error(self.cursor.where, path, message)
        self.entries.failed = True

    def refuse(self, key: str, message: str) -> None:
        """Record that `key` does not belong here; the element is still built."""
        self.entries.children[key].fail(message)

    def build(self, **supplied: object) -> T:
        """The model, or Invalid when a required field was missing or bad (already recorded)."""
        self.entries.done()
        shape = self.shape
        values = {
            field.attribute: self.values[field.attribute]
            for field in shape.fields()
            if field.stored and field.attribute in self.values
        }
        for name in shape.from_cursor:
            values[name] = self.cursor.where if name == "where" else self.cursor.file
        values.update(supplied)
        return cast(Callable[..., T], shape.model)(**values)
