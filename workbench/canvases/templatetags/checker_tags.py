from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    return (mapping or {}).get(key, [])


@register.filter
def severity_class(severity):
    return {"error": "danger", "warning": "warning", "advice": "info"}.get(severity, "secondary")
