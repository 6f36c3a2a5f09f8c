"""One screen per task of the clerk, plus the dialogs that return a value.

Nothing is re-exported here: importing a screen module must not import the others, because the
screens past the search screen load only when first opened, to keep start-up fast.
"""
