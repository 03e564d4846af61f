"""Full addresses for links that leave the site (e-mails): one rule, so every e-mail points at the same host."""

from django.conf import settings


def absolute_url(path: str, request=None) -> str:
    """SITE_URL and the path when SITE_URL is set (production), else the address the request came in on."""
    site = getattr(settings, "SITE_URL", "").rstrip("/")
    if site or request is None:
        return f"{site}{path}"
    return request.build_absolute_uri(path)
