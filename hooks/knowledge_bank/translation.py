"""A value of the catalog as a page in one language writes it: a country's name, a term's label (a phase, an SDG,
an added value, a licence), a facet value's — from CLDR and pycountry (countries) and the vocabulary files (terms).
Templates call it ``tr``: ``{{ phase | tr }}``."""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import FacetValue
from .country_names import Country
from .terms import Term


@dataclass(frozen=True)
class InLanguage:
    """The wording of catalog values in ``lang``, English where a value has none in it."""

    lang: str

    def __call__(self, value: object) -> str:
        if isinstance(value, FacetValue):
            value = value.country or value.term or value.label  # a keyword is shown as written
        if isinstance(value, Country):
            return value.names.get(self.lang) or value.name
        if isinstance(value, Term):
            return value.labels.get(self.lang) or value.label
        return str(value)
