"""What changed between two versions of the content, in words a clerk can read aloud."""

from typing import Literal

# Here, not in `words`, so the CLI can name the formats without importing the content models.
DiffFormat = Literal["text", "markdown", "html", "json"]
DIFF_FORMATS: tuple[DiffFormat, ...] = ("text", "markdown", "html", "json")
