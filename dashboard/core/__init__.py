"""What every layer shares: where things are (paths), build errors, read-only database access
(db), the house style (style) and the pure chart builders (charts). Imports nothing else of
the package."""
