"""The built-in rules: one module per rule, named after its id, registered by entry point."""
