"""The domain core: reading, cleaning, extraction and tables, with no Dagster import."""
