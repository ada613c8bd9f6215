"""A spreadsheet waiting between an import's preview and its confirmation: kept in the shared
cache (every worker sees it) for WAIT_SECONDS, under a random token and the sender's id, so
only the person who sent it can confirm it. The inventory's and the candidacies' imports use it."""

import secrets

from django.core.cache import cache

WAIT_SECONDS = 30 * 60


def _key(scope, user, token):
    return f"{scope}-import:{user.pk}:{token}"


def stash(scope, user, name, content):
    """Keep (name, content) for `user`; the token the confirmation form sends back."""
    token = secrets.token_urlsafe(16)
    cache.set(_key(scope, user, token), (name, content), WAIT_SECONDS)
    return token


def kept(scope, user, token):
    """(name, content) the user sent with this token, or None once expired."""
    return cache.get(_key(scope, user, token))


def discard(scope, user, token):
    cache.delete(_key(scope, user, token))
