"""Rounds: final reports of Peer-to-peer Technical Cooperation Rounds (``rounds/``).

A beneficiary country asks for help on one policy; a panel of 2 specialists from cooperating countries
and 2 coordinators of the Technical Secretariat studies it, visits for 3–5 days and writes a report of at
most 20 pages, published only with the beneficiary's written authorization.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Annotated, ClassVar, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from ..models import LABELS_KEY, CountryCode, EntryFields, FieldPath, FileName, LongText, Model, Text, WebUrl

MAX_COOPERATING = 2
MAX_REFERENCE_DOCUMENTS = 4
MAX_REPORT_PAGES = 20


class Party(Model):
    """A country and the institution that speaks for it in a round."""

    country: CountryCode = Field(description="Country: ISO code (BR, BRA) or name in en/es/pt/fr (Brasil).")
    institution: Text = Field(description="The institution, e.g. the ministry responsible for social protection.")


class PanelMember(Model):
    """One member of the panel: a technical specialist or a coordinator of the Technical Secretariat."""

    name: Text = Field(description="Full name of the panel member.")
    role: Literal["specialist", "coordinator"] = Field(
        description="`specialist` (from a cooperating country) or `coordinator` (Technical Secretariat).",
        json_schema_extra={LABELS_KEY: "panel_roles"},
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


UNAUTHORIZED = (
    "a published round needs `authorization` (granted_by, date): the beneficiary country's written "
    "authorization; without it set `published: false`"
)


class Authorization(Model):
    """The beneficiary country's written authorization to publish the final report."""

    granted_by: Text = Field(description="Who authorized publication (institution).")
    date: dt.date = Field(description="Date of the written authorization (YYYY-MM-DD).")
    reference: Text | None = Field(None, description="Reference of the authorizing note or letter.")


class Round(EntryFields):
    """Final report of a Peer-to-peer Technical Cooperation Round."""

    kind: ClassVar[str] = "round"
    folder: ClassVar[str] = "rounds"
    position: ClassVar[int] = 1
    sections: ClassVar[tuple[str, ...]] = (
        "Description of the round",
        "Findings",
        "Recommendations",
        "Further cooperation",
    )
    csl_type: ClassVar[str] = "report"
    bibtex_type: ClassVar[str] = "techreport"
    ris_type: ClassVar[str] = "RPRT"
    schema_org_type: ClassVar[str] = "Report"
    publication_fields: ClassVar[tuple[str, ...]] = ("published", "authorization")

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
            raise PydanticCustomError("unauthorized", UNAUTHORIZED)
        return self

    @classmethod
    def checks_across_fields(cls, data: dict) -> list[tuple[FieldPath, str, str]]:
        found = super().checks_across_fields(data)
        if data.get("published") is True and data.get("authorization") is None:
            found.append((("authorization",), "unauthorized", UNAUTHORIZED))
        return found

    def is_authorized(self) -> bool:
        return self.authorization is not None

    def country_roles(self) -> dict[str, tuple[str, ...]]:
        roles: dict[str, list[str]] = defaultdict(list)
        roles[self.beneficiary.country].append("beneficiary")
        for party in self.cooperating:
            roles[party.country].append("cooperating")
        return {code: tuple(dict.fromkeys(r)) for code, r in roles.items()}

    def institutions(self) -> list[str]:
        return list(dict.fromkeys([self.beneficiary.institution, *(p.institution for p in self.cooperating)]))

    def methodology_warnings(self) -> list[tuple[FieldPath, str]]:
        warnings: list[tuple[FieldPath, str]] = []
        roles = [m.role for m in self.panel]
        if (roles.count("specialist"), roles.count("coordinator")) != (2, 2):
            warnings.append(
                (
                    ("panel",),
                    f"the methodology expects a panel of 2 specialists and 2 coordinators; this one has "
                    f"{roles.count('specialist')} and {roles.count('coordinator')}",
                )
            )
        if self.visit is not None and not 3 <= self.visit.days <= 5:
            warnings.append(
                (("visit",), f"the methodology expects a 3–5 day visit; this one lasts {self.visit.days} day(s)")
            )
        return warnings

    def report_document(self) -> tuple[str, int | None] | None:
        return (self.report.file, self.report.pages) if self.report and self.report.file else None

    def record_fields(self) -> dict[str, str]:
        return {"initiative": self.initiative}
