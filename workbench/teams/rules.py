"""Who may do what: every permission of the workbench, declared once.

Views ask with `request.user.has_perm(name, obj)`, templates with `{% has_perm name user obj as flag %}`,
tests with the same names. A predicate takes a Team or anything with a `team_id` (a canvas).
"""

import rules

from workbench.teams.models import Membership, Role


def _team_id(obj):
    if obj is None:
        return None
    return getattr(obj, "team_id", None) or getattr(obj, "pk", None)


def role_in(user, obj) -> str | None:
    """The user's role in the team of obj, or None; one query per request, whatever is asked."""
    if not user or not user.is_authenticated:
        return None
    cache = getattr(user, "_workbench_roles", None)
    if cache is None:
        cache = dict(Membership.objects.filter(user=user).values_list("team_id", "role"))
        user._workbench_roles = cache
    return cache.get(_team_id(obj))


def forget_roles(user) -> None:
    """Drop the cached roles after a membership of this user changed."""
    if hasattr(user, "_workbench_roles"):
        del user._workbench_roles


def _has_role(*roles):
    @rules.predicate(name=f"is_{'_or_'.join(roles)}")
    def predicate(user, obj=None):
        return role_in(user, obj) in roles

    return predicate


is_member = _has_role(Role.OWNER, Role.EDITOR, Role.REVIEWER, Role.VIEWER)
is_owner = _has_role(Role.OWNER)
can_write = _has_role(Role.OWNER, Role.EDITOR)
can_review = _has_role(Role.OWNER, Role.EDITOR, Role.REVIEWER)

rules.add_perm("teams.view_team", is_member)
rules.add_perm("teams.manage_members", is_owner)
rules.add_perm("teams.add_canvas", can_write)
rules.add_perm("canvases.view_canvas", is_member)
rules.add_perm("canvases.change_canvas", can_write)
rules.add_perm("canvases.delete_canvas", can_write)
rules.add_perm("canvases.restore_canvas", can_write)
rules.add_perm("canvases.purge_canvas", is_owner)
rules.add_perm("canvases.waive_rule", can_write)

# Review: comments, the workflow, share links, the activity feed (workbench/comments, workflow, sharing and
# notifications). The names keep the prefix "review." for the rights they grant, whichever app checks them.
is_reviewer = _has_role(Role.REVIEWER)


@rules.predicate
def is_comment_author(user, comment=None):
    return comment is not None and user.is_authenticated and comment.author_id == user.pk


@rules.predicate
def can_review_comment_canvas(user, comment=None):
    return comment is not None and role_in(user, comment.canvas) in (Role.OWNER, Role.EDITOR, Role.REVIEWER)


rules.add_perm("review.view", is_member)  # threads, timeline; obj: a canvas
rules.add_perm("review.comment", can_review)  # start threads, reply, resolve, reopen; obj: a canvas
rules.add_perm("review.change_comment", is_comment_author & can_review_comment_canvas)  # obj: a comment
rules.add_perm("review.submit", can_write)
rules.add_perm("review.decide", is_reviewer)
rules.add_perm("review.publish", is_owner)
rules.add_perm("review.manage_share_links", is_owner)
rules.add_perm("review.view_activity", is_member)  # obj: a team
