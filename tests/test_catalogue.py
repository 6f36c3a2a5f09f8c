"""Every catalogue key the code names exists in both languages, with the same placeholders."""

from __future__ import annotations

import ast
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

from govtui.i18n import STRINGS

PACKAGE = Path(__file__).resolve().parent.parent / "govtui"
# Classes whose first argument is a catalogue key; their subclasses are found in the source.
KEYED_CLASSES = frozenset({"GovtuiError", "Phrase"})


def _sources() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text(encoding="utf-8")) for path in PACKAGE.rglob("*.py")}


def _called_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def keyed_classes(modules: list[ast.Module]) -> set[str]:
    """GovtuiError, Phrase and every class that derives from one of them, however deeply."""
    found = set(KEYED_CLASSES)
    classes = [node for module in modules for node in ast.walk(module)]
    while True:
        more = {
            node.name
            for node in classes
            if isinstance(node, ast.ClassDef)
            and any(isinstance(base, ast.Name) and base.id in found for base in node.bases)
        } - found
        if not more:
            return found
        found |= more


def forwarders(modules: list[ast.Module]) -> set[str]:
    """`text` and every function that passes its own first parameter to `text` as the key."""
    found = {"text"}
    for module in modules:
        for node in ast.walk(module):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            parameters = [argument.arg for argument in node.args.args if argument.arg != "self"]
            if not parameters:
                continue
            for call in ast.walk(node):
                if (
                    isinstance(call, ast.Call)
                    and _called_name(call) == "text"
                    and call.args
                    and isinstance(call.args[0], ast.Name)
                    and call.args[0].id == parameters[0]
                ):
                    found.add(node.name)
    return found


def _keys_in(argument: ast.expr) -> Iterator[tuple[str, bool]]:
    """The keys an argument can be: (key, True), or (prefix, False) for an f-string's start."""
    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
        yield argument.value, True
    elif isinstance(argument, ast.IfExp):
        yield from _keys_in(argument.body)
        yield from _keys_in(argument.orelse)
    elif isinstance(argument, ast.JoinedStr) and argument.values:
        start = argument.values[0]
        if isinstance(start, ast.Constant) and isinstance(start.value, str):
            yield start.value, False


def callees(modules: list[ast.Module]) -> set[str]:
    """The names whose first argument is a key: `text`, its forwarders and the keyed classes."""
    return forwarders(modules) | keyed_classes(modules)


def keys_used(module: ast.Module, names: set[str]) -> list[tuple[str, bool, int]]:
    """Every key written as the first argument of a call to one of `names`, with its line."""
    used: list[tuple[str, bool, int]] = []
    for node in ast.walk(module):
        if isinstance(node, ast.Call) and node.args and _called_name(node) in names:
            used += [(key, exact, node.lineno) for key, exact in _keys_in(node.args[0])]
    return used


def missing(used: list[tuple[str, bool, int]], catalogue: dict[str, tuple[str, str]]) -> list[str]:
    problems = []
    for key, exact, line in used:
        if exact and key not in catalogue:
            problems.append(f"line {line}: no key {key!r}")
        elif not exact and not any(name.startswith(key) for name in catalogue):
            problems.append(f"line {line}: no key starts with {key!r}")
    return problems


def placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}


def test_every_key_the_code_uses_is_in_the_catalogue() -> None:
    sources = _sources()
    names = callees(list(sources.values()))
    problems: list[str] = []
    exact_keys: set[str] = set()
    for path, module in sorted(sources.items()):
        used = keys_used(module, names)
        exact_keys |= {key for key, exact, _ in used if exact}
        problems += [f"{path.relative_to(PACKAGE.parent)} {p}" for p in missing(used, STRINGS)]
    assert problems == []
    # The scan reaches the faces, the renderers and every error: far more than a handful of keys.
    assert len(exact_keys) > 150


def test_every_key_has_both_languages_with_the_same_placeholders() -> None:
    for key, (zh, en) in STRINGS.items():
        assert zh.strip() and en.strip(), key
        assert placeholders(zh) == placeholders(en), key


def test_the_scan_finds_keys_in_every_form_they_are_written() -> None:
    source = """
class LateError(UsageError): ...
class UsageError(GovtuiError): ...
class Screen:
    def t(self, key, **values):
        return text(key, self.language, **values)
    def show(self, late):
        self.t("known")
        text("first" if late else "second", "zh")
        raise LateError("error_missing", day=1)
        Phrase(f"kind_{late}")
        print("not_a_key")
"""
    module = ast.parse(source)
    used = keys_used(module, callees([module]))
    assert {(key, exact) for key, exact, _ in used} == {
        ("known", True),
        ("first", True),
        ("second", True),
        ("error_missing", True),
        ("kind_", False),
    }
    catalogue = {"known": ("知", "known"), "first": ("一", "one"), "kind_guide": ("事项", "guide")}
    assert missing(used, catalogue) == [
        "line 9: no key 'second'",
        "line 10: no key 'error_missing'",
    ]


@pytest.mark.parametrize(
    ("template", "fields"),
    [("{n}份", {"n"}), ("不能小于 {minimum:g}{unit}。", {"minimum", "unit"})],
)
def test_placeholders_ignore_format_specifications(template: str, fields: set[str]) -> None:
    assert placeholders(template) == fields
