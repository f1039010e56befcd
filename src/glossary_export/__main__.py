"""``python -m glossary_export``: the same command line as ``glossary-export``."""

from .cli import main

main()
