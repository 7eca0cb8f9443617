"""The app a reader sees: cached data access (data), page building blocks (ui) and one module
per page (pages/). The entry point is dashboard/app.py. May import every other layer; nothing
imports it but the entry point."""
