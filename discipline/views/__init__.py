"""The pages of the disciplinary cases, one module per topic."""
