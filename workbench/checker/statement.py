"""Reading a mission statement: its deadline, its target, and whether it names an outcome or an activity.

Each property is read on its own (research on target detection: score specific, measurable and
time-bound separately, never one verdict), and the rules combine the signals. A year alone is a
deadline at most, never a quantity; an activity verb alone never fails a statement when a quantity
and a deadline carry it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from workbench.checker.language import sentences, words
from workbench.checker.outcomes import OUTPUT, UNCLEAR, Reading, read

MAX_STATEMENT = 2_000  # a statement is one sentence; anything longer is read up to here

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "twenty-five": 25,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "a": 1,
    "an": 1,
    "a single": 1,
}
_NUMBER_WORD = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
_SPAN_NUMBER = r"(?:\d{1,3}|" + _NUMBER_WORD + r")"

# --- time ----------------------------------------------------------------------------------

YEAR = r"(?:19|20|21)\d\d"
_DEADLINE_PREPOSITION = (
    r"(?:by|before|until|till|through|no\s+later\s+than|not\s+later\s+than|ahead\s+of|in\s+time\s+for|"
    r"to|in|for|and|from\s+now\s+to)"
)
_YEAR_DEADLINE = re.compile(
    r"\b(?P<prep>" + _DEADLINE_PREPOSITION + r")\s+(?:the\s+)?(?:(?:very\s+)?(?:end|close|middle|start)\s+of\s+)?"
    r"(?:(?:the\s+)?(?:financial\s+|calendar\s+)?year\s+)?(?P<year>" + YEAR + r")"
    r"(?:\s*[/\-–]\s*(?P<end>\d{2}(?:\d\d)?))?(?![\d%])",
    re.IGNORECASE,
)
_BARE_YEAR = re.compile(r"(?<![\w/\-])(?P<year>" + YEAR + r")(?:\s*[/\-–]\s*(?P<end>\d{2}(?:\d\d)?))?(?![\w%])")
# Years that are a starting point, not a deadline: "since 2010", "from 2019 levels", "than in 2005".
_BASELINE_BEFORE = re.compile(
    r"(?:since|from|than|compared\s+(?:to|with)|relative\s+to|against|on|of|between|in)\s+(?:the\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)
_BASELINE_AFTER = re.compile(r"^\s*(?:levels?|baselines?|figures?|rates?|values?|emissions)\b", re.IGNORECASE)

_COUNTED_AFTER = re.compile(r"^\s+(?:more\s+|new\s+|extra\s+)?(?!levels\b|years\b)[a-z]+s\b")

_RELATIVE_DEADLINES = [
    (
        re.compile(
            r"\b(?:within|in|over|during|for)\s+(?:the\s+)?(?:next\s+|coming\s+|following\s+)?(?P<n>"
            + _SPAN_NUMBER
            + r")\s+(?P<unit>decades?|years?)(?:['’]?\s*time)?\b",
            re.IGNORECASE,
        ),
        None,
    ),
    (
        re.compile(
            r"\b(?P<n>\d{1,2}|ten|five|twenty)[\s\-](?P<unit>year|decade)\s+(?:mission|goal|target|programme|ambition)\b",
            re.I,
        ),
        None,
    ),
    (
        re.compile(
            r"\b(?:within|in|over|during|by\s+the\s+end\s+of)\s+(?:the\s+)?(?:next|coming|this)\s+decade\b", re.I
        ),
        10,
    ),
    (re.compile(r"\b(?:by|before)\s+the\s+end\s+of\s+(?:the|this)\s+decade\b", re.I), 10),
    (re.compile(r"\bbefore\s+(?:the|this)\s+decade\s+is\s+(?:out|over)\b", re.I), 10),
    (re.compile(r"\b(?:by|before|within)\s+(?:the\s+)?end\s+of\s+(?:this|the\s+next|the)\s+parliament\b", re.I), 5),
    (re.compile(r"\b(?:in|within)\s+this\s+parliament\b", re.I), 5),
    (re.compile(r"\b(?:by|before)\s+(?:the\s+)?(?:mid-century|middle\s+of\s+(?:the|this)\s+century)\b", re.I), 2050),
    (re.compile(r"\b(?:by|before)\s+the\s+end\s+of\s+(?:the|this)\s+century\b", re.I), 2100),
]
# Words that open a clause the headline target leads to: what it is for, or what comes after it.
_HORIZON_MARKER = re.compile(
    r"\b(?:so\s+that|so\s+as\s+to|in\s+order\s+(?:to|for|that)|with\s+a\s+view\s+to|"
    r"(?:to|and|which\s+will|that\s+will)\s+(?:enable|allow|let|help|prepare|inspire)|enabling|allowing|helping|"
    r"paving\s+the\s+way|(?:on|along)\s+(?:the|its|our|their|a)\s+(?:way|path|pathway|road|route|journey|trajectory)\s+"
    r"(?:to|towards)|as\s+(?:a|the)\s+(?:first\s+)?step\s+(?:to|towards|on)|(?:accelerating|leading|heading|moving)\s+"
    r"(?:to|towards)|towards|and\s+then|eventually|ultimately|in\s+the\s+longer?\s+(?:term|run)|"
    r"(?:with|and)\s+(?:an?\s+|the\s+)?(?:long[\s\-]term\s+)?(?:ambition|aspiration|vision|horizon)\s+(?:of|to|for)|"
    r"long[\s\-]term\s+(?:goal|aim|ambition|vision|target|horizon))\b",
    re.IGNORECASE,
)
VAGUE_TIME = re.compile(
    r"\b(?:in|over|during|within)\s+the\s+(?:coming|next\s+few|years\s+to\s+come|long|medium|short|near|longer)"
    r"(?:\s+(?:years|term|run|future|decades))?\b|\bover\s+time\b|\beventually\b|\bone\s+day\b|\bin\s+(?:the\s+)?future\b"
    r"|\bgoing\s+forward\b|\bin\s+due\s+course\b|\bin\s+the\s+years\s+ahead\b|\bwithin\s+a\s+generation\b"
    r"|\bas\s+soon\s+as\s+possible\b|\bover\s+the\s+coming\s+(?:years|decades)\b|\blong[\s\-]term\b|\bin\s+time\b",
    re.IGNORECASE,
)

# --- quantity ------------------------------------------------------------------------------

_NUMERAL = r"(?<![\w\-.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*(?:million|billion|thousand|bn|m|k)\b)?(?![\w])"
_PERCENT = re.compile(
    r"(?:" + _NUMERAL + r"|\b(?:" + _NUMBER_WORD + r"))\s*(?:%|percent\b|per\s*cent\b|percentage\s+points?\b)",
    re.IGNORECASE,
)
_MONEY = re.compile(
    r"[£$€]\s?\d|\b\d[\d,.]*\s*(?:bn|m|k)?\s*(?:pounds|euros?|dollars|kroner|krona|kronor)\b", re.IGNORECASE
)
_FRACTION = re.compile(
    r"\b(?:halv(?:e|es|ed|ing)|half|(?:a|one|two)[\s\-]thirds?|(?:a|one|three)[\s\-]quarters?|(?:a|one)[\s\-]fifth|"
    r"doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)|trebl(?:e|es|ed|ing)|quadrupl(?:e|es|ed|ing)|\w+fold)\b",
    re.IGNORECASE,
)
_ZERO = re.compile(
    r"\b(?:net[\s\-]?zero|zero|(?:carbon|climate|greenhouse[\s\-]gas)[\s\-]neutral(?:ity)?|(?:smoke|predator|fossil[\s\-]fuel|"
    r"fossil|poverty|violence|crime|waste|plastic|carbon|emission|car)[\s\-]?free|free\s+(?:of|from)\s+\w+|"
    r"eliminat(?:e|es|ed|ing)|eradicat(?:e|es|ed|ing)|rid\s+(?:[\w\-']+\s+){1,4}?of|end(?:s|ed|ing)?\s+(?:all\s+|the\s+)?(?!of\b|up\b|date\b|user)\w+|"
    r"no\s+(?:one|more|longer\s+\w+|\w+\s+(?:will|should|shall|is|are|dies|die|goes|go|lives|live|has|have))|"
    r"nobody|none\s+of|100\s*%|100\s+percent|all\s+new)\b",
    re.IGNORECASE,
)
_UNIVERSAL = re.compile(
    r"\b(?:every(?:one|body|\s+\w+)?|all(?:\s+\w+)?|each\s+\w+|universal(?:ly)?|whole\s+population|no\s+child|no\s+person)\b",
    re.IGNORECASE,
)
_RANK = re.compile(
    r"\b(?:highest|lowest|best|fastest|largest|greatest|safest|healthiest|greenest|strongest|first|leading)\b"
    r"[^.;]{0,60}?\b(?:in|of|across)\s+(?:the\s+)?(?:g7|g20|world|europe|eu|oecd|country|nation|uk|planet)\b"
    r"|\bworld[’']?s\s+(?:first|best|leading|largest)\b|\b(?:its|their|our)\s+(?:highest|lowest)\s+levels?\b",
    re.IGNORECASE,
)
_BOUND = re.compile(
    r"\b(?:at\s+least|more\s+than|fewer\s+than|less\s+than|no\s+more\s+than|up\s+to|over)\s+(?:"
    + _NUMBER_WORD
    + r"|a\s+(?:million|thousand|hundred|third|quarter|half))\b(?!\s+(?:years?|decades?)\b(?![\s,]+(?:of|in)\b))"
    r"|\bas\s+(?:diverse|healthy|safe|fair|good|high|low|likely|well)\s+as\b",
    re.IGNORECASE,
)
_COUNT_WORDS = re.compile(
    r"\b(?:(?:" + _NUMBER_WORD + r")\s+(?:more\s+)?(?:million|billion|thousand|hundred\s+thousand)|"
    r"(?:a|one|two|three|four|five|ten)\s+million|(?:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|"
    r"hundred)\s+(?:more\s+|extra\s+|new\s+|additional\s+)?(?:[a-z\-]+,?\s+){0,2}?(?:people|years|cities|regions|homes|"
    r"jobs|children|lives|patients|residents|households|schools|places|hours|days|communities|neighbourhoods))\b",
    re.IGNORECASE,
)
_DIRECTION = re.compile(
    r"\b(?:reduc(?:e|es|ed|ing|tion)|increas(?:e|es|ed|ing)|cut(?:s|ting)?|lower(?:s|ed|ing)?|rais(?:e|es|ed|ing)|"
    r"boost(?:s|ed|ing)?|grow(?:s|ing|th)?|improv(?:e|es|ed|ing|ement)|narrow(?:s|ed|ing)?|clos(?:e|es|ing)\s+the\s+gap|"
    r"decreas(?:e|es|ed|ing)|ris(?:e|es|ing)|fall(?:s|ing)?|more|fewer|less|better|higher|longer|shorter|faster)\b",
    re.IGNORECASE,
)

# --- wording -------------------------------------------------------------------------------

_ACTIVITY = re.compile(
    r"\b(?:support(?:s|ing)?|explor(?:e|es|ing)|promot(?:e|es|ing)|enhanc(?:e|es|ing)|strengthen(?:s|ing)?|"
    r"tackl(?:e|es|ing)|address(?:es|ing)?|foster(?:s|ing)?|facilitat(?:e|es|ing)|encourag(?:e|es|ing)|"
    r"champion(?:s|ing)?|coordinat(?:e|es|ing)|engag(?:e|es|ing)\s+with|rais(?:e|es|ing)\s+awareness|"
    r"work(?:s|ing)?\s+(?:with|towards|together|in\s+partnership|to\s+(?:improve|support|promote|address|help))|"
    r"look(?:s|ing)?\s+(?:at|into)|investigat(?:e|es|ing)|consider(?:s|ing)?|review(?:s|ing)?|"
    r"help(?:s|ing)?\s+(?:to\s+)?(?:improve|support|address|tackle|create|develop)|contribut(?:e|es|ing)\s+to|"
    r"invest(?:s|ing)?\s+in|focus(?:es|ing)?\s+on|prioritis(?:e|es|ing)|"
    r"pilot(?:s|ing)?|trial(?:s|ling)?|deliver(?:s|ing)?\s+(?:a|an|the|our|new)?\s*(?:\w+\s+){0,2}?"
    r"(?:programmes?|programs?|projects?|plans?|strateg(?:y|ies)|services?|initiatives?|schemes?|activities)|"
    r"(?:launch|develop|publish|produc|creat|prepar|draft|adopt|implement|set\s+up|establish|design|agree|refresh)"
    r"(?:e|es|s|ing)?\s+(?:a|an|the|our|its|new|joint|shared)?\s*(?:[\w\-]+\s+){0,3}?(?:strateg(?:y|ies)|"
    r"action\s+plans?|plans?|frameworks?|programmes?|roadmaps?|partnerships?|task\s*forces?|boards?|hubs?|"
    r"networks?|initiatives?|platforms?|charters?|toolkits?|forums?|reviews?|policy|policies|approach)\b)",
    re.IGNORECASE,
)
_CONTINUITY = re.compile(
    r"\b(?:continu(?:e|es|ing)\s+(?:to|our|the|its)|maintain(?:s|ing)?\s+(?:our|the|its|current|existing)|"
    r"build(?:s|ing)?\s+on|existing|current(?:ly)?|refresh(?:es|ed|ing)?|relaunch(?:es|ed|ing)?|"
    r"further\s+(?:develop|improve|strengthen|enhance|embed)|keep\s+(?:on|up)|as\s+before|already)\b",
    re.IGNORECASE,
)
_HEDGE = re.compile(
    r"\b(?:where(?:ver)?\s+(?:possible|feasible|appropriate|practicable)|if\s+(?:possible|feasible)|"
    r"subject\s+to\s+(?:funding|resources|budget|approval)|as\s+far\s+as\s+(?:possible|practicable)|"
    r"(?:aim|aims|aiming|seek|seeks|seeking|strive|strives|striving|try|tries|trying|endeavour|endeavours|hope|hopes|"
    r"intend|intends|wish|wishes)\s+to|work(?:s|ing)?\s+towards|as\s+appropriate|may\s+be|could\s+help|"
    r"where\s+resources\s+allow|ambition\s+to|aspir(?:e|es|ation)\s+to)\b",
    re.IGNORECASE,
)
_INSTITUTION = (
    r"(?:the\s+)?(?:council|borough\s+council|city\s+council|county\s+council|authority|local\s+authority|department|"
    r"ministry|government|agency|organisation|organization|board|trust|partnership|service|cabinet|we|our\s+\w+)"
)
_COUNCIL_CENTRED = re.compile(
    r"(?:^|[.;]\s*)" + _INSTITUTION + r"\s+(?:will|shall|is\s+committed\s+to|are\s+committed\s+to|commits?\s+to|"
    r"plans?\s+to|intends?\s+to|aims?\s+to|wants?\s+to|seeks?\s+to|has\s+pledged\s+to|pledges?\s+to)\b",
    re.IGNORECASE,
)
_OUTCOME_VERB = re.compile(
    r"\b(?:halv(?:e|es|ed|ing)|end(?:s|ed|ing)?|eliminat(?:e|es|ed|ing)|eradicat(?:e|es|ed|ing)|"
    r"cut(?:s|ting)?|reduc(?:e|es|ed|ing)|lower(?:s|ed|ing)?|increas(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|"
    r"doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)|restor(?:e|es|ed|ing)|sav(?:e|es|ed|ing)|prevent(?:s|ed|ing)?|"
    r"achiev(?:e|es|ed|ing)|reach(?:es|ed|ing)?|becom(?:e|es|ing)|ensur(?:e|es|ed|ing)\s+(?:that\s+)?\w+|"
    r"mak(?:e|es|ing)\s+(?:\w+\s+){1,5}?(?:safe|safer|free|healthy|healthier|fair|fairer|clean|cleaner|"
    r"carbon[\s\-]neutral|climate[\s\-]neutral|resilient|affordable|accessible|sustainable|superpower|green|greener)|"
    r"secur(?:e|es|ing)|break(?:s|ing)?\s+down|bring(?:s|ing)?\s+down|clos(?:e|es|ing)\s+the|narrow(?:s|ing)?|"
    r"protect(?:s|ed|ing)?|extend(?:s|ing)?|improv(?:e|es|ed|ing)\s+the\s+lives|transform(?:s|ed|ing)?\s+the\s+lives|"
    r"will\s+(?:be|have|live|eat|get|feel|grow\s+up|die)|lives?\s+(?:longer|well|at\s+least)|survive|"
    r"(?:is|are)\s+(?:\w+\s+){0,2}?(?:free|safe|healthy|diverse|resilient|neutral|sustainable|creative|secure|ready|"
    r"able|zero|carbon|climate|smoke|fossil|ended|housed|well)|(?:has|have)\s+(?:access|a\s+(?:home|job|place))|"
    r"eats?\s+well|(?:die|dies)\s+(?:of|from)|(?:is|are)\s+killed)\b",
    re.IGNORECASE,
)
_GOAL_VERB = re.compile(
    r"^(?:to\s+|and\s+|also\s+|we\s+will\s+|will\s+)?(?:"
    + _ACTIVITY.pattern
    + r"|"
    + _OUTCOME_VERB.pattern
    + r"|\b(?:improv(?:e|es|ing)|develop|deliver|build|create|provide|grow|boost)\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Deadline:
    """A deadline found in the statement: the words, the year when it is given, or a span of years."""

    text: str
    year: int | None = None
    end_year: int | None = None  # "2030/31" ends in 2031
    span_years: int | None = None  # "within a decade" is ten years from whenever the mission starts
    strong: bool = True  # "by 2030" rather than a year standing alone ("Smokefree 2030")
    # A later year in a clause the headline target leads to ("… by 2030, so that every city can follow by 2050").
    horizon: bool = False
    start: int = field(default=-1, compare=False, repr=False)  # where it stands in the statement


@dataclass(frozen=True)
class Quantity:
    text: str
    kind: str  # number, percent, money, fraction, zero, universal, rank

    @property
    def absolute(self) -> bool:
        return self.kind in ("zero", "universal")


@dataclass
class StatementReading:
    """What the reader found in one mission statement."""

    text: str
    word_count: int = 0
    sentence_count: int = 0
    goal_count: int = 0
    deadlines: list[Deadline] = field(default_factory=list)
    vague_time: list[str] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    directions: list[str] = field(default_factory=list)
    activities: list[str] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)
    continuity: list[str] = field(default_factory=list)
    hedges: list[str] = field(default_factory=list)
    council_centred: list[str] = field(default_factory=list)
    purpose: Reading = field(default_factory=lambda: Reading(UNCLEAR))  # outcome or output, by its grammar

    @property
    def empty(self) -> bool:
        return self.word_count == 0

    @property
    def has_deadline(self) -> bool:
        return bool(self.deadlines)

    @property
    def deadline(self) -> Deadline | None:
        """The main deadline: the one that carries the headline target, else the first span ("within a decade").

        Among dated deadlines that is the latest strong one outside a horizon clause: "halve it by 2030 and end
        it by 2040" ends in 2040, an interim "50 % by 2025" is a milestone, and "100 cities by 2030, so that
        every city can follow by 2050" is a 2030 mission with a 2050 horizon.
        """
        dated = [d for d in self.deadlines if d.year is not None]
        if dated:
            strong = [d for d in dated if d.strong] or dated
            main = [d for d in strong if not d.horizon] or strong
            return max(main, key=lambda d: d.year)
        return self.deadlines[0] if self.deadlines else None

    @property
    def horizons(self) -> list[Deadline]:
        """Later years the headline target leads to ("so that every city can follow by 2050")."""
        return [d for d in self.deadlines if d.horizon]

    @property
    def deadline_years(self) -> set[int]:
        """Every year the statement gives as a deadline or a horizon (and the end of "2030/31")."""
        years = {d.year for d in self.deadlines} | {d.end_year for d in self.deadlines}
        return {year for year in years if year is not None}

    @property
    def deadline_year(self) -> int | None:
        main = self.deadline
        return main.year if main else None

    @property
    def has_quantity(self) -> bool:
        return bool(self.quantities)

    @property
    def has_number(self) -> bool:
        """A quantity with an amount (a figure, a share, money, a fraction, zero), beyond "all" or "every"."""
        return any(q.kind not in ("universal",) for q in self.quantities)

    @property
    def output_only(self) -> bool:
        """Everything the statement promises is something done or produced, and its figures count those things
        (events held, plans published), however precise its numbers and dates: an output statement, not a
        mission. Without a figure that counts outputs the reading is not sure enough to say so."""
        return self.purpose.kind == OUTPUT and self.purpose.output_counts > 0

    @property
    def has_outcome(self) -> bool:
        return (bool(self.outcomes) or self.purpose.names_outcome) and not self.output_only

    @property
    def activity_led(self) -> bool:
        """Activity wording with no outcome for people or a place beside it."""
        return bool(self.activities) and not self.has_outcome

    @property
    def names_no_outcome(self) -> bool:
        """Not a mission, whatever else the canvas says: no statement, outputs only, or activities with no change
        beside them."""
        return self.empty or self.output_only or self.activity_led

    @property
    def carried(self) -> bool:
        """Quantity and deadline together carry a statement whatever verb it starts with, unless they count
        outputs."""
        return self.has_quantity and self.has_deadline and not self.output_only


def _found(pattern: re.Pattern, text: str) -> list[str]:
    return [re.sub(r"\s+", " ", match.group(0)).strip() for match in pattern.finditer(text)]


def _normalise(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\u2009", " ").replace("\u202f", " ")
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text).strip()


def _span(value: str) -> int | None:
    value = value.lower()
    if value.isdigit():
        return int(value)
    return NUMBER_WORDS.get(value)


def _find_deadlines(text: str) -> tuple[list[Deadline], str]:
    """Every deadline in the text, and the text with them blanked out (so their numbers are not targets)."""
    found: list[Deadline] = []
    blanked = list(text)

    def blank(start: int, end: int) -> None:
        for index in range(start, end):
            blanked[index] = " "

    for pattern, fixed in _RELATIVE_DEADLINES:
        for match in pattern.finditer(text):
            if fixed is not None and fixed > 1000:
                found.append(Deadline(match.group(0), year=fixed, start=match.start()))
            elif fixed is not None:
                found.append(Deadline(match.group(0), span_years=fixed))
            else:
                number = _span(match.group("n"))
                if number is None or number == 0 or number > 100:
                    continue
                unit = match.group("unit").lower()
                found.append(Deadline(match.group(0), span_years=number * (10 if unit.startswith("decade") else 1)))
            blank(match.start(), match.end())

    taken = set()
    for match in _YEAR_DEADLINE.finditer(text):
        prep = match.group("prep").lower()
        after = text[match.end() : match.end() + 20]
        if _BASELINE_AFTER.match(after):
            continue
        if prep in ("in", "to", "for", "and"):
            before = text[: match.start()]
            # "from 40 % in 2019 to 36 % by 2030": a year after "from" or "between" is the start.
            if prep == "in" and re.search(r"\b(?:from|since|than|compared\s+(?:to|with))\b[^,;]{0,30}$", before, re.I):
                continue
            if prep == "and" and not re.search(r"\bbetween\s+" + YEAR + r"\s*$", before, re.I):
                continue
            if prep == "to" and not re.search(r"\b(?:from|between)\b[^,;]{0,40}$", before, re.I):
                if not re.search(r"\b(?:up\s+)?to\s+" + YEAR + r"\s*$", text[: match.end()], re.I):
                    continue
        year = int(match.group("year"))
        end = match.group("end")
        end_year = None
        if end:
            end_year = int(end) if len(end) == 4 else (year // 100) * 100 + int(end)
            if end_year < year or end_year - year > 50:
                end_year = None
        strong = prep not in ("in", "for")
        found.append(Deadline(match.group(0), year=year, end_year=end_year, strong=strong, start=match.start()))
        taken.add(match.start("year"))
        blank(match.start("year"), match.end())

    for match in _BARE_YEAR.finditer(text):
        if match.start("year") in taken or "".join(blanked[match.start() : match.end()]).strip() == "":
            continue
        before = text[max(0, match.start() - 30) : match.start()]
        after = text[match.end() : match.end() + 20]
        if _COUNTED_AFTER.match(after):
            continue  # "plant 2000 trees": a count, not a year
        blank(match.start(), match.end())
        if _BASELINE_BEFORE.search(before) or _BASELINE_AFTER.match(after):
            continue
        year = int(match.group("year"))
        found.append(Deadline(match.group(0), year=year, strong=False))
    return _mark_horizons(text, found), "".join(blanked)


def _mark_horizons(text: str, found: list[Deadline]) -> list[Deadline]:
    """Mark the strong deadlines that stand in a horizon clause after the first strong deadline.

    The first dated deadline always belongs to the main clause; a later one that follows a purpose or
    sequence marker ("so that", "to enable", "and then", "on the way to", "towards") is where the
    headline target leads, not the mission's own deadline.
    """
    dated = [d for d in found if d.year is not None and d.strong and d.start >= 0]
    if len(dated) < 2:
        return found
    first = min(dated, key=lambda d: d.start)
    marker = _HORIZON_MARKER.search(text, first.start + len(first.text))
    if marker is None:
        return found
    horizon_from = marker.start()
    return [replace(d, horizon=True) if d.year and d.strong and d.start >= horizon_from else d for d in found]


def _find_quantities(text: str) -> list[Quantity]:
    quantities: list[Quantity] = []
    covered: list[tuple[int, int]] = []

    def add(pattern: re.Pattern, kind: str) -> None:
        for match in pattern.finditer(text):
            if any(start <= match.start() < end for start, end in covered):
                continue
            covered.append((match.start(), match.end()))
            quantities.append(Quantity(re.sub(r"\s+", " ", match.group(0)).strip(), kind))

    add(_PERCENT, "percent")
    add(_MONEY, "money")
    add(_FRACTION, "fraction")
    add(_ZERO, "zero")
    add(_RANK, "rank")
    add(_COUNT_WORDS, "number")
    add(_BOUND, "number")
    for match in re.finditer(_NUMERAL, text):
        if any(start <= match.start() < end for start, end in covered):
            continue
        value = match.group(0).replace(",", "")
        if re.fullmatch(YEAR, value) and not _COUNTED_AFTER.match(text[match.end() : match.end() + 30]):
            # A four-figure number that is a year was already read as a deadline or a baseline.
            continue
        quantities.append(Quantity(match.group(0), "number"))
    add(_UNIVERSAL, "universal")
    return quantities


def _goal_count(text: str) -> int:
    """How many separate goals a statement lists: clauses that each start with their own verb."""
    lines = [line for line in re.split(r"\n\s*(?:[-*•]|\d+[.)])?\s*", text) if line.strip()]
    if len(lines) > 2:
        return len(lines)
    clauses = re.split(r";|,\s*(?:and\s+|or\s+)?|\s+and\s+(?=\w+(?:s|e|ing)?\s)", text)
    return sum(1 for clause in clauses if _GOAL_VERB.match(clause.strip()))


def _main_outcomes(text: str, without_time: str) -> list[str]:
    """Outcome wording that carries the sentence, not wording an activity verb governs.

    "raise awareness" is an activity, not a rise; in "support communities to reduce smoking" the reduction
    is what the support is for, so the clause is still about the activity.
    """
    activities = [(m.start(), m.end()) for m in _ACTIVITY.finditer(text)]
    out = []
    for match in _OUTCOME_VERB.finditer(without_time):
        start = match.start()
        if any(a_start <= start < a_end for a_start, a_end in activities):
            continue
        governed = any(a_end <= start and not re.search(r"[,;:]", text[a_end:start]) for _, a_end in activities)
        if governed:
            continue
        out.append(re.sub(r"\s+", " ", match.group(0)).strip())
    return out


def read_statement(statement) -> StatementReading:
    """Read a mission statement; any input, however odd, gives a reading (empty for non-text)."""
    return _read_statement(statement[:MAX_STATEMENT] if isinstance(statement, str) else "")


@lru_cache(maxsize=1024)
def _read_statement(raw: str) -> StatementReading:
    # Kept per text: the live checker re-reads the same statement on every keystroke elsewhere on the canvas.
    text = _normalise(raw)
    reading = StatementReading(text=text)
    if not words(text):
        return reading
    reading.word_count = len(words(text))
    reading.sentence_count = len(sentences(raw.strip())) or 1
    reading.goal_count = _goal_count(raw)
    reading.deadlines, without_time = _find_deadlines(text)
    reading.vague_time = _found(VAGUE_TIME, without_time)
    reading.quantities = _find_quantities(without_time)
    reading.directions = _found(_DIRECTION, without_time)
    reading.activities = _found(_ACTIVITY, text)
    reading.outcomes = _main_outcomes(text, without_time)
    reading.continuity = _found(_CONTINUITY, text)
    reading.hedges = _found(_HEDGE, text)
    reading.council_centred = _found(_COUNCIL_CENTRED, text)
    reading.purpose = read(text)
    return reading
