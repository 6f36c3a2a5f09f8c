"""好差评 and search events: recorded on the terminal, synced to the county, reported."""
