"""Forms of the exchange spaces, one module per area; callers import from here."""
