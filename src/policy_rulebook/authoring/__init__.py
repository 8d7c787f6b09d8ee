"""Writing policy files: `fmt` (canonical layout, comments kept) and `init` (a new rulebook)."""
