"""Outcome or output: does a text describe a change in the state of people or a place, or things done?

An outcome is who is in work, who dies, what emissions are, who eats well, how many homes are warm.
An output is what an organisation does or produces: events held, plans published, sessions delivered,
people "reached". The reader looks at the grammar of the phrase rather than at the label a team chose:
what the verb does (delivers or engages, or changes a state), and what the counted noun is (an artefact
or activity, or people, a place or a condition). The word lists are data (data/outcomes.tsv), each entry
with an example phrase whose reading a test checks, so a policy person can extend them.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

LEXICON_FILE = Path(__file__).with_name("data") / "outcomes.tsv"
IRREGULAR_FILE = Path(__file__).with_name("data") / "irregular_forms.tsv"

# Word classes of the lexicon, and which reading each one points to.
OUTPUT_CLASSES = ("delivery_verb", "engagement_verb", "artefact_noun")
OUTCOME_CLASSES = ("change_verb", "state_verb", "condition_noun", "state_adjective")
NEUTRAL_CLASSES = ("people_noun", "place_noun", "institution")
CLASSES = OUTPUT_CLASSES + OUTCOME_CLASSES + NEUTRAL_CLASSES
VERB_CLASSES = ("delivery_verb", "engagement_verb", "change_verb", "state_verb")

OUTCOME, OUTPUT, MIXED, UNCLEAR = "outcome", "output", "mixed", "unclear"

_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[a-z][a-z0-9]*(?:['’][a-z]+)?|%|[;:()]|,|\.(?!\d)")
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
# Words that end a phrase: a verb's object does not reach past them.
_BOUNDARY = {";", ":", ".", "(", ")", "so", "because", "while", "through", "by", "which", "who", "that", "where"}
_NUMBER_WORDS = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
    "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "dozen",
    "dozens", "several", "many",
}  # fmt: skip
_COUNT_NOUNS = {"number", "count", "total", "amount"}


@dataclass(frozen=True)
class Entry:
    word_class: str
    lemma: str
    example: str
    intent: str


def _verb_forms(lemma: str) -> set[str]:
    forms = {lemma, lemma + "s", lemma + "ed", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.add(lemma + "es")
    if re.search(r"[^aeiou]y$", lemma):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", lemma):
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def _noun_forms(lemma: str) -> set[str]:
    forms = {lemma, lemma + "s"}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(lemma + "es")
    if re.search(r"[^aeiou]y$", lemma):
        forms.add(lemma[:-1] + "ies")
    if lemma.endswith("fe"):
        forms.add(lemma[:-2] + "ves")
    elif lemma.endswith("f"):
        forms.add(lemma[:-1] + "ves")
    return forms


@cache
def _irregular() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    with IRREGULAR_FILE.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            out.setdefault(row["lemma"], set()).update(f.strip() for f in row["forms"].split(",") if f.strip())
    return out


@cache
def lexicon() -> tuple[Entry, ...]:
    """Every entry of the outcome/output word lists, as the data file gives them."""
    with LEXICON_FILE.open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle, delimiter="\t") if not row["class"].startswith("#")]
    entries = []
    for row in rows:
        if row["class"] not in CLASSES:
            raise ValueError(f"{LEXICON_FILE.name}: unknown class {row['class']!r} for {row['entry']!r}")
        entries.append(Entry(row["class"], row["entry"].strip().lower(), row["example"], row["intent"]))
    return tuple(entries)


@cache
def _index() -> dict[tuple[str, ...], set[str]]:
    """Every surface form (as a tuple of words) with the classes it belongs to."""
    irregular = _irregular()
    index: dict[tuple[str, ...], set[str]] = {}
    for entry in lexicon():
        parts = entry.lemma.split()
        verb = entry.word_class in VERB_CLASSES
        # A verb inflects on its first word ("rolled out"), a noun on its last ("life expectancies").
        head = parts[0] if verb else parts[-1]
        forms = (_verb_forms(head) if verb else _noun_forms(head)) | irregular.get(head, set())
        if entry.word_class == "state_adjective":
            forms = {head}
        for form in forms:
            key = (form, *parts[1:]) if verb else (*parts[:-1], form)
            index.setdefault(key, set()).add(entry.word_class)
    return index


@cache
def _longest() -> dict[str, int]:
    """For each word that starts a multi-word entry, the most words an entry starting with it has."""
    out: dict[str, int] = {}
    for key in _index():
        out[key[0]] = max(out.get(key[0], 1), len(key))
    return out


@dataclass
class Token:
    text: str
    classes: set[str] = field(default_factory=set)
    number: bool = False
    span: int = 1  # words this token stands for (multi-word entries)

    def has(self, *classes: str) -> bool:
        return bool(self.classes.intersection(classes))


def tokens(text: str) -> list[Token]:
    """The text's words, with multi-word entries joined and each word's classes from the lexicon."""
    raw = _TOKEN.findall(text.lower().replace("’", "'").replace("-", " "))
    index, longest = _index(), _longest()
    out: list[Token] = []
    position = 0
    while position < len(raw):
        for size in range(min(longest.get(raw[position], 0), len(raw) - position), 0, -1):
            key = tuple(raw[position : position + size])
            if key in index:
                out.append(Token(" ".join(key), set(index[key]), span=size))
                position += size
                break
        else:
            word = raw[position]
            out.append(Token(word, number=bool(_NUMBER.fullmatch(word)) or word in _NUMBER_WORDS or word == "%"))
            position += 1
    return out


@dataclass(frozen=True)
class Reading:
    """What a text measures or promises: its kind and the phrases that decided it."""

    kind: str  # outcome, output, mixed or unclear
    outcomes: tuple[str, ...] = ()
    outputs: tuple[str, ...] = ()
    output_counts: int = 0  # numbers that count an artefact or an activity
    outcome_counts: int = 0  # numbers that count people, a place or a condition

    @property
    def is_output(self) -> bool:
        return self.kind == OUTPUT

    @property
    def names_outcome(self) -> bool:
        return self.kind in (OUTCOME, MIXED)


_FUNCTION_WORDS = {
    "of", "for", "to", "in", "on", "about", "with", "at", "from", "into", "across", "within", "among", "per",
    "than", "and", "or", "but", "their", "its", "our", "his", "her", "the", "a", "an", "this", "these", "those",
    "who", "which", "that", "will", "shall", "should", "is", "are", "be", "been", "was", "were", "by", "as",
    "so", "because", "while", "through", "where", "every", "each", "all", "some", "no", "more", "less", "fewer",
    "most", "have", "has", "had", "can", "could", "would", "may", "must", "not", "they", "them", "it", "there",
    ",", ";", ":", ".", "(", ")",
}  # fmt: skip
FUNCTION_WORDS = frozenset(w for w in _FUNCTION_WORDS if w.isalpha())  # small words, for readers that skip them
_DETERMINERS = {
    "a", "an", "the", "our", "their", "its", "new", "more", "additional", "extra", "further", "up", "to", "every",
    "each", "all", "at", "least",
}  # fmt: skip
_PREPOSITIONS = {"on", "about", "in", "around", "for", "with", "into", "at", "across"}
_NOUN_CLASSES = ("artefact_noun", "people_noun", "place_noun", "condition_noun", "institution")
_OUTCOME_WORDS = ("state_verb", "condition_noun", "state_adjective", "change_verb")
_TAIL = {"each", "every", "a", "per", "year", "years", "month", "months", "week", "weeks", "annually", "yearly"}


@dataclass(frozen=True)
class Group:
    """A noun group: its words from `start` to `end` (inclusive), its head (the last word), and whether a
    number counts it ("6,000 healthy eating packs")."""

    start: int
    end: int
    counted: bool

    @property
    def head(self) -> int:
        return self.end


def _content(token: Token) -> bool:
    return token.text not in _FUNCTION_WORDS and not token.number


def _group(toks: list[Token], start: int) -> Group | None:
    """The noun group beginning at `start`, past numbers and small words; None when there is none.

    English puts the head last: "air quality monitors" is about monitors, "healthy eating packs" about packs.
    A verb's word inside the group is a modifier when more of the group follows it ("cycle training places").
    """
    counted = False
    first = start
    while first < len(toks) and (toks[first].number or toks[first].text in _DETERMINERS):
        counted = counted or toks[first].number
        first += 1
    if first >= len(toks) or not _content(toks[first]) or toks[first].text in _BOUNDARY:
        return None
    end = first
    while end + 1 < len(toks) and _content(toks[end + 1]) and toks[end + 1].text not in _BOUNDARY:
        following = toks[end + 1]
        verb = following.has(*VERB_CLASSES) and not following.has(*_NOUN_CLASSES, "state_adjective")
        # In a counted group a verb's word is a noun until the group has a head ("200 guided walks"), but
        # not after people or a place ("3,000 more residents cycle to work").
        counted_noun = counted and not any(t.has(*_NOUN_CLASSES) for t in toks[first : end + 1])
        if verb and not following.text.endswith("ing") and not counted_noun:
            after = toks[end + 2] if end + 2 < len(toks) else None
            if after is None or not _content(after):
                break  # "pantries opened", "residents cycle every week": the verb ends the group
        end += 1
    return Group(first, end, counted)


def _group_at(toks: list[Token], position: int) -> Group:
    """The noun group a word stands in, reading back to where the group starts."""
    start = position
    while start > 0 and _content(toks[start - 1]) and not toks[start - 1].has(*VERB_CLASSES):
        start -= 1
    counted = start > 0 and toks[start - 1].number
    group = _group(toks, start)
    if group is None or group.end < position:
        return Group(position, position, counted)
    return Group(group.start, group.end, counted or group.counted)


def _phrase_end(toks: list[Token], head: int) -> int:
    """The end of a noun group with what describes it: "firms on energy use", "webinars for cities"."""
    end = head + 1
    if end < len(toks) and toks[end].text in _PREPOSITIONS:
        end += 1
        while end < len(toks) and toks[end].text not in _BOUNDARY and toks[end].text not in {",", "and", "or", "to"}:
            if toks[end].has(*VERB_CLASSES) and not toks[end].text.endswith("ing"):
                break
            end += 1
    return end


def _delivered(toks: list[Token], verb: Token, group: Group) -> bool:
    """Whether what a verb of doing governs is something done or produced rather than a change."""
    head = toks[group.head]
    described = any(t.has("condition_noun", "state_adjective") for t in toks[group.start : group.end + 1])
    if head.has("artefact_noun"):
        return True
    if head.has("people_noun", "institution"):
        return True  # "train 2,000 champions", "engage 200 businesses"
    if head.has("condition_noun", "state_adjective"):
        return False  # "deliver cleaner air", "create green jobs", "deliver 100 climate-neutral (cities)"
    if head.has("place_noun"):
        return not described  # "retrofit 5,000 homes", but "deliver 100 climate-neutral cities"
    # A head the lists do not know: counted, it is a thing handed out ("6,000 healthy eating packs").
    return group.counted or not described


@lru_cache(maxsize=8192)
def read(text: str) -> Reading:
    """Whether a statement, target or metric name describes an outcome, an output, both, or neither."""
    toks = tokens(text)
    outcomes: list[str] = []
    outputs: list[str] = []
    governed: set[int] = set()  # positions an output phrase explains: "health" in "train health champions"

    def output(start: int, end: int, words: str) -> None:
        outputs.append(words)
        governed.update(range(start, end))

    for position, token in enumerate(toks):
        if token.has("delivery_verb", "engagement_verb") and not token.has("change_verb", "state_verb"):
            group = _group(toks, position + 1)
            if group is None and position + 1 < len(toks) and toks[position + 1].text in {"among", "with", "for"}:
                group = _group(toks, position + 2)  # "raise awareness among 20,000 residents"
                if group is not None and not toks[group.head].has("people_noun", "institution"):
                    group = None
            if group is not None and _delivered(toks, token, group):
                output(position, _phrase_end(toks, group.head), f"{token.text} … {toks[group.head].text}")
        elif token.has("change_verb"):
            group = _group(toks, position + 1)
            if group is not None and group.start + 2 < len(toks) and toks[group.head].text in _COUNT_NOUNS:
                group = _group(toks, group.head + 2)  # "increase the number of events"
            head = toks[group.head] if group else None
            if head is not None and head.has("artefact_noun") and not head.has("condition_noun"):
                output(position, _phrase_end(toks, group.head), f"{token.text} … {head.text}")

    last = _last_content(toks)
    if last > 0 and last not in governed and _done(toks[last]) and _content(toks[last - 1]):
        # A metric's name that ends on what was done: "community pantries opened", "guided walks organised".
        group = _group_at(toks, last - 1)
        output(group.start, last + 1, f"{toks[group.head].text} {toks[last].text}")

    for position, token in enumerate(toks):
        if position in governed or not token.classes:
            continue
        group = _group_at(toks, position)
        head = toks[group.head]
        modifier = group.head != position and head.has("condition_noun", "people_noun", "place_noun")
        if token.has("artefact_noun") and not token.has("condition_noun", "people_noun") and not modifier:
            # "events held", "50 workshops", "a careers session": what is counted or had is an activity.
            output(group.start, _phrase_end(toks, group.head), token.text)
            continue
        if token.has("people_noun", "institution", "place_noun") and not token.has(*_OUTCOME_WORDS):
            done = position + 1
            while done < len(toks) and done < position + 3 and toks[done].text in {"who", "that", "being", "were"}:
                done += 1
            if done < len(toks) and _done(toks[done]):  # "residents reached", "partners engaged in the network"
                output(position, _phrase_end(toks, done), f"{token.text} {toks[done].text}")
            continue
        if token.has(*_OUTCOME_WORDS):
            if group.head != position and (head.has("artefact_noun") or group.counted and not head.classes):
                continue  # "healthy eating campaign", "6,000 healthy eating packs": the words describe a thing
            if _follows_engagement(toks, position):
                continue  # "residents attending", "promote healthy eating"
            outcomes.append(token.text)

    output_counts = outcome_counts = 0
    for position, token in enumerate(toks):
        if not token.number:
            continue
        group = _group(toks, position + 1)
        if group is None:
            continue
        if group.start in governed or toks[group.head].has("artefact_noun"):
            output_counts += 1
        else:
            outcome_counts += 1

    if outcomes and outputs:
        kind = MIXED
    elif outcomes:
        kind = OUTCOME
    elif outputs:
        kind = OUTPUT
    else:
        kind = UNCLEAR
    return Reading(kind, tuple(dict.fromkeys(outcomes)), tuple(dict.fromkeys(outputs)), output_counts, outcome_counts)


def _last_content(toks: list[Token]) -> int:
    """The last word of a text that is not a time tail ("each year") or a small word."""
    position = len(toks) - 1
    while position >= 0 and (not _content(toks[position]) or toks[position].text in _TAIL):
        position -= 1
    return position


def _done(token: Token) -> bool:
    """A participle of a verb of doing: "reached", "attending", "held", "trained"."""
    if not token.has("delivery_verb", "engagement_verb"):
        return False
    return token.text.endswith(("ed", "ing")) or token.text.split()[0] in _irregular_participles()


@cache
def _irregular_participles() -> frozenset[str]:
    return frozenset(form for forms in _irregular().values() for form in forms if not form.endswith("s"))


def _follows_engagement(toks: list[Token], position: int) -> bool:
    """Whether a word only says who took part or what the engagement was about: "residents attending",
    "promote healthy eating"."""
    return any(t.has("engagement_verb") for t in toks[max(0, position - 3) : position])


@lru_cache(maxsize=8192)
def read_metric(name: str, unit: str) -> str:
    """What a metric counts, by its own name and unit: "outcome", "output" or "unclear".

    The name decides when it can ("Community street events held" counts outputs whatever its label); the unit
    decides when the name says nothing the lists know ("Take-up" in "workshops").
    """
    by_name, by_unit = read(name), read(unit)
    if by_name.kind == OUTPUT or (by_name.kind == UNCLEAR and by_unit.kind == OUTPUT):
        return OUTPUT
    if by_name.names_outcome or by_unit.names_outcome:
        return OUTCOME
    return UNCLEAR
