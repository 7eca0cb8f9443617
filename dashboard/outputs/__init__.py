"""Files made from the database for readers to take away: filtered CSV (export) and ZIP bundles
(bundle). Imports dashboard.core and dashboard.pipeline, never dashboard.web."""
