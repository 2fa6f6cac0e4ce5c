"""A person's dated facts: the project file's model. Whole yen, real dates, unknown keys refused."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from enum import StrEnum
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from pydantic.fields import FieldInfo

from hsp_wizard.domain.explain import Msg, N_

FORMAT_NAME = "hsp-wizard-project"
SCHEMA_VERSION = 3

MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2200, 12, 31)
MAX_ITEMS = 200           # any list: far above a real history, small enough to bound work
MAX_TEXT = 500
MAX_YEN = 10_000_000_000  # ¥10 billion: above any real remuneration, catches typos of extra digits
MAX_SCENARIOS = 20       # side by side: more columns than anyone compares
MAX_SCENARIO_NAME = 60
MAX_MEMBERS = 20         # spouse, children and parents: more than any household


def _plausible(d: date) -> date:
    if not MIN_DATE <= d <= MAX_DATE:
        raise ValueError(N_("must be a date between 1900-01-01 and 2200-12-31"))
    return d


Day = Annotated[date, AfterValidator(_plausible)]
JST = timezone(timedelta(hours=9))  # Japan: no daylight saving


def latest_today() -> date:
    """Today where the calendar is furthest on, of the machine's own zone and Japan's: a person born today in
    Japan is never 'born in the future' on a machine still on yesterday."""
    return max(date.today(), datetime.now(JST).date())


def _born(d: date) -> date:
    if d > latest_today():
        raise ValueError(N_("A birth date cannot be in the future"))
    return d


BirthDay = Annotated[date, AfterValidator(_plausible), AfterValidator(_born)]
Yen = Annotated[int, Field(ge=0, le=MAX_YEN)]
Text = Annotated[str, Field(max_length=MAX_TEXT)]


def error_reason(err: dict) -> Msg:
    """One of pydantic's errors as our own message (a message id the views translate), by error type.
    Our validators raise message ids; pydantic's own wording is replaced, and the input is never echoed."""
    kind, ctx = err["type"], err.get("ctx") or {}
    if kind == "value_error":
        return Msg.of(str(ctx.get("error", "")) or N_("is not valid here"))
    if kind in ("greater_than_equal", "greater_than"):
        return Msg.of(N_("must be {limit} or more"), limit=ctx.get("ge", ctx.get("gt")))
    if kind in ("less_than_equal", "less_than"):
        return Msg.of(N_("must be {limit} or less"), limit=ctx.get("le", ctx.get("lt")))
    if kind == "string_too_long":
        return Msg.of(N_("must be at most {limit} characters"), limit=ctx.get("max_length"))
    if kind == "too_long":
        return Msg.of(N_("must have at most {limit} entries"), limit=ctx.get("max_length"))
    if kind == "missing":
        return Msg.of(N_("is required"))
    if kind == "extra_forbidden":
        return Msg.of(N_("is not a field of this format"))
    if kind in ("enum", "literal_error"):
        return Msg.of(N_("is not one of the allowed values"))
    if kind.startswith("date"):
        return Msg.of(N_("must be a date written YYYY-MM-DD"))
    if kind.startswith("int"):
        return Msg.of(N_("must be a whole number"))
    if kind.startswith("bool"):
        return Msg.of(N_("must be true or false"))
    if kind.startswith("string"):
        return Msg.of(N_("must be text"))
    if kind in ("list_type", "model_type", "dict_type", "model_attributes_type"):
        return Msg.of(N_("has the wrong kind of value"))
    return Msg.of(N_("is not valid here"))


def max_length(model: type[BaseModel], field: str) -> int | None:
    """The longest text or list the model accepts in `field` (the number its schema enforces), or None: what
    a form caps its input at, so no keystroke or row can ever go past what the project holds."""
    info = model.model_fields[field]
    found = [m.max_length for m in info.metadata if getattr(m, "max_length", None) is not None]
    stack = [info.annotation]
    while stack and not found:
        t = stack.pop()
        for arg in get_args(t):
            if isinstance(arg, FieldInfo):
                found += [m.max_length for m in arg.metadata if getattr(m, "max_length", None) is not None]
            elif getattr(arg, "max_length", None) is not None:
                found.append(arg.max_length)
            else:
                stack.append(arg)
    return min(found) if found else None


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True,
                              validate_assignment=True)


class _Period(_Model):
    """A span of days, `start` to `end` inclusive; `end` None means ongoing."""

    start: Day
    end: Day | None = None

    @model_validator(mode="after")
    def _end_after_start(self):
        if self.end is not None and self.end < self.start:
            raise ValueError(N_("The end date is before the start date"))
        return self

    def covers(self, on: date) -> bool:
        return self.start <= on and (self.end is None or on <= self.end)


class Category(StrEnum):
    """HSP(i) activity categories: 1号イ, ロ, ハ."""

    A = "a"
    B = "b"
    C = "c"


class DegreeLevel(StrEnum):
    BACHELOR = "bachelor"          # includes junior college, college of technology, 高度専門士
    MASTER = "master"
    PROFESSIONAL = "professional"  # 専門職学位 (J.D., etc.)
    MBA_MOT = "mba_mot"            # professional degree in business management
    DOCTORATE = "doctorate"


class Degree(_Model):
    """A degree and where and when it was awarded."""

    level: DegreeLevel
    field: Text = ""
    japanese_university: bool = False
    awarded: Day
    designated_university: bool = False  # B10: on the MOJ notice list (rankings, Top Global, Innovative Asia)
    japanese_major: bool = False         # B7: foreign university, Japanese language major


class CareerKind(StrEnum):
    RESEARCH_EDUCATION = "research_education"  # counts for (a)
    SPECIALISED = "specialised"                # counts for (b): the work to be done in Japan
    BUSINESS_MANAGEMENT = "business_management"  # counts for (c)


class CareerPeriod(_Period):
    """Relevant work experience. Study time and part-time work while a student do not count."""

    kind: CareerKind
    employer: Text = ""


class SalaryEntry(_Model):
    """Expected annual remuneration from `start` on: whole yen, bonuses in, overtime and commuting out."""

    start: Day
    amount_yen: Yen
    foreign_amount_yen: Yen = 0  # paid by a foreign sending organisation (intra-company transfer)

    @property
    def total_yen(self) -> int:
        return self.amount_yen + self.foreign_amount_yen


class ResearchKind(StrEnum):
    PATENT = "patent"
    FOREIGN_GRANTS = "foreign_grants"   # engaged 3+ times in research funded by a foreign government
    PAPERS = "papers"                   # 3+ papers as corresponding author in indexed journals
    OTHER = "other"                     # other achievement recognised by the Minister


class ResearchAchievement(_Model):
    kind: ResearchKind
    achieved: Day
    description: Text = ""


class Licence(_Model):
    """A Japanese national licence or IT-notification qualification related to the work ((b))."""

    name: Text = ""
    obtained: Day


class ForeignQualification(_Model):
    """A foreign qualification or award related to the work (B5)."""

    name: Text = ""
    obtained: Day


class JapaneseTest(StrEnum):
    JLPT = "jlpt"
    BJT = "bjt"


class JapaneseResult(_Model):
    """A JLPT level passed or a BJT score, on the date of the result."""

    test: JapaneseTest
    level: Literal["N1", "N2", "N3", "N4", "N5"] | None = None
    score: Annotated[int, Field(ge=0, le=800)] | None = None
    passed: Day

    @model_validator(mode="after")
    def _level_or_score(self):
        if self.test == JapaneseTest.JLPT and self.level is None:
            raise ValueError(N_("A JLPT result needs a level"))
        if self.test == JapaneseTest.BJT and self.score is None:
            raise ValueError(N_("A BJT result needs a score"))
        return self


class EmployerFactKind(StrEnum):
    INNOVATION_SUPPORT = "innovation_support"    # B1
    SME = "sme"                                  # B2 (with B1), B4
    LOCAL_GOVERNMENT_SUPPORT = "local_government_support"  # B3
    RND_OVER_3_PERCENT = "rnd_over_3_percent"    # B4 (with SME)
    GROWTH_FIELD_PROJECT = "growth_field_project"  # B9
    INVESTMENT_MANAGEMENT = "investment_management"  # B13


class EmployerFact(_Period):
    """A fact about the contracting organisation, true from `start` to `end`."""

    kind: EmployerFactKind
    employer: Text = ""


class PositionKind(StrEnum):
    REPRESENTATIVE = "representative"
    DIRECTOR = "director"


class Position(_Period):
    """Position held in the organisation ((c))."""

    kind: PositionKind


class Investment(_Model):
    """Money invested in the business run in Japan ((c), B12), cumulative from `made`."""

    amount_yen: Yen
    made: Day


class JicaTraining(_Model):
    """JICA training under the Innovative Asia project (B11)."""

    start: Day
    completed: Day
    used_japanese_university_classes: bool = False


class ResidencePeriod(_Period):
    """A status of residence held, with the period of stay granted."""

    status: Annotated[str, Field(max_length=64)]
    period_of_stay_months: Annotated[int, Field(ge=0, le=120)] | None = None  # 0 = indefinite
    granted_as_hsp: bool = False            # recognised as a 高度人材外国人 on this grant
    hsp_points: Annotated[int, Field(ge=0, le=300)] | None = None  # points recognised on this grant
    special_hsp: bool = False               # J-Skip (特別高度人材) on this grant


class ReentryPermit(StrEnum):
    NONE = "none"
    SPECIAL = "special"    # みなし再入国許可: valid 1 year
    ORDINARY = "ordinary"


class Trip(_Model):
    """A trip abroad: left Japan on `left`, came back on `returned` (None: not back yet)."""

    left: Day
    returned: Day | None = None
    reentry_permit: ReentryPermit = ReentryPermit.SPECIAL
    permit_expires: Day | None = None   # v3: an ordinary re-entry permit's expiry (None: not entered)
    status_expires: Day | None = None   # v3: the period of stay's expiry when leaving (caps the special permit)

    @model_validator(mode="after")
    def _order(self):
        if self.returned is not None and self.returned < self.left:
            raise ValueError(N_("The return date is before the departure date"))
        return self


class Relation(StrEnum):
    NONE = "none"
    JAPANESE = "japanese"
    PERMANENT_RESIDENT = "permanent_resident"
    SPECIAL_PERMANENT_RESIDENT = "special_permanent_resident"


class ChildKind(StrEnum):
    """How the person is the child of a Japanese national or (special) permanent resident."""

    NATURAL = "natural"                     # 実子
    SPECIAL_ADOPTION = "special_adoption"   # 特別養子
    ORDINARY_ADOPTION = "ordinary_adoption"  # 普通養子: outside the guideline's 1-year exception


class Protection(StrEnum):
    """The protection granted on `refugee_recognised`."""

    REFUGEE = "refugee"                                # 難民の認定
    COMPLEMENTARY = "complementary"                    # 補完的保護対象者の認定 (from 2023-12-01)
    THIRD_COUNTRY_RESETTLED = "third_country_resettled"  # 第三国定住難民 (arrival date)


class Family(_Model):
    """Facts the spouse, child and refugee routes need."""

    spouse_is: Relation | None = None       # None = not answered (NONE: answered "no")
    marriage_date: Day | None = None
    marriage_ended: Day | None = None
    parent_is: Relation | None = None       # None = not answered
    child_kind: ChildKind | None = None     # v3: None = not answered
    refugee_recognised: Day | None = None
    protection: Protection = Protection.REFUGEE  # v3
    contribution_recognised: bool = False   # self-assessed contribution to Japan (guideline on contribution)
    regional_revitalisation: bool = False   # activities under 特定活動告示 No. 36/37 in a regional plan area


class Answer(StrEnum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class Payment(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"        # paid after the due date
    UNPAID = "unpaid"
    UNKNOWN = "unknown"


class Penalty(_Model):
    """A criminal fine or imprisonment (not a traffic 反則金), with the date execution ended."""

    kind: Literal["fine", "imprisonment"]
    ended: Day
    suspended: bool = False


class Occupation(StrEnum):
    EMPLOYEE = "employee"
    SELF_EMPLOYED = "self_employed"
    COMPANY_REPRESENTATIVE = "company_representative"
    OTHER = "other"


class InsuranceKind(StrEnum):
    EMPLOYEES_PENSION = "employees_pension"
    NATIONAL_PENSION = "national_pension"
    EMPLOYEES_HEALTH = "employees_health"
    NATIONAL_HEALTH = "national_health"


class InsurancePeriod(_Period):
    kind: InsuranceKind


class Obligations(_Model):
    """Answers on the requirements other than points and residence."""

    taxes: Payment = Payment.UNKNOWN
    pension: Payment = Payment.UNKNOWN
    health_insurance: Payment = Payment.UNKNOWN
    notifications: Answer = Answer.UNKNOWN
    penalties: Annotated[list[Penalty], Field(max_length=MAX_ITEMS)] = []
    repeated_traffic_violations: bool = False
    guarantor: Answer = Answer.UNKNOWN
    occupation: Occupation | None = None        # None = not answered
    resident_tax_withheld: bool | None = None   # 特別徴収 throughout; None = not answered
    social_insurance_employer: bool = False     # owner of a social-insurance workplace
    insurance: Annotated[list[InsurancePeriod], Field(max_length=MAX_ITEMS)] = []
    points_notice: bool = False                 # holds a ポイント計算結果通知書
    landing_criteria: Answer = Answer.UNKNOWN   # v3: the current status still meets its landing criteria


class Business(_Model):
    """v3: the business run in Japan, for the 2025-10-16 business-manager (経営・管理) criteria. None or
    UNKNOWN: not answered (the condition is then unknown, never met)."""

    capital_yen: Yen | None = None              # capital (or total investment) of the business
    full_time_staff: Answer = Answer.UNKNOWN    # at least one full-time employee who is Japanese, PR, etc.
    japanese_b2: Answer = Answer.UNKNOWN        # you or a full-time employee at Japanese level B2 (JLPT N2)
    relevant_degree: Answer = Answer.UNKNOWN    # a master's or higher in management or the business's field


class Settings(_Model):
    """Per-project thresholds for the practice-only continuity risks; None (the default): the rule data's
    (continuity.single_trip_days, continuity.yearly_days)."""

    single_trip_days: Annotated[int, Field(ge=1, le=366)] | None = None
    yearly_days: Annotated[int, Field(ge=1, le=366)] | None = None


def _list(t):
    return Annotated[list[t], Field(max_length=MAX_ITEMS)]


class ScenarioChangeKind(StrEnum):
    JLPT_N1 = "jlpt_n1"          # a JLPT N1 result on `start`
    JLPT_N2 = "jlpt_n2"          # a JLPT N2 result on `start`
    RAISE = "raise"              # annual remuneration of `amount_yen` from `start`
    EMPLOYER_B1 = "employer_b1"  # from `start`, an employer with innovation-promotion support (and no other fact)
    TRIP = "trip"                # abroad from `start` to `end` (None: not back)


class ScenarioChange(_Model):
    """One fact a scenario adds to (or changes in) the project as entered. Only a raise has an amount, and only
    a trip an end."""

    kind: ScenarioChangeKind
    start: Day
    end: Day | None = None
    amount_yen: Yen | None = None

    @model_validator(mode="after")
    def _fields_of_kind(self):
        if self.kind == ScenarioChangeKind.RAISE and self.amount_yen is None:
            raise ValueError(N_("A new annual salary needs the amount"))
        if self.kind != ScenarioChangeKind.RAISE and self.amount_yen is not None:
            raise ValueError(N_("Only a new annual salary has an amount"))
        if self.kind != ScenarioChangeKind.TRIP and self.end is not None:
            raise ValueError(N_("Only a trip has a return date"))
        if self.end is not None and self.end < self.start:
            raise ValueError(N_("The return date is before the departure date"))
        return self


def _scenario_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValueError(N_("A scenario needs a name"))
    return name


class Scenario(_Model):
    """A named what-if: the project as entered, with `changes` added and, when set, another application date.
    It stores only what differs, so a correction to the project's own facts reaches every scenario."""

    name: Annotated[str, Field(max_length=MAX_SCENARIO_NAME), AfterValidator(_scenario_name)]
    planned_application_date: Day | None = None  # None: the project's
    changes: _list(ScenarioChange) = []


class MemberKind(StrEnum):
    """Who a household member is to the principal (the person the project is about)."""

    SPOUSE = "spouse"
    CHILD = "child"
    PARENT = "parent"    # the principal's or the spouse's father or mother (the HSP parent benefit)


class Nationality(StrEnum):
    JAPANESE = "japanese"
    PERMANENT_RESIDENT = "permanent_resident"   # a special permanent resident counts the same
    FOREIGN = "foreign"                         # any other foreign national


class ChildRelation(StrEnum):
    NATURAL = "natural"                  # 実子
    SPECIAL_ADOPTED = "special_adopted"  # 特別養子
    ADOPTED = "adopted"                  # ordinary adoption (普通養子)
    STEPCHILD = "stepchild"              # the spouse's child, not adopted


class ParentSide(StrEnum):
    PRINCIPAL = "principal"
    SPOUSE = "spouse"


class HouseholdMember(_Model):
    """A spouse, child or parent with the dated facts their own routes and the family benefits read. Fields that
    do not fit the kind (a child's marriage date) are refused."""

    kind: MemberKind
    name: Text | None = None
    birth_date: Day | None = None
    nationality: Nationality | None = None        # None: not answered
    marriage_date: Day | None = None              # spouse
    child_relation: ChildRelation | None = None   # child
    born_in_japan: bool = False                   # child: resident since birth
    parent_of: ParentSide | None = None           # parent
    applies_with_principal: bool = True           # spouse, child: on the principal's application day
    residence: _list(ResidencePeriod) = []
    trips: _list(Trip) = []
    lives_together: Answer = Answer.UNKNOWN
    income: _list(SalaryEntry) = []               # annual remuneration from each start
    taxes: Payment = Payment.UNKNOWN
    pension: Payment = Payment.UNKNOWN
    health_insurance: Payment = Payment.UNKNOWN
    penalties: _list(Penalty) = []                # fines and prison sentences bind the spouse and child routes
    work_qualifies: Answer = Answer.UNKNOWN       # spouse: full-time work the HSP spouse benefit covers

    @model_validator(mode="after")
    def _fields_of_kind(self):
        if self.kind != MemberKind.SPOUSE and (self.marriage_date is not None
                                               or self.work_qualifies != Answer.UNKNOWN):
            raise ValueError(N_("Only a spouse has a marriage date"))
        if self.kind != MemberKind.CHILD and (self.child_relation is not None or self.born_in_japan):
            raise ValueError(N_("Only a child has a relation to the parents"))
        if self.kind != MemberKind.PARENT and self.parent_of is not None:
            raise ValueError(N_("Only a parent is someone's parent here"))
        return self


class DomesticWorker(_Model):
    """A domestic worker the principal employs or plans to bring (the HSP domestic-worker benefit)."""

    birth_date: Day | None = None
    monthly_pay_yen: Yen | None = None
    employed_abroad_since: Day | None = None      # employed by the principal abroad since
    came_with_principal: Answer = Answer.UNKNOWN  # comes to Japan with the principal (and leaves with them)
    other_domestic_worker: Answer = Answer.UNKNOWN


class Household(_Model):
    """The people the principal lives with or applies with. Empty: a household of one (every older file)."""

    members: Annotated[list[HouseholdMember], Field(max_length=MAX_MEMBERS)] = []
    expecting_until: Day | None = None            # a pregnancy of the principal or the spouse: expected birth
    spouse_unable_housework: Answer = Answer.UNKNOWN  # through illness etc. (domestic worker, household reasons)
    domestic_worker: DomesticWorker | None = None

    @model_validator(mode="after")
    def _one_spouse(self):
        if sum(m.kind == MemberKind.SPOUSE for m in self.members) > 1:
            raise ValueError(N_("A household has at most one spouse"))
        return self


MAX_CELL = 200  # characters of one cell of a row kept as typed


class IncompleteRow(_Model):
    """A row of a list as the person left it, when it is not yet a valid entry (a required date missing, an
    amount that does not parse): kept, saved and shown again so nothing typed is lost, but never counted.
    `position` is its row in the list's table; `cells` the text of each column by field name ("" = empty;
    ticks are "1"/"")."""

    position: Annotated[int, Field(ge=0, le=MAX_ITEMS)]
    cells: Annotated[dict[Annotated[str, Field(max_length=64)], Annotated[str, Field(max_length=MAX_CELL)]],
                     Field(max_length=32)]


class Project(_Model):
    """Everything one person enters; saved as versioned JSON."""

    format: Literal["hsp-wizard-project"] = FORMAT_NAME
    schema_version: Literal[3] = SCHEMA_VERSION
    name: Text | None = None
    birth_date: BirthDay | None = None
    category: Category | None = None
    planned_application_date: Day | None = None
    degrees: _list(Degree) = []
    career: _list(CareerPeriod) = []
    salary: _list(SalaryEntry) = []
    research: _list(ResearchAchievement) = []
    licences: _list(Licence) = []
    foreign_qualifications: _list(ForeignQualification) = []
    japanese: _list(JapaneseResult) = []
    employer_facts: _list(EmployerFact) = []
    positions: _list(Position) = []
    investments: _list(Investment) = []
    jica_training: _list(JicaTraining) = []
    residence: _list(ResidencePeriod) = []
    trips: _list(Trip) = []
    family: Family = Family()
    obligations: Obligations = Obligations()
    business: Business = Business()
    settings: Settings = Settings()
    scenarios: Annotated[list[Scenario], Field(max_length=MAX_SCENARIOS)] = []
    household: Household = Household()
    # rows kept as typed, by the name of the list they belong to (degrees, salary, ...; penalties and insurance
    # for those of obligations): never counted, shown on their page, in the step list and on the results
    incomplete_rows: Annotated[dict[Annotated[str, Field(max_length=64)],
                                    Annotated[list[IncompleteRow], Field(max_length=MAX_ITEMS)]],
                               Field(max_length=32)] = {}

    @model_validator(mode="after")
    def _scenario_names_differ(self):
        names = [s.name.casefold() for s in self.scenarios]
        if len(set(names)) != len(names):
            raise ValueError(N_("Two scenarios have the same name"))
        return self
