"""What the tests share: opening a page (apptest), serving the app to Chromium (browser), and ../shared (shared)."""
