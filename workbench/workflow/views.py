"""Workflow pages: taking a step of the review, and a canvas's timeline."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from workbench.canvases.selectors import canvas_for
from workbench.notifications.selectors import canvas_timeline
from workbench.notifications.views import feed_lines
from workbench.workflow import selectors, services
from workbench.workflow.forms import DecisionForm


@login_required
def transition(request, pk, action):
    step = services.TRANSITIONS.get(action)
    if step is None:
        raise Http404("No such step in the review.")
    canvas = canvas_for(request.user, pk, perm=step.perm)
    form = DecisionForm(request.POST if request.method == "POST" else None, required=step.comment_required)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.transition(canvas=canvas, user=request.user, action=action, comment=form.cleaned_data["comment"])
        except services.TransitionError as error:
            form.add_error(None, str(error))
            status = 409
        else:
            messages.success(request, f"Done: the canvas is now {canvas.get_status_display().lower()}.")
            return redirect(canvas)
    elif form.errors:
        status = 422
    refusal = None if canvas.status in step.sources else services.refusal(step, canvas.status)
    return render(
        request,
        "review/transition_form.html",
        {"canvas": canvas, "team": canvas.team, "form": form, "step": step, "refusal": refusal},
        status=status,
    )


@login_required
@require_GET
def timeline(request, pk):
    canvas = canvas_for(request.user, pk, perm="review.view")
    feed = canvas_timeline(canvas, page=request.GET.get("page"))
    return render(
        request,
        "review/timeline.html",
        {
            "canvas": canvas,
            "team": canvas.team,
            "feed": feed,
            "feed_html": feed_lines(feed.entries, show_canvas=False),
            "state_changes": selectors.state_changes_of(canvas),
        },
    )
