"""postlint rules of ACME Inc.: an example plugin."""
