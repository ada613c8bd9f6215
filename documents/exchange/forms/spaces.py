"""Forms of the exchange spaces: spaces."""
