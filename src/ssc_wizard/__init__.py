"""ssc-wizard: a terminal guide to a public service, driven by a YAML decision tree."""

__version__ = "0.7.0"
