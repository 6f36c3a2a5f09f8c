"""Load a content folder into a Library, collecting every problem with its file and line."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import TypeVar, cast

from govtui.content.calendar import EMPTY_CALENDAR
from govtui.content.documents import read_bundle, read_guide, read_policy
from govtui.content.files import content_files, content_names
from govtui.content.findings import LoadResult, Report
from govtui.content.models import (
    Bundle,
    Category,
    Elsewhere,
    Fact,
    FactType,
    Guide,
    Library,
    Locality,
    Location,
    Policy,
    Situations,
    SynonymGroup,
    frozen_mapping,
)
from govtui.content.parsed import ParsedFiles, collection_paused
from govtui.content.registries import (
    read_calendar,
    read_categories,
    read_elsewhere,
    read_facts,
    read_locality,
    read_situations,
    read_synonyms,
)
from govtui.content.yamlreader import Cursor, Invalid, read_yaml_file

T = TypeVar("T")

EMPTY_LOCALITY = Locality(name="", name_en="", fictional=True, offices=())


class _Reader:
    """Reads files into models, through the parsed-file cache when there is one."""

    def __init__(self, report: Report, parsed: ParsedFiles | None) -> None:
        self.report = report
        self.parsed = parsed

    def __call__(
        self,
        path: Path,
        read: Callable[[Cursor], T],
        fact_types: Mapping[str, FactType] | None = None,
    ) -> T | None:
        if self.parsed is None:
            return _parse(path, self.report, read, fact_types)
        try:
            raw = path.read_bytes()
        except OSError:  # the reader says why the file cannot be read
            return _parse(path, self.report, read, fact_types)
        key = self.parsed.key(path, raw, fact_types)
        cached = self.parsed.get(key)
        if cached is None:
            own = Report()
            # Parsed from the bytes the key was made of: read again, an edit in between would be
            # kept under the old bytes' key.
            value = _parse(path, own, read, fact_types, raw)
            cached = (value, tuple(own.findings))
            self.parsed.put(key, cached)
        self.report.findings.extend(cached[1])
        # The key holds the path, so the reader that made the entry is this path's reader.
        return cast(T | None, cached[0])


def _parse(
    path: Path,
    report: Report,
    read: Callable[[Cursor], T],
    fact_types: Mapping[str, FactType] | None = None,
    raw: bytes | None = None,
) -> T | None:
    cursor = read_yaml_file(path, report, fact_types, raw)
    if cursor is None:
        return None
    try:
        return read(cursor)
    except Invalid:
        return None


def _add_unique(
    store: dict[str, T],
    item: T,
    item_id: str,
    where: Location,
    kind: str,
    report: Report,
    seen: dict[str, Location],
) -> None:
    if item_id in seen:
        report.error(where, "id", f"the {kind} id '{item_id}' is already used at {seen[item_id]}")
        return
    seen[item_id] = where
    store[item_id] = item


def _is_fact_file(root: Path, path: Path) -> bool:
    return path.relative_to(root).parts[:2] == ("guides", "_facts")


def load_library(
    root: Path, parsed: ParsedFiles | None = None, only: Collection[str] | None = None
) -> LoadResult:
    """Load every file under `root/guides` and `root/policies` into one Library.

    With `parsed`, a file whose bytes (and, for guides and bundles, the facts) are unchanged
    since an earlier load is taken from there instead of being read again. With `only` (paths
    relative to the root, as `content_names` gives them), just those files are read: a partial
    library, for an index update that knows which files its documents are made from.
    """
    if parsed is None:
        return _load(root, None, only)
    # One pause for every file: paused and resumed for each, the collector walked the models
    # read so far again at each resume (a third of a county's load).
    with collection_paused():
        return _load(root, parsed, only)


def _load(root: Path, parsed: ParsedFiles | None, only: Collection[str] | None) -> LoadResult:
    report = Report()
    _read = _Reader(report, parsed)
    guides_folder = root / "guides"
    facts: dict[str, Fact] = {}
    guides: dict[str, Guide] = {}
    bundles: dict[str, Bundle] = {}
    policies: dict[str, Policy] = {}
    categories: dict[str, Category] = {}
    synonyms: tuple[SynonymGroup, ...] = ()
    situations: tuple[Situations, ...] = ()
    elsewhere: tuple[Elsewhere, ...] = ()
    locality = EMPTY_LOCALITY
    calendar = EMPTY_CALENDAR
    seen_ids: dict[str, Location] = {}
    seen_facts: dict[str, Location] = {}
    seen_categories: dict[str, Location] = {}

    if only is None:
        paths = content_files(root)
    else:
        paths = [root / name for name in content_names(root) if name in only]
    # The facts come first: a worked example's answers are typed by the fact they answer.
    for path in paths:
        if _is_fact_file(root, path):
            for fact in _read(path, read_facts) or ():
                _add_unique(facts, fact, fact.id, fact.where, "fact", report, seen_facts)
    fact_types = {fact_id: fact.type for fact_id, fact in facts.items()}

    for path in paths:
        parts = path.relative_to(root).parts
        if _is_fact_file(root, path):
            continue
        if parts[0] == "policies":
            policy = _read(path, read_policy)
            if policy is not None:
                _check_file_name(policy.id, path, policy.where, report)
                _add_unique(policies, policy, policy.id, policy.where, "policy", report, seen_ids)
        elif parts[1] == "_synonyms.yaml":
            synonyms = _read(path, read_synonyms) or ()
        elif parts[1] == "_elsewhere.yaml":
            elsewhere = _read(path, read_elsewhere) or ()
        elif parts[1] == "_situations.yaml":
            situations = _read(path, read_situations) or ()
        elif parts[1] == "_calendar.yaml":
            calendar = _read(path, read_calendar) or EMPTY_CALENDAR
        elif parts[1] == "_locality.yaml":
            locality = _read(path, read_locality) or EMPTY_LOCALITY
        elif parts[1] == "_categories.yaml":
            for category in _read(path, read_categories) or ():
                _add_unique(
                    categories,
                    category,
                    category.id,
                    category.where,
                    "category",
                    report,
                    seen_categories,
                )
        elif parts[1] == "bundles":
            bundle = _read(path, read_bundle, fact_types)
            if bundle is not None:
                _check_file_name(bundle.id, path, bundle.where, report)
                _add_unique(bundles, bundle, bundle.id, bundle.where, "bundle", report, seen_ids)
        elif parts[1].startswith("_"):
            report.warning(Location(path, 1, 1), "", "unknown registry file; it is ignored")
        else:
            guide = _read(path, read_guide, fact_types)
            if guide is not None:
                _check_file_name(guide.id, path, guide.where, report)
                _add_unique(guides, guide, guide.id, guide.where, "guide", report, seen_ids)
    if parsed is not None and only is None:
        parsed.keep_only_used()
    if not guides_folder.is_dir():
        report.error(Location(root, 1, 1), "", "there is no guides/ folder here")
    library = Library(
        root=root,
        guides=frozen_mapping(guides),
        policies=frozen_mapping(policies),
        bundles=frozen_mapping(bundles),
        facts=frozen_mapping(facts),
        synonyms=synonyms,
        locality=locality,
        categories=frozen_mapping(categories),
        calendar=calendar,
        situations=situations,
        elsewhere=elsewhere,
    )
    return LoadResult(library, report)


def _check_file_name(document_id: str, path: Path, where: Location, report: Report) -> None:
    if path.stem != document_id:
        report.error(where, "id", f"the id '{document_id}' must equal the file name '{path.stem}'")
