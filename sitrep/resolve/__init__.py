"""Reference-data lookups: actor dictionary, gazetteer, date rules."""
