"""What this code location runs with, read once as it loads: the settings (checked: a bad one
fails the load with a message naming the variable, in the UI and in `make run` alike) and the
stage versions they give (`pipeline/versions.py`), which become the assets' code versions."""

from pipeline.settings import Settings
from pipeline.versions import stage_versions

settings = Settings.from_env()
versions = stage_versions(settings)
