"""Forms of the mail app, one module per sub-domain (mail, mandates, access)."""
