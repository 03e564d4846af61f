from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from workbench.canvases.models import Canvas


def canvas_for(user, pk: int, *, perm: str = "canvases.view_canvas", in_bin: bool = False) -> Canvas:
    """A canvas of one of the user's teams (404 otherwise), checked against a permission (403)."""
    queryset = Canvas.objects.visible_to(user).select_related("team", "current_revision__author", "updated_by")
    queryset = queryset.in_bin() if in_bin else queryset.live()
    canvas = get_object_or_404(queryset, pk=pk)
    if not user.has_perm(perm, canvas):
        raise PermissionDenied
    return canvas
