"""Every write of the mail app that has a rule, one module per sub-domain. Views validate input and call these."""
