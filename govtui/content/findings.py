"""What a load found: every problem with its file, line and field, and the library built."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from govtui.content.models import Library, Location

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in the content, pointing at a file, line, column and field."""

    severity: Severity
    file: Path
    line: int
    column: int
    field: str
    message: str
    code: str = "content"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        subject = f" {self.field}:" if self.field else ""
        return f"{where}: {self.severity}:{subject} {self.message}"

    def as_json(self) -> dict[str, object]:
        return {
            "severity": self.severity,
            "file": str(self.file),
            "line": self.line,
            "column": self.column,
            "field": self.field,
            "message": self.message,
            "code": self.code,
        }


@dataclass
class Report:
    """Findings collected across a whole load, so every problem is reported, not just the first."""

    findings: list[Finding] = field(default_factory=list)

    def add(
        self,
        severity: Severity,
        where: Location,
        path: str,
        message: str,
        code: str = "content",
    ) -> None:
        self.findings.append(
            Finding(severity, where.file, where.line, where.column, path, message, code)
        )

    def error(self, where: Location, path: str, message: str, code: str = "content") -> None:
        self.add("error", where, path, message, code)

    def warning(self, where: Location, path: str, message: str, code: str = "content") -> None:
        self.add("warning", where, path, message, code)

    @property
    def errors(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.severity == "error"]


@dataclass(frozen=True, slots=True)
class LoadResult:
    """The library built from every file that could be read, and all findings on the way."""

    library: Library
    report: Report
