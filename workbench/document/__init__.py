"""The canvas document: the one shape every part of the workbench reads and writes.

Pure Python on purpose: the checker, the PDF, the command line and the tests hand it plain
dicts decoded from JSON, and nothing here touches the database.
"""

from workbench.document.compare import change_summary, compare_sections, remap_citations
from workbench.document.model import (
    CHOICES,
    LIST_SECTIONS,
    SECTION_TITLES,
    empty_document,
    item_index,
    new_item_id,
    normalize,
)
from workbench.document.spec import CANVAS, SCHEMA_ID, CanvasSpec
from workbench.document.validation import (
    DocumentError,
    DocumentInvalid,
    dumps,
    parse,
    validate,
)

__all__ = [
    "CANVAS",
    "CanvasSpec",
    "CHOICES",
    "LIST_SECTIONS",
    "SCHEMA_ID",
    "SECTION_TITLES",
    "DocumentError",
    "DocumentInvalid",
    "change_summary",
    "compare_sections",
    "dumps",
    "empty_document",
    "item_index",
    "new_item_id",
    "normalize",
    "parse",
    "remap_citations",
    "validate",
]
