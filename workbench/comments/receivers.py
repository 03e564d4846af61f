"""The threads listen to the canvases (workbench/canvases/signals.py) rather than being called by them."""

from django.dispatch import receiver
from django.template.loader import render_to_string

from workbench import caching
from workbench.canvases.signals import canvas_page_shown, editor_shown
from workbench.comments.selectors import comment_panel, editor_threads, review_stamp


@receiver(canvas_page_shown)
def threads_beside_the_canvas(sender, request, canvas, **kwargs):
    """The threads beside the canvas and the toolbar's count of open threads."""
    can_comment = request.user.has_perm("review.comment", canvas)
    stamp = review_stamp(canvas)
    # The threads render once per change of the canvas's comments and revision, for each viewer.
    comments = caching.kept_fragment(
        request,
        caching.comment_panel_key(canvas, stamp, request.user, can_comment=can_comment),
        "review/partials/comments_panel.html",
        lambda: {"canvas": canvas, "review_can_comment": can_comment, **comment_panel(canvas)},
        caching.REVIEW_SECONDS,
    )
    return {"review_comments": comments, "review_open_count": stamp.open_threads}


@receiver(editor_shown)
def threads_above_the_editor(sender, request, canvas, **kwargs):
    """The open threads, each with the section it is about, above the editor's forms: rendered once per change of
    the canvas's comments and revision, the same for every viewer."""
    stamp = review_stamp(canvas)
    if not stamp.open_threads:
        return {}

    def rendered():
        shown = editor_threads(canvas)
        return {
            "review_open_threads": render_to_string("review/partials/editor_threads.html", {"canvas": canvas, **shown}),
            "review_open_shown": len(shown["review_open_threads"]),
            "review_more_threads": shown["review_more_threads"],
        }

    return caching.kept(caching.editor_threads_key(canvas, stamp), rendered, caching.REVIEW_SECONDS)
