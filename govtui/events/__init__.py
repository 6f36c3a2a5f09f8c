"""好差评 and search events: recorded on the terminal, synced to the county, reported."""

from typing import Literal

# Here, not in table9, so the command line names it without importing the events' models.
CodeDirection = Literal["gb", "reversed"]
"""How 满意度 is numbered in table 9: as GB/T 39046 does (1 = very satisfied) or reversed."""
