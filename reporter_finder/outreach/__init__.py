"""E-mail drafts and follow-ups to a PI, from the PI's own grants and papers."""
