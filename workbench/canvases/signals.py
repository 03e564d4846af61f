"""What the canvases tell the apps built on them (the review's comments, workflow and feed), so that the canvases
never import those apps: they listen here instead."""

from django.dispatch import Signal

# A new revision of a canvas was recorded, inside the transaction that saved it. Sent with `canvas`,
# `revision`, `user` and `previous_status` (the canvas's status before the save; `canvas.status` is the new one).
revision_recorded = Signal()

# The canvas page is being shown to `request.user`. Each receiver returns a dict of what it adds to the page's
# template context (its panel beside the canvas, its counts in the toolbar).
canvas_page_shown = Signal()


# The editor of a canvas is being shown to `request.user`; as `canvas_page_shown`, for what sits above the forms
# (the review's open threads and the reviewers' request for changes).
editor_shown = Signal()


def _parts(signal, request, canvas) -> dict:
    parts: dict = {}
    for _, added in signal.send(sender=type(canvas), request=request, canvas=canvas):
        parts.update(added)
    return parts


def canvas_page_parts(request, canvas) -> dict:
    """The context every app built on the canvases adds to the canvas page."""
    return _parts(canvas_page_shown, request, canvas)


def editor_parts(request, canvas) -> dict:
    """The context every app built on the canvases adds to the editor."""
    return _parts(editor_shown, request, canvas)
