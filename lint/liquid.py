"""Liquid (Jekyll) and Go-template (Hugo) expressions in posts."""

from __future__ import annotations


def is_templated(value: str) -> bool:
    """A value that a template fills in at build time: rules cannot see what it will be."""
    return "{{" in value or "{%" in value
