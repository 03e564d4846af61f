from django import template

from workbench.progress import track

register = template.Library()


@register.filter
def number(value):
    """A value as the charts and the status write it: 1,250; 57.5; 9,370."""
    if value is None or isinstance(value, bool) or not isinstance(value, int | float):
        return ""
    return track.fmt(value)


@register.filter
def exact(value):
    """A value as recorded, every digit kept: the tables of values and the history."""
    if value is None or isinstance(value, bool) or not isinstance(value, int | float):
        return ""
    return track.exact(value)
