"""Forms of the exchange spaces: links."""
