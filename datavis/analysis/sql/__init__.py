"""SQL: a plan compiled into one read-only DuckDB SELECT, run in a sandbox, results made JSON-safe."""
