"""`make bench`: development settings without debug, so timings are those of production code."""

from .development import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
