from django.utils.functional import SimpleLazyObject


def notifications(request):
    """The signed-in person's unread count for the navbar: one COUNT query, only when a page shows it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from workbench.notifications.selectors import unread_count

    return {"unread_notifications": SimpleLazyObject(lambda: unread_count(user))}
