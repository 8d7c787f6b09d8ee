"""Linting: one module per check, the engine that runs them, suppressions and reporters."""
