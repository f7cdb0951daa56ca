"""Turning article text into quote and speaker records (spaCy, coreferee)."""
