"""Forms of the exchange spaces: files."""
