"""The kinds of entry: one module here per kind, each defining one subclass of ``models.EntryFields``.

Adding a kind takes a module here, its labels (``kinds.<kind>`` in ``vocabularies/labels.yml``) and its
template (``templates/kinds/<kind>.md.j2``); everything else finds it through ``KINDS``.
"""

from __future__ import annotations

import importlib
import pkgutil

from ..models import EntryFields


def _discover() -> dict[str, type[EntryFields]]:
    """Folder -> model of every kind defined by a module of this package."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
    kinds = sorted(EntryFields.__subclasses__(), key=lambda model: (model.position, model.folder))
    return {model.folder: model for model in kinds}


KINDS = _discover()  # in the order of their `position`
BY_KIND = {model.kind: model for model in KINDS.values()}  # "round" -> Round
