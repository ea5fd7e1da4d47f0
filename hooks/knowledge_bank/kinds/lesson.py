"""Lessons: "knowledge bank" cards from triangular-cooperation projects (``lessons/``).

Lessons learnt, good practices and success stories: who generated the knowledge, where the action took
place, what was learnt and its impacts, and the added value of triangular cooperation.
"""

from __future__ import annotations

from collections import defaultdict
from typing import ClassVar, Literal

from pydantic import Field

from ..models import LABELS_KEY, AddedValue, CountryCode, EntryFields, Model, Text


class Actor(Model):
    """An institution involved in generating the knowledge."""

    name: Text = Field(description="Name of the institution.")
    country: CountryCode | None = Field(None, description="Its country.")


class Lesson(EntryFields):
    """A lessons-learnt card from a triangular-cooperation project."""

    kind: ClassVar[str] = "lesson"
    folder: ClassVar[str] = "lessons"
    position: ClassVar[int] = 2
    sections: ClassVar[tuple[str, ...]] = ("Description of the action", "Experience gained", "Impacts")

    knowledge_type: Literal["lesson-learnt", "good-practice", "success-story"] = Field(
        description="`lesson-learnt`, `good-practice` or `success-story`.",
        json_schema_extra={LABELS_KEY: "knowledge_types"},
    )
    author: Text = Field(description="The project or programme the knowledge comes from, e.g. Red Calle.")
    countries: list[CountryCode] = Field(min_length=1, description="Countries where the action took place.")
    actors: list[Actor] = Field(default_factory=list, description="Institutions involved, each with its country.")
    added_values: list[AddedValue] = Field(
        default_factory=list, description="Added values of triangular cooperation, numbers 1–6."
    )

    def country_roles(self) -> dict[str, tuple[str, ...]]:
        roles: dict[str, list[str]] = defaultdict(list)
        for code in self.countries:
            roles[code].append("action")
        for actor in self.actors:
            if actor.country and "actor" not in roles[actor.country]:
                roles[actor.country].append("actor")
        return {code: tuple(dict.fromkeys(r)) for code, r in roles.items()}

    def citation_authors(self) -> list[str]:
        return [self.author]  # the project or programme the card comes from, as the card names it

    def institutions(self) -> list[str]:
        return list(dict.fromkeys(a.name for a in self.actors))

    def record_fields(self) -> dict[str, str]:
        return {"knowledge_type": self.knowledge_type, "author": self.author}
