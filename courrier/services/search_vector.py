"""The search vector of mail items: subject (A), the contact (B), the attachments' text (C),
in the same `opq_french` configuration as the records (unaccent, French stemming)."""

from django.db import connection

from opq_intranet.core.fulltext import CONFIG

ATTACHMENT_CHARACTERS = 50_000  # each attachment's beginning is enough to find it
REFRESH_SQL = f"""
UPDATE courrier_mailitem AS m SET search_vector =
    setweight(to_tsvector('{CONFIG}', m.subject), 'A')
 || setweight(to_tsvector('{CONFIG}', c.name || ' ' || c.organisation), 'B')
 || setweight(to_tsvector('{CONFIG}', coalesce((
        SELECT string_agg(left(a.text, {ATTACHMENT_CHARACTERS}), ' ')
        FROM courrier_mailattachment AS a WHERE a.mail_item_id = m.id), '')), 'C')
FROM courrier_contact AS c
WHERE c.id = m.contact_id AND {{condition}}
"""  # noqa: S608 - only constants are interpolated


def mail_search_refresh(item_ids):
    with connection.cursor() as cursor:
        cursor.execute(REFRESH_SQL.format(condition="m.id = ANY(%s)"), [list(item_ids)])


def contact_search_refresh(contact_id):
    """A contact's new name is found in every item of theirs."""
    with connection.cursor() as cursor:
        cursor.execute(REFRESH_SQL.format(condition="m.contact_id = %s"), [contact_id])
