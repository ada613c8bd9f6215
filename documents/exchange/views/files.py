"""Exchange spaces: files pages (being written)."""
