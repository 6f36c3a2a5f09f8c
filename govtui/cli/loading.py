"""Finding the content a command works on, loading it, and the documents a command names."""

from __future__ import annotations

import datetime
import difflib
from pathlib import Path
from typing import TYPE_CHECKING

from govtui.cli.exits import say
from govtui.cli.options import language, state
from govtui.errors import UnknownIdError, UsageError
from govtui.i18n import text
from govtui.i18n.phrase import Phrase

if TYPE_CHECKING:
    from govtui.content.models import Document, Library
    from govtui.interview import Target


def content_root(explicit: Path | None) -> Path:
    """The folder a command reads: its own argument, else --content, $GOVTUI_CONTENT, the sample."""
    from govtui.paths import find_content_root

    return find_content_root(explicit or state.content)


def load(explicit: Path | None = None) -> Library:
    """Load the content; problems are summarised on stderr, the files that loaded are used."""
    from govtui.content.cache import load_library_cached
    from govtui.paths import cache_dir

    result = load_library_cached(content_root(explicit), cache_dir(), on_damaged=_say_repaired)
    errors = result.report.errors
    if errors:
        say(text("cli_content_problems", language(), n=len(errors)))
    return result.library


def _say_repaired() -> None:
    say(text("notice_library_cache_repaired", language()))


def did_you_mean(close: list[str]) -> Phrase | str:
    """The hint after an unknown name: the close ones, or nothing when none is close."""
    return Phrase("error_did_you_mean", names=close) if close else ""


def find_document(library: Library, document_id: str) -> Document:
    document = library.document(document_id)
    if document is None:
        candidates = library.all_ids()
        close = difflib.get_close_matches(document_id, candidates, n=3, cutoff=0.5)
        if not close:
            close = [candidate for candidate in candidates if document_id.lower() in candidate][:3]
        raise UnknownIdError("error_unknown_id", wanted=document_id, hint=did_you_mean(close))
    return document


def find_target(library: Library, target_id: str) -> Target:
    """The guide or bundle a checklist is for; a policy has no checklist."""
    document = find_document(library, target_id)
    if document.kind == "policy":
        raise UsageError("error_checklist_of_policy", wanted=target_id)
    return document


def as_of(value: str | None) -> datetime.date:
    """The date the rules are applied for: --as-of, else today."""
    if value is None:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise UsageError("error_as_of", value=value) from None
