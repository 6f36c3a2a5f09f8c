"""A county's own catalogue: import the 实施清单 and policy texts, export GB/T 39046 fields."""
