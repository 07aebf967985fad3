"""Kennisbank: lessons and practice examples as a linked, searchable MkDocs site."""
