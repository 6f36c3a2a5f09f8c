"""The clerk's terminal app: Textual screens over the same core as the command line."""
