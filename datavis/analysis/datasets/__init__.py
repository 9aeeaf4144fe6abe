"""Datasets: CSV ingest into a DuckDB file, the profile of its columns, and where both live on disk."""
