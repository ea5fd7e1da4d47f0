"""The content model: typed front matter of rounds and lessons, the single source of truth.

Values that depend on vocabularies (countries, phases) are checked against the
``ModelContext`` passed as pydantic validation context; the models themselves hold
nothing about a particular country or phase.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from typing import Annotated, Literal
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
from .text import fold
from .vocabularies import Vocabularies

MAX_COOPERATING = 2
MAX_REFERENCE_DOCUMENTS = 4
MAX_REPORT_PAGES = 20
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
CountryCode = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_country)]
PhaseKey = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_phase)]
WebUrl = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000), AfterValidator(_web_url)]
FileName = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), AfterValidator(_relative_file)
]
SDG = Annotated[int, Field(ge=1, le=17)]
AddedValue = Annotated[int, Field(ge=1, le=6)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Party(Model):
    """A country and the institution that speaks for it in a round."""

    country: CountryCode = Field(description="Country: ISO code (BR, BRA) or name in en/es/pt/fr (Brasil).")
    institution: Text = Field(description="The institution, e.g. the ministry responsible for social protection.")


class PanelMember(Model):
    """One member of the panel: a technical specialist or a coordinator of the Technical Secretariat."""

    name: Text = Field(description="Full name of the panel member.")
    role: Literal["specialist", "coordinator"] = Field(
        description="`specialist` (from a cooperating country) or `coordinator` (Technical Secretariat)."
    )
    country: CountryCode | None = Field(None, description="Country the member comes from.")
    institution: Text | None = Field(None, description="Institution of the member.")


class Visit(Model):
    """The on-site visit to the beneficiary country."""

    start: dt.date = Field(description="First day of the visit (YYYY-MM-DD).")
    end: dt.date = Field(description="Last day of the visit (YYYY-MM-DD).")
    place: Text | None = Field(None, description="City or place of the visit.")

    @model_validator(mode="after")
    def _ordered(self) -> Visit:
        if self.end < self.start:
            raise PydanticCustomError("visit_order", "the visit ends before it starts: check `start` and `end`")
        return self

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


class ReferenceDocument(Model):
    """A document the beneficiary country gave the panel: a web link or a file of the entry."""

    title: Text = Field(description="Title of the document.")
    url: WebUrl | None = Field(None, description="Web address (https://…).")
    file: FileName | None = Field(None, description="A file in the entry's folder, e.g. `guidelines.pdf`.")

    @model_validator(mode="after")
    def _one_target(self) -> ReferenceDocument:
        if (self.url is None) == (self.file is None):
            raise PydanticCustomError(
                "document_target", "give a reference document either `url` or `file` (one of them)"
            )
        return self


class Report(Model):
    """The final executive report."""

    file: FileName | None = Field(None, description="The report as a file in the entry's folder, e.g. `report.pdf`.")
    pages: Annotated[int, Field(ge=1, le=MAX_REPORT_PAGES)] | None = Field(
        None, description=f"Number of pages; the methodology allows at most {MAX_REPORT_PAGES}."
    )


class Authorization(Model):
    """The beneficiary country's written authorization to publish the final report."""

    granted_by: Text = Field(description="Who authorized publication (institution).")
    date: dt.date = Field(description="Date of the written authorization (YYYY-MM-DD).")
    reference: Text | None = Field(None, description="Reference of the authorizing note or letter.")


class EntryFields(Model):
    """Fields common to rounds and lessons."""

    title: Title = Field(description="Title of the entry (at most 200 characters).")
    summary: Summary = Field(
        description="One-paragraph summary shown in listings, feed and search (at most 600 characters)."
    )
    published: StrictBool = Field(
        False, description="The authorization flag: only `true` publishes. Missing means not published."
    )
    date: dt.date = Field(description="Publication date (YYYY-MM-DD), used for sorting and the feed.")
    language: Literal["en", "es", "pt", "fr"] = Field("en", description="Language of the text: en, es, pt or fr.")
    phase: PhaseKey = Field(description="Phase of the operation / policy cycle (see the phases vocabulary).")
    sdgs: list[SDG] = Field(
        min_length=1, description="Sustainable Development Goals the entry contributes to: numbers 1–17."
    )
    keywords: list[Keyword] = Field(
        min_length=1, max_length=MAX_KEYWORDS, description=f"1–{MAX_KEYWORDS} keywords, free text."
    )


class Round(EntryFields):
    """Final report of a Peer-to-peer Technical Cooperation Round."""

    beneficiary: Party = Field(description="The requesting country and its institution.")
    cooperating: list[Party] = Field(
        min_length=1,
        max_length=MAX_COOPERATING,
        description="The cooperating countries (1 or 2) and their institutions.",
    )
    initiative: LongText = Field(description="The policy, programme or initiative that is the subject of the round.")
    objective: LongText = Field(description="The goal of the cooperation: the results or products expected.")
    panel: list[PanelMember] = Field(default_factory=list, description="The panel: 2 specialists + 2 coordinators.")
    visit: Visit | None = Field(None, description="The on-site visit (3–5 days).")
    reference_documents: list[ReferenceDocument] = Field(
        default_factory=list, max_length=MAX_REFERENCE_DOCUMENTS, description="At most 4 reference documents."
    )
    report: Report | None = Field(None, description="The final report: file and number of pages (at most 20).")
    authorization: Authorization | None = Field(
        None, description="The beneficiary's written authorization; required when `published: true`."
    )

    @model_validator(mode="after")
    def _authorized(self) -> Round:
        if self.published and self.authorization is None:
            raise PydanticCustomError(
                "unauthorized",
                "a published round needs `authorization` (granted_by, date): the beneficiary country's written "
                "authorization; without it set `published: false`",
            )
        return self


class Actor(Model):
    """An institution involved in generating the knowledge."""

    name: Text = Field(description="Name of the institution.")
    country: CountryCode | None = Field(None, description="Its country.")


class Lesson(EntryFields):
    """A lessons-learnt card from a triangular-cooperation project."""

    knowledge_type: Literal["lesson-learnt", "good-practice", "success-story"] = Field(
        description="`lesson-learnt`, `good-practice` or `success-story`."
    )
    author: Text = Field(description="The project or programme the knowledge comes from, e.g. Red Calle.")
    countries: list[CountryCode] = Field(min_length=1, description="Countries where the action took place.")
    actors: list[Actor] = Field(default_factory=list, description="Institutions involved, each with its country.")
    added_values: list[AddedValue] = Field(
        default_factory=list, description="Added values of triangular cooperation, numbers 1–6."
    )


KINDS: dict[str, type[EntryFields]] = {"rounds": Round, "lessons": Lesson}
SECTIONS: dict[str, tuple[str, ...]] = {
    "rounds": ("Description of the round", "Findings", "Recommendations", "Further cooperation"),
    "lessons": ("Description of the action", "Experience gained", "Impacts"),
}
