"""Across articles: merging speakers and grouping statements (neither spaCy nor SQLite).

These stages run after extraction, on records and rows of many articles:
``canonical`` merges the local speakers of articles into one speaker per
person, ``statements`` groups a speaker's quotes that say the same thing.
"""
