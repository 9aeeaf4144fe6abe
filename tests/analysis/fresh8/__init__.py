"""The eighth blind evaluation set of everyday business questions (see README.md)."""
