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
_WINDOW = 7  # how many words after a verb its object may start


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
def _longest() -> int:
    return max(len(key) for key in _index())


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
        for size in range(min(longest, len(raw) - position), 0, -1):
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
    "so", "because", "while", "through", "where", ",", ";", ":", ".", "(", ")",
}  # fmt: skip
_PREPOSITIONS = {"on", "about", "in", "around", "for", "with", "into", "at", "across"}
_NOUN_CLASSES = ("artefact_noun", "people_noun", "place_noun", "condition_noun", "institution")
_OUTCOME_WORDS = ("state_verb", "condition_noun", "state_adjective", "change_verb")


def _object(toks: list[Token], start: int) -> tuple[int, int] | None:
    """Where the noun group a verb at `start` governs begins, and its head: an artefact, people, a place or a
    condition. None when the verb governs none of those within a few words."""
    for offset in range(start + 1, min(len(toks), start + 1 + _WINDOW)):
        token = toks[offset]
        if token.text in _BOUNDARY or token.text == "to" and offset > start + 1:
            return None
        if token.has(*_NOUN_CLASSES):
            return offset, _head(toks, offset)
        if token.has(*VERB_CLASSES) and offset > start + 1 and not token.text.endswith("ing"):
            if toks[offset - 1].number:
                continue  # "fit 500 cycle hangars": a word after a number describes what is counted
            return None
    return None


def _head(toks: list[Token], start: int) -> int:
    """The position of the head of a noun group starting at `start`: "air quality monitors" is about monitors,
    "healthy eating campaign" about a campaign."""
    head = start
    for offset in range(start + 1, min(len(toks), start + 5)):
        token = toks[offset]
        if token.text in _FUNCTION_WORDS or token.number:
            break
        if token.has(*VERB_CLASSES) and not token.text.endswith("ing") and not token.has(*_NOUN_CLASSES):
            break
        if token.has(*_NOUN_CLASSES):
            head = offset
    return head


def _phrase_end(toks: list[Token], head: int) -> int:
    """The end of a noun group with what describes it: "firms on energy use", "webinars for cities"."""
    end = head + 1
    if end < len(toks) and toks[end].text in _PREPOSITIONS:
        end += 1
        while end < len(toks) and toks[end].text not in _BOUNDARY and toks[end].text not in {",", "and", "or"}:
            if toks[end].has(*VERB_CLASSES) and not toks[end].text.endswith("ing"):
                break
            end += 1
    return end


@lru_cache(maxsize=8192)
def read(text: str) -> Reading:
    """Whether a statement, target or metric name describes an outcome, an output, both, or neither."""
    toks = tokens(text)
    outcomes: list[str] = []
    outputs: list[str] = []
    governed: set[int] = set()  # positions an output phrase explains: "champions" in "train health champions"

    def output(position: int, end: int, words: str) -> None:
        outputs.append(words)
        governed.update(range(position, end))

    for position, token in enumerate(toks):
        delivery = token.has("delivery_verb", "engagement_verb") and not token.has("change_verb", "state_verb")
        if delivery:
            found = _object(toks, position)
            if found is None:
                # "Refurbish six libraries", "advise 250 small firms": a verb of doing whose object is nothing
                # the lists know, and names no change, is still something an organisation does.
                group = _unknown_group(toks, position + 1)
                if group is not None:
                    output(position, _phrase_end(toks, group[1]), f"{token.text} … {toks[group[1]].text}")
                continue
            where, head = found
            noun = toks[head]
            described = any(t.has("condition_noun", "state_adjective") for t in toks[position + 1 : head + 1])
            if described and not noun.has("artefact_noun", "people_noun", "institution"):
                continue  # "deliver cleaner air", "create green jobs", "deliver 100 climate-neutral cities"
            if noun.has("artefact_noun") or token.has("delivery_verb") or noun.has("people_noun", "institution"):
                output(position, _phrase_end(toks, head), f"{token.text} … {noun.text}")
        elif token.has("change_verb"):
            found = _object(toks, position)
            if found and toks[found[1]].has("artefact_noun") and not toks[found[1]].has("condition_noun"):
                output(position, _phrase_end(toks, found[1]), f"{token.text} … {toks[found[1]].text}")

    for position, token in enumerate(toks):
        if position in governed or not token.classes:
            continue
        if token.has("artefact_noun") and not token.has("condition_noun", "people_noun"):
            # "events held", "50 workshops", "a careers session": what is counted or had is an activity.
            output(position, _phrase_end(toks, position), token.text)
            continue
        if token.has("people_noun", "institution", "place_noun") and not token.has(*_OUTCOME_WORDS):
            done = position + 1
            while done < len(toks) and done < position + 3 and toks[done].text in {"who", "that", "being", "were"}:
                done += 1
            done = done if done < len(toks) and _done(toks[done]) else None
            if done is not None:  # "residents reached", "partners engaged in the network"
                output(position, _phrase_end(toks, done), f"{token.text} {toks[done].text}")
            continue
        if token.has(*_OUTCOME_WORDS):
            if toks[_head(toks, position)].has("artefact_noun") or _follows_engagement(toks, position):
                continue  # "healthy eating campaign", "residents attending"
            outcomes.append(token.text)

    output_counts = outcome_counts = 0
    for position, token in enumerate(toks):
        if not token.number:
            continue
        following = next((i for i in range(position + 1, min(len(toks), position + 5)) if toks[i].classes), None)
        if following is None:
            continue
        if following in governed or toks[_head(toks, following)].has("artefact_noun"):
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


def _unknown_group(toks: list[Token], start: int) -> tuple[int, int] | None:
    """The first group of content words from `start` (past numbers and small words), when none of them is in the
    lists: the object of a verb the lists cannot name."""
    first = start
    while first < len(toks) and (toks[first].number or toks[first].text in {"a", "an", "the", "our", "new", "more"}):
        first += 1
    if first >= len(toks) or toks[first].text in _FUNCTION_WORDS:
        return None
    last = first
    while last + 1 < len(toks):
        token = toks[last + 1]
        if token.text in _FUNCTION_WORDS or token.number:
            break
        last += 1
    if any(t.has(*_NOUN_CLASSES, "state_adjective") for t in toks[first : last + 1]):
        return None
    return first, last


def _done(token: Token) -> bool:
    """A participle of a verb of doing: "reached", "attending", "held", "trained"."""
    if not token.has("delivery_verb", "engagement_verb"):
        return False
    return token.text.endswith(("ed", "ing")) or token.text.split()[0] in _irregular_participles()


@cache
def _irregular_participles() -> frozenset[str]:
    return frozenset(form for forms in _irregular().values() for form in forms if not form.endswith("s"))


def _counted(toks: list[Token], position: int) -> bool:
    """A number shortly before the word counts it: "50 events", "3 skills plans", "number of workshops"."""
    if position >= 2 and toks[position - 1].text == "of" and toks[position - 2].text in _COUNT_NOUNS:
        return True
    for offset in range(position - 1, max(-1, position - 4), -1):
        token = toks[offset]
        if token.number:
            return True
        if token.text in _BOUNDARY or token.text in {",", "and", "or"} or token.has(*VERB_CLASSES):
            return False
    return False


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
