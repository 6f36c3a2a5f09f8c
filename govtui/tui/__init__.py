"""The clerk's terminal app: Textual screens over the same core as the command line."""

import os

# Textual repaints on a timer of 1/TEXTUAL_FPS seconds, and after an idle spell its second repaint
# waits one to two periods. A keystroke needs two (the echo, then the results), so at the default
# 60 the results waited 17-33 ms; at 120 they wait 8-17 ms. Repaints happen only when something
# changed, so an idle screen costs nothing more. A value the user set is kept.
os.environ.setdefault("TEXTUAL_FPS", "120")
