"""A case that follows the citizen: the visit's short code and its encrypted, expiring case file."""
