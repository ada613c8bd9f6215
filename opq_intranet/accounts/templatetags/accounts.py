from django import template

from opq_intranet.accounts.landing import home_url as _home_url

register = template.Library()


@register.simple_tag
def home_url(user):
    """The person's own home (`opq_intranet.accounts.landing.home_url`): `{% home_url user as home %}`."""
    return _home_url(user)
