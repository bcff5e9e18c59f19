"""A loaded dataset with its views pre-computed (catalog), and the live data version."""
