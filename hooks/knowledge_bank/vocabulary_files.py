"""The shape of the vocabulary files: what each term of ``phases.yml``, ``sdgs.yml``, ``added_values.yml`` and
``licenses.yml`` holds."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from .languages import Language

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class TermLabels(BaseModel):
    """A term's label in each of the four languages; all four are required."""

    model_config = ConfigDict(extra="forbid")
    en: Text
    es: Text
    pt: Text
    fr: Text


class TermData(BaseModel):
    """A term as written in a vocabulary file: labels, aliases and an optional description."""

    model_config = ConfigDict(extra="forbid")
    labels: TermLabels
    aliases: list[Text] = []
    description: dict[Language, Text] = {}

    @property
    def key(self) -> str:  # pragma: no cover - every vocabulary file uses a subclass
        raise NotImplementedError


class PhaseData(TermData):
    """A phase of ``phases.yml``, named by a lower-case ``key``."""

    key_: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*$")] = Field(alias="key")

    @property
    def key(self) -> str:
        return self.key_


class LicenseData(TermData):
    """A licence of ``licenses.yml``, named by its SPDX identifier, with the address of its deed."""

    key_: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9.-]*$")] = Field(alias="key")
    url: Annotated[str, StringConstraints(pattern=r"^https://[^\s\"'<>]+$")]

    @property
    def key(self) -> str:
        return self.key_


class NumberedData(TermData):
    """A term named by its ``number``, as the added values of ``added_values.yml``."""

    number: Annotated[int, Field(ge=1, le=99, strict=True)]

    @property
    def key(self) -> str:
        return str(self.number)


class SdgData(NumberedData):
    """A Sustainable Development Goal of ``sdgs.yml``, with its official colour."""

    colour: Annotated[str, StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$")]
