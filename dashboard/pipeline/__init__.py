"""The pipeline that makes the database: strict CSV reading (csv_cells), sidecars (metadata),
the build and its checks, what the build recorded (catalog), and curation of the upstream files
(curate/). Imports only dashboard.core."""
