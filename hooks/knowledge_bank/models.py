"""The content model: the field types and the fields every kind of entry has, the single source of truth.

Each kind of entry (round, lesson…) is a subclass of ``EntryFields`` in ``kinds/``. Values that depend on
vocabularies (countries, phases) are checked against the ``ModelContext`` passed as pydantic validation
context; the models themselves hold nothing about a particular country or phase.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from typing import Annotated, ClassVar, get_args
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StringConstraints,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .countries import CountryResolver
from .field_path import FieldPath
from .languages import LANGUAGES, Language
from .text import fold
from .vocabularies import Vocabularies

MAX_KEYWORDS = 12
MAX_KEYWORD_LENGTH = 60


@dataclass(frozen=True)
class ModelContext:
    """What validation needs to know beyond the models: vocabularies and countries."""

    vocabularies: Vocabularies
    countries: CountryResolver


def _context(info: ValidationInfo) -> ModelContext:
    ctx = (info.context or {}).get("kb")
    if ctx is None:
        raise RuntimeError("validate with context={'kb': ModelContext(...)}")
    return ctx


def _country(value: str, info: ValidationInfo) -> str:
    ctx = _context(info)
    country = ctx.countries.resolve(value)
    if country is None:
        near = ctx.countries.suggest(value)
        hint = f"; did you mean {_either(near)}?" if near else "; use an ISO code such as BR or a name such as Brasil"
        raise PydanticCustomError("unknown_country", "unknown country “{value}”" + hint, {"value": value})
    return country.code


def _either(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _phase(value: str, info: ValidationInfo) -> str:
    vocabulary = _context(info).vocabularies.phases
    term = vocabulary.lookup(value)
    if term is None:
        near = difflib.get_close_matches(fold(value), vocabulary.spellings(), n=1, cutoff=0.6)
        hint = f"did you mean {vocabulary.lookup(near[0]).key}? " if near else ""
        raise PydanticCustomError(
            "unknown_phase",
            "unknown phase “{value}”; {hint}use one of: {keys}",
            {"value": value, "hint": hint, "keys": ", ".join(vocabulary.keys())},
        )
    return term.key


def _license(value: str, info: ValidationInfo) -> str:
    vocabulary = _context(info).vocabularies.licenses
    term = vocabulary.lookup(value)
    if term is None:
        raise PydanticCustomError(
            "unknown_license",
            "unknown licence “{value}”; use one of: {keys} (or leave `license` out for the site's default)",
            {"value": value, "keys": ", ".join(vocabulary.keys())},
        )
    return term.key


def _web_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PydanticCustomError("bad_url", "a link must be a full https:// or http:// address")
    return value


def _relative_file(value: str) -> str:
    if value.startswith(("/", "\\")) or ".." in value.replace("\\", "/").split("/") or ":" in value:
        raise PydanticCustomError(
            "bad_file", "a file must be a name inside the entry's folder, such as report.pdf (no ../ or absolute paths)"
        )
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Summary = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=600)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Keyword = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_KEYWORD_LENGTH)]


VALUE_KEY = "x-kb-value"
LABELS_KEY = "x-kb-labels"  # the group of labels.yml that names each value of a fixed set (`panel_roles`)


def _value(kind: str):
    """What a value stands for beyond its JSON type, in the JSON Schema as ``x-kb-value``: the editor's form
    (``editor_config.py``) offers a vocabulary's values, a web address or an upload from it."""
    return Field(json_schema_extra={VALUE_KEY: kind})


CountryCode = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_country), _value("country")
]
PhaseKey = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_phase), _value("phase")
]
LicenseKey = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_license), _value("license")
]
WebUrl = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=2000), AfterValidator(_web_url), _value("url")
]
FileName = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    AfterValidator(_relative_file),
    _value("file"),
]
SDG = Annotated[int, Field(ge=1, le=17), _value("sdg")]
AddedValue = Annotated[int, Field(ge=1, le=6), _value("added_value")]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Translation(Model):
    """The entry's title and summary in another language; its text stays in its own."""

    title: Title = Field(description="The title in this language (at most 200 characters).")
    summary: Summary = Field(description="The summary in this language (at most 600 characters).")


class Translations(Model):
    """The entry's title and summary in the languages it is not written in, each optional."""

    en: Translation | None = Field(None, description="In English.")
    es: Translation | None = Field(None, description="In Spanish.")
    pt: Translation | None = Field(None, description="In Portuguese.")
    fr: Translation | None = Field(None, description="In French.")


OWN_LANGUAGE = "the entry is written in {lang}: its title and summary are already in it; remove `translations.{lang}`"


class EntryFields(Model):
    """Fields common to rounds and lessons."""

    # (The docstring is the field reference's, for editors.) A kind of entry is a subclass in kinds/: it
    # names its folder and the body's sections, adds its fields, and says what only it knows (its
    # countries' roles, what publication needs besides `published: true`, its methodology's expectations).
    # Its labels are `kinds.<kind>` in vocabularies/labels.yml; its facts and `kb new` skeleton are
    # templates/kinds/<kind>.md.j2.

    kind: ClassVar[str]  # "round": in catalog.json, labels, templates, `kb new round`
    folder: ClassVar[str]  # "rounds": where the entries live and their pages' URL
    position: ClassVar[int] = 100  # where the kind stands among kinds: in lists, Explore, the field reference
    sections: ClassVar[tuple[str, ...]] = ()  # the body's `##` sections the methodology expects
    # What the entry is to reference managers and search engines (citation.py, the page's head):
    csl_type: ClassVar[str] = "document"  # CSL-JSON item type
    bibtex_type: ClassVar[str] = "misc"  # BibTeX entry type
    ris_type: ClassVar[str] = "GEN"  # RIS reference type
    schema_org_type: ClassVar[str] = "CreativeWork"  # schema.org type of the page's JSON-LD
    # The fields that decide publication: set by hand in a reviewed pull request, never by the editor's form.
    publication_fields: ClassVar[tuple[str, ...]] = ("published",)

    title: Title = Field(description="Title of the entry (at most 200 characters).")
    summary: Summary = Field(
        description="One-paragraph summary shown in listings, feed and search (at most 600 characters)."
    )
    translations: Translations | None = Field(
        None,
        description="The title and summary in other languages (en, es, pt, fr), each optional: the interface in "
        "that language shows them, marked as a translation; the text stays in its own language.",
    )
    published: StrictBool = Field(
        False, description="The authorization flag: only `true` publishes. Missing means not published."
    )
    date: dt.date = Field(description="Publication date (YYYY-MM-DD), used for sorting and the feed.")
    language: Language = Field(
        "en", description="Language of the text: en, es, pt or fr.", json_schema_extra={VALUE_KEY: "language"}
    )
    phase: PhaseKey = Field(description="Phase of the operation / policy cycle (see the phases vocabulary).")
    sdgs: list[SDG] = Field(
        min_length=1, description="Sustainable Development Goals the entry contributes to: numbers 1–17."
    )
    keywords: list[Keyword] = Field(
        min_length=1, max_length=MAX_KEYWORDS, description=f"1–{MAX_KEYWORDS} keywords, free text."
    )
    license: LicenseKey | None = Field(
        None,
        description="The licence of this entry when it is not the site's default (CC-BY-4.0): a key of "
        "vocabularies/licenses.yml, e.g. CC-BY-SA-4.0.",
    )

    @model_validator(mode="after")
    def _translated_into_other_languages(self) -> EntryFields:
        if self.translations is not None and getattr(self.translations, self.language) is not None:
            raise PydanticCustomError("own_language", OWN_LANGUAGE.format(lang=self.language))
        return self

    def translation(self, lang: str) -> Translation | None:
        """The title and summary in ``lang``, when the entry has them and is not written in it."""
        if self.translations is None or lang == self.language:
            return None
        return getattr(self.translations, lang, None)

    def translated(self) -> dict[str, Translation]:
        """Every translation of the title and summary, by language, in the site's order of languages."""
        return {lang: found for lang in LANGUAGES if (found := self.translation(lang))}

    def is_authorized(self) -> bool:
        """What publication needs besides ``published: true`` (a round: the beneficiary's authorization)."""
        return True

    @classmethod
    def checks_across_fields(cls, data: dict) -> list[tuple[FieldPath, str, str]]:
        """The rules across fields, on the data as written, for when a field is invalid and pydantic did not run
        them, or reported them on the whole entry: (field, error type, message) for each rule broken. A kind
        adds its own to these."""
        lang, translations = data.get("language", "en"), data.get("translations")
        if isinstance(lang, str) and isinstance(translations, dict) and translations.get(lang) is not None:
            return [(("translations", lang), "own_language", OWN_LANGUAGE.format(lang=lang))]
        return []

    def country_roles(self) -> dict[str, tuple[str, ...]]:
        """Each country of the entry (ISO code) with its roles (keys of ``roles`` in labels.yml), in order."""
        raise NotImplementedError

    def institutions(self) -> list[str]:
        """The institutions named in the entry, for search and open data."""
        return []

    def citation_authors(self) -> list[str]:
        """Who a citation names as authors: institutions, not people."""
        return self.institutions()

    def methodology_warnings(self) -> list[tuple[FieldPath, str]]:
        """What the methodology expects but does not require: (field, message) pairs, shown as warnings."""
        return []

    def report_document(self) -> tuple[str, int | None] | None:
        """(file name, pages it declares) of the entry's report as a file of its folder, if it has one."""
        return None

    def record_fields(self) -> dict[str, str]:
        """The fields of this kind that ``catalog.json`` carries besides the common ones."""
        return {}


def field_names_at(model: type[BaseModel], path: tuple) -> list[str]:
    """The names of the fields of the group at ``path`` in ``model`` (``("translations",)`` -> en, es, pt, fr;
    ``("panel", 0)`` -> a panel member's), to name the right ones when a field there is unknown."""
    group: type[BaseModel] | None = model
    for key in path:
        if isinstance(key, int):
            continue  # an item of a list: its group was found with the list
        if group is None or key not in group.model_fields:
            return []
        group = _group_of(group.model_fields[key].annotation)
    return list(group.model_fields) if group else []


def _group_of(annotation: object) -> type[BaseModel] | None:
    """The model inside an annotation: ``X``, ``X | None``, ``list[X]``."""
    for arg in (annotation, *get_args(annotation), *(a for outer in get_args(annotation) for a in get_args(outer))):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
    return None
