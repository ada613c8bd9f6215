"""Exchange spaces: links pages (being written)."""
