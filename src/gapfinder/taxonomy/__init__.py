"""The skills taxonomy: schema, loader and cross-reference checks."""

from .loader import Taxonomy, default_taxonomy_dir, load_taxonomy

__all__ = ["Taxonomy", "default_taxonomy_dir", "load_taxonomy"]
