"""An IMMUTABLE unaccent, so that list searches can use trigram indexes: PostgreSQL's own
unaccent() is only STABLE (its dictionary could change), and an index needs an immutable
expression. The dictionary is named explicitly, which makes the wrapper safe to index."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION opq_unaccent(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
"""


class Migration(migrations.Migration):
    dependencies = [("core", "0007_privatefile_content_destroyed_at")]

    operations = [migrations.RunSQL(CREATE, "DROP FUNCTION IF EXISTS opq_unaccent(text)")]
