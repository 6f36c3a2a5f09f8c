"""Content: typed models, the safe loader, the condition language and lint."""

from govtui.content.loader import LoadResult, content_files, load_library
from govtui.content.models import Bundle, Document, Fact, Guide, Library, Material, Policy

__all__ = [
    "Bundle",
    "Document",
    "Fact",
    "Guide",
    "Library",
    "LoadResult",
    "Material",
    "Policy",
    "content_files",
    "load_library",
]
