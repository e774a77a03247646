"""`{% page_link n %}`: the current page's address with `trang=n`, every filter kept."""

from __future__ import annotations

from django import template
from django.template.context import Context

register = template.Library()


@register.simple_tag(takes_context=True)
def page_link(context: Context, number: int) -> str:
    query = context["request"].GET.copy()
    query["trang"] = str(number)
    return f"?{query.urlencode()}"
