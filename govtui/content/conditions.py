"""The safe condition language: parsing, three-valued evaluation and plain-words rendering."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

Literal_ = bool | int | float | str
Operator = Literal["==", "!=", "<", "<=", ">", ">=", "in", "not in"]
Truth = bool | None  # None is "unknown": a fact not yet answered
Answer = bool | int | float | str | datetime.date


class ConditionSyntaxError(ValueError):
    """A malformed condition, with the character offset where parsing stopped."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


@dataclass(frozen=True, slots=True)
class FactTest:
    """A bare boolean fact: `hukou_local`."""

    fact: str


@dataclass(frozen=True, slots=True)
class Comparison:
    fact: str
    operator: Operator
    value: Literal_ | tuple[Literal_, ...]


@dataclass(frozen=True, slots=True)
class Not:
    operand: Node


@dataclass(frozen=True, slots=True)
class All:
    operands: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Any_:
    operands: tuple[Node, ...]


Node = FactTest | Comparison | Not | All | Any_


@dataclass(frozen=True, slots=True)
class Condition:
    """A parsed condition and the source text it came from."""

    source: str
    tree: Node

    def facts(self) -> list[str]:
        """The fact ids this condition reads, in order of first use."""
        seen: dict[str, None] = {}
        for leaf in _leaves(self.tree):
            seen.setdefault(leaf.fact, None)
        return list(seen)

    def leaves(self) -> list[FactTest | Comparison]:
        return list(_leaves(self.tree))


def _leaves(node: Node) -> Iterator[FactTest | Comparison]:
    if isinstance(node, FactTest | Comparison):
        yield node
    elif isinstance(node, Not):
        yield from _leaves(node.operand)
    else:
        for operand in node.operands:
            yield from _leaves(operand)


_TOKEN = re.compile(
    r"""\s*(?:
        (?P<number>-?\d+(?:\.\d+)?)
      | (?P<string>"[^"\\]*"|'[^'\\]*')
      | (?P<operator>==|!=|<=|>=|<|>)
      | (?P<punctuation>[()\[\],])
      | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
    )""",
    re.VERBOSE,
)
_KEYWORDS = {"and", "or", "not", "in", "true", "false"}


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str
    text: str
    offset: int


def _tokenize(source: str) -> list[_Token]:
    tokens: list[_Token] = []
    position = 0
    while position < len(source):
        if source[position:].strip() == "":
            break
        match = _TOKEN.match(source, position)
        if match is None or match.lastgroup is None:
            character = source[position:].lstrip()[:1]
            offset = position + (len(source[position:]) - len(source[position:].lstrip()))
            raise ConditionSyntaxError(f"unexpected character {character!r}", offset)
        kind = match.lastgroup
        text = match.group(kind)
        tokens.append(_Token(kind, text, match.start(kind)))
        position = match.end()
    tokens.append(_Token("end", "", len(source)))
    return tokens


class _Parser:
    """Recursive descent: or > and > not > comparison > atom."""

    def __init__(self, source: str) -> None:
        self.tokens = _tokenize(source)
        self.index = 0

    @property
    def current(self) -> _Token:
        return self.tokens[self.index]

    def _take(self) -> _Token:
        token = self.current
        self.index += 1
        return token

    def _is_word(self, word: str) -> bool:
        return self.current.kind == "word" and self.current.text == word

    def _expect(self, text: str) -> None:
        if self.current.text != text:
            raise ConditionSyntaxError(
                f"expected {text!r} but found {self.current.text or 'the end'!r}",
                self.current.offset,
            )
        self._take()

    def parse(self) -> Node:
        if self.current.kind == "end":
            raise ConditionSyntaxError("the condition is empty", 0)
        node = self._or()
        if self.current.kind != "end":
            raise ConditionSyntaxError(
                f"unexpected {self.current.text!r}; join conditions with 'and' or 'or'",
                self.current.offset,
            )
        return node

    def _or(self) -> Node:
        operands = [self._and()]
        while self._is_word("or"):
            self._take()
            operands.append(self._and())
        return operands[0] if len(operands) == 1 else Any_(tuple(operands))

    def _and(self) -> Node:
        operands = [self._not()]
        while self._is_word("and"):
            self._take()
            operands.append(self._not())
        return operands[0] if len(operands) == 1 else All(tuple(operands))

    def _not(self) -> Node:
        if self._is_word("not"):
            self._take()
            return Not(self._not())
        return self._comparison()

    def _comparison(self) -> Node:
        if self.current.text == "(":
            self._take()
            node = self._or()
            self._expect(")")
            return node
        token = self._take()
        if token.kind != "word" or token.text in _KEYWORDS:
            raise ConditionSyntaxError(
                f"expected a fact name but found {token.text or 'the end'!r}", token.offset
            )
        fact = token.text
        operator: Operator
        if self.current.kind == "operator":
            operator = self._take().text  # type: ignore[assignment]
        elif self._is_word("in"):
            self._take()
            operator = "in"
        elif self._is_word("not") and self.tokens[self.index + 1].text == "in":
            self.index += 2
            operator = "not in"
        else:
            return FactTest(fact)
        if operator in ("in", "not in"):
            return Comparison(fact, operator, self._list())
        return Comparison(fact, operator, self._literal())

    def _list(self) -> tuple[Literal_, ...]:
        self._expect("[")
        values: list[Literal_] = []
        while self.current.text != "]":
            values.append(self._literal())
            if self.current.text == ",":
                self._take()
            elif self.current.text != "]":
                raise ConditionSyntaxError("expected ',' or ']' in the list", self.current.offset)
        self._take()
        if not values:
            raise ConditionSyntaxError("the list is empty", self.current.offset)
        return tuple(values)

    def _literal(self) -> Literal_:
        token = self._take()
        if token.kind == "number":
            if re.match(r"-?0[0-9]", token.text):
                # The same rule as a number field: 0123 is octal to some readers, 123 to others.
                plain = re.sub(r"^(-?)0+(?=[0-9])", r"\1", token.text)
                raise ConditionSyntaxError(
                    f"{token.text!r} has a leading zero; write {plain}", token.offset
                )
            return float(token.text) if "." in token.text else int(token.text)
        if token.kind == "string":
            return token.text[1:-1]
        if token.kind == "word" and token.text in ("true", "false"):
            return token.text == "true"
        raise ConditionSyntaxError(
            f"expected a value (a number, a quoted string, true or false) but found "
            f"{token.text or 'the end'!r}",
            token.offset,
        )


def parse_condition(source: str) -> Condition:
    """Parse a condition; raise ConditionSyntaxError with an offset when it is malformed."""
    return Condition(source=source, tree=_Parser(source).parse())


def _compare(answer: Answer, operator: Operator, value: Literal_ | tuple[Literal_, ...]) -> bool:
    if isinstance(answer, datetime.date):
        answer = answer.isoformat()
    if operator == "in":
        return isinstance(value, tuple) and answer in value
    if operator == "not in":
        return isinstance(value, tuple) and answer not in value
    if operator == "==":
        return answer == value
    if operator == "!=":
        return answer != value
    if isinstance(value, tuple) or isinstance(answer, bool) or isinstance(value, bool):
        return False
    if isinstance(answer, str) != isinstance(value, str):
        return False
    comparisons: dict[str, Callable[[Literal_, Literal_], bool]] = {
        "<": lambda left, right: left < right,  # type: ignore[operator]
        "<=": lambda left, right: left <= right,  # type: ignore[operator]
        ">": lambda left, right: left > right,  # type: ignore[operator]
        ">=": lambda left, right: left >= right,  # type: ignore[operator]
    }
    return comparisons[operator](answer, value)


def evaluate(node: Node | Condition, answers: Mapping[str, Answer]) -> Truth:
    """Kleene three-valued logic: an unanswered fact is unknown, never false."""
    if isinstance(node, Condition):
        node = node.tree
    if isinstance(node, FactTest):
        answer = answers.get(node.fact)
        return None if answer is None else answer is True
    if isinstance(node, Comparison):
        answer = answers.get(node.fact)
        return None if answer is None else _compare(answer, node.operator, node.value)
    if isinstance(node, Not):
        inner = evaluate(node.operand, answers)
        return None if inner is None else not inner
    results = [evaluate(operand, answers) for operand in node.operands]
    if isinstance(node, All):
        if False in results:
            return False
        return None if None in results else True
    if True in results:
        return True
    return None if None in results else False


def deciding_facts(node: Node | Condition, answers: Mapping[str, Answer]) -> list[str]:
    """The unanswered facts that could still change this condition's value.

    A fact is returned only when the condition is unknown and the fact sits in a branch that is
    itself still undecided: in `a and b` with `a` false, `b` is never asked.
    """
    if isinstance(node, Condition):
        node = node.tree
    if evaluate(node, answers) is not None:
        return []
    if isinstance(node, FactTest | Comparison):
        return [node.fact]
    if isinstance(node, Not):
        return deciding_facts(node.operand, answers)
    found: dict[str, None] = {}
    for operand in node.operands:
        for fact in deciding_facts(operand, answers):
            found.setdefault(fact, None)
    return list(found)


def implied_answers(condition: Condition) -> list[tuple[str, Literal_]] | None:
    """The answers a condition states outright (`a and not b and c == "x"`), or None if it does not.

    Only a fact test, its negation, an equality, and `and` of these state an answer; `or`, `!=`
    and ordering leave it open, so they are not statements of fact.
    """
    stated: list[tuple[str, Literal_]] = []

    def walk(node: Node) -> bool:
        if isinstance(node, FactTest):
            stated.append((node.fact, True))
            return True
        if isinstance(node, Not) and isinstance(node.operand, FactTest):
            stated.append((node.operand.fact, False))
            return True
        if (
            isinstance(node, Comparison)
            and node.operator == "=="
            and not isinstance(node.value, tuple)
        ):
            stated.append((node.fact, node.value))
            return True
        if isinstance(node, All):
            return all(walk(operand) for operand in node.operands)
        return False

    return stated if walk(condition.tree) else None
