"""The mail app's scheduled jobs (run by `manage.py run_scheduled`)."""

from courrier import reminders  # noqa: F401 - registers the mandates' reminders job
