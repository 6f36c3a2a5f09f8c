"""govtui: a terminal helper for policy lookup and guided applications."""

__version__ = "0.1.0"
