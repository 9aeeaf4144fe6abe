"""Presentation: how answers are worded for people (what is counted, not "rows")."""
