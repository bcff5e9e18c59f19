"""The data core: dates, the event model, loading and validating, the table, view state, snapshots."""
