"""The shape of the rule files: every value dated, sourced and tagged with a confidence. Unknown keys fail."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Category = Literal["a", "b", "c"]


class Confidence(StrEnum):
    """How sure the reference is of a value (its confidence tags)."""

    OFFICIAL = "official"
    TWO_PLUS = "two_plus"
    ONE = "one"
    UNVERIFIED = "unverified"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    """A cited source (reference section 6.1)."""

    id: str
    kind: Literal["official", "law", "practitioner", "code", "news", "decision", "reference", "other"]
    tag: str
    title: str
    url: str


class Dated(_Strict):
    """Common to every dated value: when it applies, who says so, how sure we are."""

    since: date
    until: date | None = None
    sources: list[str] = Field(min_length=1)
    confidence: Confidence
    note: str | None = None

    @model_validator(mode="after")
    def _ordered(self) -> "Dated":
        if self.until is not None and self.until <= self.since:
            raise ValueError(f"until {self.until} is not after since {self.since}")
        return self

    def applies_on(self, on: date) -> bool:
        return self.since <= on and (self.until is None or on < self.until)


class RowValue(Dated):
    """One dated version of a point row."""

    points: dict[Category, int] = Field(min_length=1)
    min_yen: int | None = None
    age_below: int | None = None
    min_years: int | None = None
    min_count: int | None = None


class Row(_Strict):
    """A row of the point calculation sheet."""

    id: str
    group: Literal["academic", "academic_bonus", "career", "salary_ab", "salary_c", "age", "research",
                   "licence", "position", "bonus"]
    label: str
    official_ja: str
    evidence: list[str] = Field(min_length=1)
    values: list[RowValue] = Field(min_length=1)


class RuleValue(Dated):
    """One dated version of a non-point rule."""

    value: bool | int | date


class Rule(_Strict):
    """A gate, exclusion, threshold or convention."""

    id: str
    label: str
    official_ja: str
    values: list[RuleValue] = Field(min_length=1)


class LongestValue(Dated):
    """A dated longest period of stay, where it changed (特定技能1号: 12 months, then 36)."""

    months: int = Field(ge=0)


class Status(_Strict):
    """A status of residence and how the PR rules classify it."""

    id: str
    label: str
    official_ja: str
    kind: Literal["hsp", "hsp2", "work", "excluded_work", "residence", "study", "family", "other"]
    longest_months: int = Field(ge=0)
    sources: list[str] = Field(min_length=1)
    confidence: Confidence
    since: date | None = None  # the status exists from this day (育成就労)
    longest: list[LongestValue] = []  # dated longest periods; `longest_months` where none applies

    def longest_on(self, on: date) -> int:
        """The longest period of stay on `on` (months; 0 = indefinite)."""
        return next((v.months for v in self.longest if v.applies_on(on)), self.longest_months)


class Document(_Strict):
    """A document an applicant may have to file or show."""

    id: str
    label: str
    official_ja: str
    where: str
    note: str | None = None
    sources: list[str] = Field(min_length=1)
    confidence: Confidence


Condition = Literal[
    "always", "age16_or_over", "employee", "self_employed", "company_representative", "other_occupation",
    "resident_tax_not_withheld", "employees_pension", "national_pension_period", "employees_health_insurance",
    "national_health_insurance", "national_health_insurance_period", "social_insurance_employer",
    "points_notice", "no_points_notice", "spouse_of_japanese", "spouse_of_pr", "child_of_japanese",
    "child_of_pr", "contribution", "special_hsp",
]


class ChecklistItem(_Strict):
    """A document on a route's list, with the personal situation that calls for it."""

    doc: str
    when: list[Condition] = Field(default_factory=lambda: ["always"])
    years: int | None = None
    since: date | None = None  # listed on and after this day (a document ISA began to accept)
    until: date | None = None  # exclusive: not listed from this day (a document that lapsed)

    def listed_on(self, on: date) -> bool:
        return (self.since is None or self.since <= on) and (self.until is None or on < self.until)


class Checklist(Dated):
    """The document list of one PR route (reference section 5, seed 004)."""

    route: str
    tax_years: int
    pension_years: int
    health_years: int
    items: list[ChecklistItem] = Field(min_length=1)


class HouseholdItem(Dated):
    """A document the principal's checklist gains for a household member (household.toml): for which member
    (kind and nationality), on which routes, with how many years of records (the route's own counts)."""

    doc: str
    member: Literal["spouse", "child", "parent"]
    nationality: list[Literal["japanese", "permanent_resident", "foreign"]] = Field(
        default_factory=lambda: ["japanese", "permanent_resident", "foreign"])
    routes: list[str] = Field(min_length=1)
    years: Literal["tax", "pension", "health"] | None = None
