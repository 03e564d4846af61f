"""Columns filled in turn, laid out once.

WeasyPrint lays out a multi-column box twice: a trial at the full height left on the page, which decides how
tall balanced columns must be, then the columns it prints. Columns that fill in turn (`column-fill: auto`, our
probes for "does this fit one page?" and the narrow layout of a full canvas) are as tall as the page allows
whatever the trial finds, so for them the trial is a whole layout of the boxes thrown away: about a quarter of
a fresh render of the largest worked example (bench/bench_pdf.py).

`columns_layout` lays such a box out once, exactly as WeasyPrint's own second pass does, and hands every other
multi-column box to WeasyPrint. It is installed in the render process only (`install`), for the WeasyPrint
releases it was checked against; tests/pdf/test_columns.py renders the one-pagers both ways and compares every
box's place on the page.
"""

from __future__ import annotations

from math import floor

import weasyprint
from weasyprint.layout import block, column
from weasyprint.layout.percent import percentage

# The releases whose column layout this follows line by line (weasyprint/layout/column.py).
CHECKED_RELEASES = ("70.0",)
_library_columns_layout = column.columns_layout


def _fills_in_turn(context, box) -> bool:
    """A box WeasyPrint would lay out twice for nothing: columns filled in turn, one run of them (nothing spans
    the columns), no set height, no footnotes on the page, and not relatively positioned (WeasyPrint then places
    its absolutely positioned descendants against it)."""
    style = box.style
    return (
        style["column_fill"] == "auto"
        and style["height"] == "auto"
        and style["position"] != "relative"
        and context.current_footnote_area.height == "auto"
        and bool(box.children)
        and all(child.style["column_span"] != "all" for child in box.children)
    )


def columns_layout(context, box, *arguments):
    """Lay out a multi-column box: once when its columns fill in turn, by WeasyPrint otherwise."""
    if _fills_in_turn(context, box):
        return _columns_filled_in_turn(context, box, *arguments)
    return _library_columns_layout(context, box, *arguments)


def _columns_filled_in_turn(
    context,
    box,
    bottom_space,
    skip_stack,
    containing_block,
    page_is_empty,
    absolute_boxes,
    fixed_boxes,
    adjoining_margins,
    first_letter_style,
    first_line_style,
):
    """The columns WeasyPrint's second pass makes, each as tall as the page allows, without its trial."""
    style = box.style
    context.in_column = True
    box = box.copy_with_children(box.children)
    box.position_y += block.collapse_margin(adjoining_margins)
    block.block_level_width(box, containing_block)

    # The number of columns and their width, as WeasyPrint works them out.
    width, count = style["column_width"], style["column_count"]
    gap = style["font_size"] if style["column_gap"] == "normal" else percentage(style["column_gap"], style, box.width)
    if width == "auto" and count != "auto":
        width = max(0, box.width - (count - 1) * gap) / count
    elif width != "auto" and count == "auto":
        count = max(1, floor((box.width + gap) / (width + gap)))
        width = (box.width + gap) / count - gap
    else:
        count = max(1, min(count, floor((box.width + gap) / (width + gap))))
        width = (box.width + gap) / count - gap

    # Where the previous page stopped: the child to start from, and where inside it.
    (start,) = skip_stack.keys() if skip_stack else (0,)
    children = [child.copy() for child in box.children[start:]]
    resume_at = {0: skip_stack[start]} if skip_stack else None

    top = box.content_box_y()
    columns, next_page = [], None
    for index in range(count):
        column_box = column._create_column_box(box, containing_block, children, width, top)
        if style["direction"] == "rtl":
            column_box.position_x += box.width - (index + 1) * width - index * gap
        else:
            column_box.position_x += index * (width + gap)
        new_column, resume_at, column_next_page, _, _, _ = block.block_box_layout(
            context,
            column_box,
            bottom_space,
            resume_at,
            containing_block,
            page_is_empty,
            absolute_boxes,
            fixed_boxes,
            None,
            first_letter_style,
            first_line_style,
            discard=False,
            max_lines=None,
        )
        if new_column is None:  # WeasyPrint then moves the whole box on, even when earlier columns had room
            columns = []
            break
        next_page = column_next_page
        columns.append(new_column)
        if resume_at is None:
            break

    context.in_column = False
    if not columns:
        # Not even the first column has room here: the whole box goes to the next page.
        return None, (0, None), {"break": "any", "page": None}, [], False

    column_height = max(new_column.margin_height() for new_column in columns)
    max_height = context.page_bottom - top - bottom_space
    for new_column in columns:
        new_column.height = column_height
    box.children = columns
    box.height = min(max_height, column_height)
    if box.min_height != "auto" and box.min_height > box.height:
        for new_column in columns:
            new_column.height += box.min_height - box.height
        box.height = box.min_height

    if resume_at:
        (skip,) = resume_at.keys()
        resume_at = {start + skip: resume_at[skip]}
    return box, resume_at, next_page, [], False


def install() -> bool:
    """Use `columns_layout` in this process when WeasyPrint is a release it was checked against; say whether."""
    if weasyprint.__version__ not in CHECKED_RELEASES:
        return False
    block.columns_layout = columns_layout
    return True
