"""Run govtui as `python -m govtui`."""

from govtui.cli import main

main()
