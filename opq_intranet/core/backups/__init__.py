"""Backups of the intranet: dated sets (database dump, private files, manifest), their rotation,
and a restore that verifies everything before it writes anything. See README, "Operations"."""
