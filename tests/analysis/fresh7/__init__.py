"""The seventh blind evaluation set of everyday business questions (see README.md)."""
