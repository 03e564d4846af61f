"""A review in the browser: a reviewer questions a metric, an editor answers and fixes it, the reviewer approves."""

import pytest

from tests.factories import full_document, make_canvas, make_team, make_user
from workbench.canvases.models import Status
from workbench.comments.models import Comment
from workbench.workflow import services as workflow

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_comment_reply_edit_resolve_approve_and_the_timeline(page, sign_in):
    owner, editor, reviewer = make_user("olu"), make_user("eda"), make_user("rui")
    team = make_team("Camden food team", owner=owner, editor=editor, reviewer=reviewer)
    canvas = make_canvas(team, owner, full_document(items=2))
    workflow.submit_for_review(canvas=canvas, user=editor)

    def as_user(user):
        page.context.clear_cookies()
        sign_in(user)
        page.goto(f"/canvases/{canvas.pk}/")

    # The reviewer comments on the first metric; the count shows beside the metric on the canvas.
    as_user(reviewer)
    page.select_option("#new-comment-target", "item:metric-1")
    page.fill("#new-comment-body", "Is a target of 50 % bold enough for a mission?")
    with page.expect_navigation():
        page.get_by_role("button", name="Add comment").click()
    thread = Comment.objects.get()
    panel = page.locator(f"#thread-{thread.pk}")
    assert "Metric 1" in panel.inner_text()
    assert page.locator("#item-metric-1 .review-count").inner_text().startswith("1")
    assert page.locator("#section-metrics h2 .review-count").is_visible()

    # The editor replies, raises the target, and resolves the thread.
    as_user(editor)
    panel.locator("summary", has_text="Reply").click()
    panel.get_by_label("Your reply").fill("Agreed: we raise it to 90 %.")
    with page.expect_navigation():
        panel.get_by_role("button", name="Send reply").click()
    assert "Agreed: we raise it to 90 %." in page.locator(f"#thread-{thread.pk}").inner_text()
    page.goto(f"/canvases/{canvas.pk}/edit/")
    page.fill("#id_metrics-0-target_value", "90")
    with page.expect_navigation():
        page.click("button[value=view]")
    panel = page.locator(f"#thread-{thread.pk}")
    assert "Changed since revision 1" in panel.inner_text()
    panel.locator("summary", has_text="What changed").click()
    assert "value: 90; year: 2030" in panel.locator(".review-changes").inner_text()
    with page.expect_navigation():
        panel.get_by_role("button", name="Resolve").click()
    thread.refresh_from_db()
    assert thread.resolved_by == editor

    # The reviewer approves.
    as_user(reviewer)
    with page.expect_navigation():
        page.locator("#review").get_by_role("link", name="Approve").click()
    page.get_by_label("Comment").fill("Bold and measurable now.")
    with page.expect_navigation():
        page.locator("main form").get_by_role("button", name="Approve").click()
    assert "Approved" in page.locator(".canvas-toolbar .badge").first.inner_text()
    canvas.refresh_from_db()
    assert canvas.status == Status.APPROVED

    # The timeline tells the whole story, newest first.
    page.goto(f"/canvases/{canvas.pk}/timeline/")
    lines = page.locator(".review-feed > li").all_inner_texts()
    story = [
        next(
            word
            for word in ["approved", "resolved", "edited", "replied", "commented", "submitted", "created"]
            if word in line
        )
        for line in lines
    ]
    assert story == ["approved", "resolved", "edited", "replied", "commented", "submitted", "created"]
    assert "Bold and measurable now." in page.inner_text("main")
    assert "Success metrics: edited 1" in page.inner_text("main")
    assert not page.console_errors
