"""Sub-commands of the `tongket` CLI, grouped by subject."""
