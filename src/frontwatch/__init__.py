"""frontwatch: one sourced, geocoded, deduplicated record of a war from many news articles."""

__version__ = "0.1.0"
