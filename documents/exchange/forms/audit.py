"""Forms of the exchange spaces: audit."""
