"""Dates and numbers as Quebec writes them: 2026-11-24 or 24 novembre 2026; 530 000 $."""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H \\h i"
DATETIME_FORMAT = "j F Y, H \\h i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "Y-m-d"
SHORT_DATETIME_FORMAT = "Y-m-d H:i"
FIRST_DAY_OF_WEEK = 0  # Sunday, as Quebec calendars show it
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]
DATETIME_INPUT_FORMATS = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\u00a0"  # non-breaking space
NUMBER_GROUPING = 3
