"""The Dagster layer: assets, resources and the job that wire the `pipeline` core."""
