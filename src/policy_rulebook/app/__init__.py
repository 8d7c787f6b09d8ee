"""The plain functions that the commands call: they tie the layers together, without click."""
