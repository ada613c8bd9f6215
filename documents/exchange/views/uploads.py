"""Exchange spaces: uploads pages (being written)."""
