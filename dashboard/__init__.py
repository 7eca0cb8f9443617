"""Russia–China military cooperation dashboard: curated CSV → DuckDB → SQL views → Streamlit."""

__version__ = "0.1.0"
