"""Which backup sets rotation keeps: one rule, in one function, tested on hand-picked dates."""

from datetime import datetime, timedelta


def sets_to_keep(stamps, *, now, daily, weekly, monthly, max_age_days):
    """The stamps (datetimes of sets) to keep; every other set is deleted.

    Kept: the newest set of each of the `daily` most recent days that have a set, of each of the
    `weekly` most recent ISO weeks and of each of the `monthly` most recent months; never a set
    older than `max_age_days` (what the destruction certificates promise). Always kept whatever the
    settings: the newest set (rotation never leaves no backup) and sets from the future (a clock
    that jumped must not delete everything else).
    """
    oldest_allowed = now - timedelta(days=max_age_days)
    candidates = sorted((s for s in stamps if s >= oldest_allowed), reverse=True)  # newest first
    keep = {s for s in stamps if s > now}
    if stamps:
        keep.add(max(stamps))

    def newest_per_period(period, count):
        seen = []
        for stamp in candidates:
            key = period(stamp)
            if key in seen:
                continue
            if len(seen) == count:
                break
            seen.append(key)
            keep.add(stamp)

    newest_per_period(lambda s: s.date(), daily)
    newest_per_period(lambda s: s.isocalendar()[:2], weekly)
    newest_per_period(lambda s: (s.year, s.month), monthly)
    return keep


def parse_stamp(name, prefix):
    """The datetime of a set directory named `<prefix>YYYYMMDDTHHMMSSZ`, or None for anything else."""
    if not name.startswith(prefix):
        return None
    try:
        return datetime.strptime(name[len(prefix) :], "%Y%m%dT%H%M%SZ")
    except ValueError:
        return None
