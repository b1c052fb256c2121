"""Developer tools: setup, screenshots, data builders (importable so tests and benches share them)."""
