"""Exchange spaces: audit pages (being written)."""
