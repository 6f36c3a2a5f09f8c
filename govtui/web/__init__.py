"""The browser face: the same app, one process per tab, served by textual-serve."""
