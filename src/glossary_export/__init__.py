"""glossary-export: turn a glossary into flashcards people actually study with."""

__version__ = "0.1.0"
