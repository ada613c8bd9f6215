"""Exchange spaces: spaces pages (being written)."""
