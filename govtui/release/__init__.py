"""Signed content releases: build one file from a content folder, check it, apply it atomically."""
