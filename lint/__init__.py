"""postlint: lint and safely normalize the posts of static-site content repos."""

from .rule import Edit, Finding, Fix, Rule

__version__ = "0.1.0"
__all__ = ["Edit", "Finding", "Fix", "Rule", "__version__"]
