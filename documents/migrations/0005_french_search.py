"""French full-text search without accents: `opq_french` is PostgreSQL's french with unaccent
before the stemmer, so "ingenieur" finds "ingénieurs"."""

from django.db import migrations

CREATE = """
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'opq_french') THEN
    CREATE TEXT SEARCH CONFIGURATION opq_french (COPY = french);
    ALTER TEXT SEARCH CONFIGURATION opq_french
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
  END IF;
END $$;
"""


class Migration(migrations.Migration):
    dependencies = [("documents", "0004_records"), ("core", "0002_postgres_extensions")]

    operations = [migrations.RunSQL(CREATE, "DROP TEXT SEARCH CONFIGURATION IF EXISTS opq_french")]
