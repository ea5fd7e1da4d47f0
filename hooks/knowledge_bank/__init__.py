"""Knowledge Bank core: content model, loading, validation, catalog and rendering.

This package never imports MkDocs; ``hooks/mkdocs_hooks.py`` adapts it to MkDocs.
"""

__version__ = "0.1.0"
