"""`govtui import policy`: a policy document split into 章 / 节 / 条 / 款 with its official text."""

from __future__ import annotations

import datetime
import html.parser
import re
from dataclasses import dataclass, field
from pathlib import Path

from govtui.catalogue.cells import chinese_number
from govtui.catalogue.reading import slug_of
from govtui.catalogue.yamldata import Data, dump
from govtui.content.yamlkeys import SLUG
from govtui.errors import UsageError

_NUMERAL = "[零〇一二两三四五六七八九十百千0-9]+"
_CHAPTER = re.compile(rf"^第({_NUMERAL})章\s*(.*)$")
_SECTION = re.compile(rf"^第({_NUMERAL})节\s*(.*)$")
_ARTICLE = re.compile(rf"^第({_NUMERAL})条(?:\s*【([^】]+)】)?\s*(.*)$")
# A notice numbers its points 一、二、 instead of articles.
_POINT = re.compile(r"^([一二三四五六七八九十]+)、\s*(.*)$")
_DOC_NUMBER = re.compile(
    r"([\u4e00-\u9fa5]+〔\d{4}〕\d+号|[\u4e00-\u9fa5]*令第[0-9一二三四五六七八九十百千]+号)"
)
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ISSUER = re.compile(r"^[\u4e00-\u9fa5]{2,30}(?:人民政府|国务院|委员会|办公厅|办公室|部|局|厅|委)$")


@dataclass
class PolicyFacts:
    """What the flags say; each one given wins over what the document states."""

    policy_id: str | None = None
    title: str | None = None
    issuer: str | None = None
    doc_number: str | None = None
    issued: datetime.date | None = None
    effective: datetime.date | None = None
    level: str = "local"


@dataclass
class Parsed:
    title: str = ""
    issuer: str = ""
    doc_number: str = ""
    issued: datetime.date | None = None
    effective: datetime.date | None = None
    articles: list[Data] = field(default_factory=list)
    chapters: int = 0


class _HtmlText(html.parser.HTMLParser):
    """The text of an HTML page, one line per block, without scripts and styles."""

    _BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr", "section", "article"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        if tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        if tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def document_lines(path: Path) -> list[str]:
    """The document's paragraphs as lines of text, whatever it was saved as.

    Raises:
        UsageError: the file is missing, of another kind, or unreadable.
    """
    if not path.is_file():
        raise UsageError("error_catalogue_no_file", path=path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".docx":
            import docx

            text = "\n".join(paragraph.text for paragraph in docx.Document(str(path)).paragraphs)
        elif suffix in (".txt", ".md", ".html", ".htm"):
            raw = path.read_bytes()
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = raw.decode("gb18030")
            if suffix in (".html", ".htm"):
                reader = _HtmlText()
                reader.feed(text)
                text = "".join(reader.parts)
            elif suffix == ".md":
                text = re.sub(r"(?m)^\s*(?:#{1,6}|>|[-*+])\s+", "", text).replace("**", "")
        else:
            raise UsageError("error_policy_kind", path=path)
    except UsageError:
        raise
    except Exception as error:  # python-docx raises several kinds for a damaged file
        raise UsageError("error_policy_unreadable", path=path, detail=error) from None
    # Full-width spaces separate 第一条 from its text in official layouts.
    lines = [line.replace("\u3000", " ").strip() for line in text.splitlines()]
    return [line for line in lines if line]


def _number(numeral: str) -> str:
    value = chinese_number(numeral)
    return str(value) if value is not None else numeral


def _date(match: re.Match[str]) -> datetime.date | None:
    try:
        return datetime.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def parse_policy(lines: list[str]) -> Parsed:
    """The title, issuer, 文号, dates and articles the document states."""
    parsed = Parsed()
    first = next(
        (i for i, line in enumerate(lines) if _ARTICLE.match(line) or _CHAPTER.match(line)),
        None,
    )
    uses_points = first is None
    if uses_points:
        first = next((i for i, line in enumerate(lines) if _POINT.match(line)), len(lines))
    _preamble(lines[:first], parsed)
    chapter = section = None
    current: Data | None = None
    for line in lines[first:]:
        chapter_match = None if uses_points else _CHAPTER.match(line)
        section_match = None if uses_points else _SECTION.match(line)
        article_match = _POINT.match(line) if uses_points else _ARTICLE.match(line)
        if chapter_match:
            chapter, section = line, None
            parsed.chapters += 1
            current = None
        elif section_match:
            section = line
            current = None
        elif article_match:
            number = article_match.group(1) if uses_points else _number(article_match.group(1))
            heading = "" if uses_points else article_match.group(2) or ""
            body = article_match.group(2 if uses_points else 3)
            current = {"number": number, "heading": heading, "paragraphs": [body] if body else []}
            current["chapter"], current["section"] = chapter, section
            parsed.articles.append(current)
        elif current is not None:
            current["paragraphs"].append(line)  # the next 款, or a 项 （一）
    _dates_from_articles(parsed)
    return parsed


def _preamble(lines: list[str], parsed: Parsed) -> None:
    titles: list[str] = []
    for line in lines:
        bracketed = line.startswith(("（", "("))
        number = _DOC_NUMBER.search(line)
        if number and not parsed.doc_number:
            parsed.doc_number = number.group(1)
        for match in _DATE.finditer(line):
            after = line[match.end() : match.end() + 8]
            day = _date(match)
            if re.match(r"\s*(?:起)?(?:施行|生效)", after):
                parsed.effective = parsed.effective or day
            elif parsed.issued is None:
                parsed.issued = day
        if _ISSUER.match(line) and not parsed.issuer:
            parsed.issuer = line
        elif not bracketed and not number and not _DATE.search(line) and len(titles) < 2:
            titles.append(line)
    if titles:
        parsed.title = "".join(titles)
    if not parsed.issuer and "国务院令" in parsed.doc_number:
        parsed.issuer = "国务院"


def _dates_from_articles(parsed: Parsed) -> None:
    """本办法自2021年1月1日起施行: the last articles often state the date in force."""
    for article in reversed(parsed.articles[-3:]):
        text = "".join(article["paragraphs"])
        match = re.search(rf"{_DATE.pattern}\s*起?(?:施行|生效)", text)
        if match and parsed.effective is None:
            parsed.effective = _date(match)


def policy_data(parsed: Parsed, facts: PolicyFacts) -> Data:
    """The policy file's data; asks (UsageError) for what neither the document nor a flag gives."""
    title = facts.title or parsed.title
    issuer = facts.issuer or parsed.issuer
    doc_number = facts.doc_number or parsed.doc_number
    for value, what, flag in (
        (title, "标题 (title)", "--title"),
        (issuer, "发文机关 (issuer)", "--issuer"),
        (doc_number, "文号 (document number)", "--doc-number"),
    ):
        if not value:
            raise UsageError("error_policy_needs", what=what, flag=flag)
    policy_id = facts.policy_id or slug_of("policy", doc_number)
    if not SLUG.match(policy_id):
        raise UsageError("error_bad_slug", value=policy_id)
    data: Data = {"id": policy_id, "title": title, "issuer": issuer, "doc_number": doc_number}
    issued, effective = facts.issued or parsed.issued, facts.effective or parsed.effective
    if issued:
        data["issued"] = issued.isoformat()
    if effective:
        data["effective"] = effective.isoformat()
    data["status"] = "effective"
    data["level"] = facts.level
    articles = []
    for article in parsed.articles:
        entry: Data = {
            "number": article["number"],
            "heading": article["heading"] or _short(article["chapter"]),
            "digest": "\n".join(article["paragraphs"]),
            "text": "official",
        }
        for key in ("chapter", "section"):
            if article[key]:
                entry[key] = article[key]
        articles.append(entry)
    data["articles"] = articles
    return data


def _short(chapter: str | None) -> str:
    """An article's heading where the text has none: its chapter's title (总则)."""
    if not chapter:
        return ""
    matched = _CHAPTER.match(chapter)
    return matched.group(2) if matched else chapter


def policy_yaml(path: Path, facts: PolicyFacts) -> tuple[str, Data, Parsed]:
    """The policy file's text for the document at `path`."""
    parsed = parse_policy(document_lines(path))
    if not parsed.articles:
        raise UsageError("error_policy_no_articles", path=path)
    data = policy_data(parsed, facts)
    return dump(data), data, parsed
