"""Words, sentences, syllables and the word lists the plain-language rules use.

Readability is computed here from the two published Flesch formulas, with syllables counted by
pyphen's bundled en_GB dictionary: nothing is downloaded, so it works on a server without internet.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

WORDS_FILE = Path(__file__).with_name("data") / "words.tsv"
MISSION_WORDS_FILE = Path(__file__).with_name("data") / "mission_words.tsv"
KNOWN_ACRONYMS_FILE = Path(__file__).with_name("data") / "known_acronyms.tsv"

WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[^a-z])|\n\s*\n|\n\s*(?:[-*•]|\d+[.)])\s+|[;:]?\s*\n(?=\s*[A-Z])")
_ABBREVIATIONS = re.compile(r"\b(?:e\.g|i\.e|etc|vs|approx|incl|no|nos|dr|mr|mrs|ms|st)\.\s", re.IGNORECASE)


def words(text: str) -> list[str]:
    """The words of a text: runs of letters or digits, keeping inner apostrophes and hyphens."""
    return WORD.findall(text)


@lru_cache(maxsize=4096)
def sentences(text: str) -> tuple[str, ...]:
    """The sentences of a text; list items and paragraphs count as sentences of their own."""
    # Cached: several rules split the same field, and a canvas changes little between checks.
    shielded = _ABBREVIATIONS.sub(lambda match: match.group(0).replace(".", "\u2024"), text)
    parts = _SENTENCE_END.split(shielded)
    return tuple(part.replace("\u2024", ".").strip() for part in parts if part and words(part))


# --- syllables and readability -------------------------------------------------------------

_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


@cache
def _hyphenator():
    import pyphen

    return pyphen.Pyphen(lang="en_GB")


@cache
def syllables(word: str) -> int:
    """Syllables in one word: pyphen's break points, never fewer than the word's vowel groups allow."""
    lower = word.lower().strip("'’-")
    if not lower:
        return 0
    if not any(ch.isalpha() for ch in lower):
        return max(1, len(lower) // 2)  # a figure like 2030 is read aloud as two or three syllables
    by_dictionary = len(_hyphenator().positions(lower)) + 1
    groups = len(_VOWEL_GROUPS.findall(lower))
    if lower.endswith("e") and not lower.endswith(("le", "ee", "ye")) and groups > 1:
        groups -= 1
    return max(1, by_dictionary, groups)


@dataclass(frozen=True)
class Readability:
    """Flesch reading ease (higher is easier) and an approximate UK reading age for a text."""

    words: int
    sentences: int
    syllables: int
    reading_ease: float
    grade: float

    @property
    def reading_age(self) -> int:
        """Flesch–Kincaid grade plus five, the usual bridge from US grade to age in years."""
        return max(5, round(self.grade + 5))


def readability(text: str) -> Readability | None:
    """Flesch reading ease and Flesch–Kincaid grade of a text, or None when it has no words."""
    parts = sentences(text)
    tokens = [token for part in parts for token in words(part)]
    if not tokens:
        return None
    count_sentences = max(1, len(parts))
    count_syllables = sum(syllables(token) for token in tokens)
    per_sentence = len(tokens) / count_sentences
    per_word = count_syllables / len(tokens)
    ease = 206.835 - 1.015 * per_sentence - 84.6 * per_word
    grade = 0.39 * per_sentence + 11.8 * per_word - 15.59
    return Readability(len(tokens), count_sentences, count_syllables, round(ease, 1), round(grade, 1))


# --- the word lists ------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """One entry of words.tsv: a word to avoid, the list it comes from, a plain alternative, where it is allowed."""

    term: str
    list: str
    alternative: str
    allowed_in: frozenset[str]

    @property
    def verb_only(self) -> bool:
        # "impact (not as a verb)", "progress (as a verb)", "land (only aircraft land)": the noun is fine.
        hint = self.alternative.lower()
        return "as a verb" in hint or "only aircraft" in hint


@cache
def mission_words() -> frozenset[str]:
    """Words on the GOV.UK and LGA lists that real missions need, never flagged (mission_words.tsv says why)."""
    with MISSION_WORDS_FILE.open(encoding="utf-8", newline="") as handle:
        return frozenset((row.get("term") or "").strip().lower() for row in csv.DictReader(handle, delimiter="\t"))


@cache
def terms() -> tuple[Term, ...]:
    """The GOV.UK and LGA words to avoid, read from the data file shipped with the checker.

    words.tsv derives from the shared language lists; a word real missions need stays out even if a later
    copy of the lists brings it back.
    """
    out = []
    keep_out = mission_words()
    with WORDS_FILE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            term = (row.get("term") or "").strip().lower()
            if not term or term in keep_out:
                continue
            scope = (row.get("scope") or "any").strip()
            allowed = frozenset(s.strip() for s in scope[4:].split(",")) if scope.startswith("not:") else frozenset()
            out.append(Term(term, (row.get("list") or "").strip(), (row.get("alternative") or "").strip(), allowed))
    return tuple(out)


def word_forms(term: str) -> set[str]:
    """The inflected forms of a listed word (collaborate, collaborates, collaborated, collaborating …)."""
    if " " in term or "-" in term:
        return {term}
    forms = {term}
    if term.endswith("ing"):
        stem = term[:-3]
        forms |= {stem + "ed", stem + "e", stem + "es", stem + "s", stem + "ement"}
        if len(stem) >= 6:
            forms.add(stem)
    elif term.endswith("ed"):
        stem = term[:-2]
        forms |= {stem + "ing", stem + "e", stem + "es"}  # not stem + "s": "actions" is a plain noun
    elif term.endswith("e"):
        stem = term[:-1]
        forms |= {term + "s", term + "d", stem + "ing", stem + "ion", stem + "ions", stem + "ive", stem + "ation"}
        forms |= {stem + "en", term + "ment", term + "ments"}
    elif term.endswith("y") and len(term) > 3 and term[-2] not in "aeiou":
        forms |= {term[:-1] + "ies", term[:-1] + "ied"}
    else:
        forms |= {term + "s", term + "es", term + "ed", term + "ing", term + "ment", term + "ments", term + "er"}
        if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", term):
            forms |= {term + term[-1] + "ed", term + term[-1] + "ing"}
    return forms


def _phrase_pattern(form: str) -> str:
    # "one-stop shop" also matches "one stop shop"; "ring fencing" also "ring-fencing".
    return r"[\s\-]+".join(re.escape(part) for part in re.split(r"[\s\-]+", form))


@cache
def _term_index():
    """Single-word forms in a dict (looked up word by word), multi-word terms in one small pattern."""
    by_form: dict[str, Term] = {entry.term: entry for entry in reversed(terms())}
    # A word real missions need stays unflagged in every form, even where it looks like a form of a listed word
    # ("initiatives" is not a form of "initiate").
    needed = {form for word in mission_words() for form in word_forms(word)}
    for entry in terms():
        for form in word_forms(entry.term):
            if form not in needed:
                by_form.setdefault(form, entry)  # a listed word keeps its own entry ("initiative" is not "initiate")
    phrases = {re.sub(r"[\s\-]+", " ", form): entry for form, entry in by_form.items() if re.search(r"[\s\-]", form)}
    singles = {form: entry for form, entry in by_form.items() if not re.search(r"[\s\-]", form)}
    alternation = "|".join(_phrase_pattern(form) for form in sorted(phrases, key=len, reverse=True))
    pattern = re.compile(r"(?<![\w\-])(?:" + alternation + r")(?![\w\-])", re.IGNORECASE)
    return singles, phrases, pattern


@cache
def _phrase_words() -> dict[str, list[frozenset[str]]]:
    """The words of each multi-word term by its first word: a text can hold a term only if it holds all of them."""
    out: dict[str, list[frozenset[str]]] = {}
    for phrase in _term_index()[1]:
        words = _PLAIN_WORD.findall(phrase)
        out.setdefault(words[0], []).append(frozenset(words))
    return out


_VERB_CONTEXT = re.compile(
    r"(?:\b(?:to|will|would|can|could|may|might|must|should|shall|we|they|you|not|and|also)\s+)$", re.IGNORECASE
)
_PLAIN_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@dataclass(frozen=True)
class TermHit:
    term: Term
    matched: str
    start: int


@lru_cache(maxsize=8192)
def find_terms(text: str, section: str, field: str = "") -> tuple[TermHit, ...]:
    """Listed words in one field's text, skipping words that are the canvas's own vocabulary there."""
    if not text:
        return ()
    singles, phrases, pattern = _term_index()
    top = field.split(".")[0].split("[")[0]
    candidates = []
    # Most fields hold no listed word: the set of their words tells, before any pattern runs over the text.
    present = set(_PLAIN_WORD.findall(text.lower()))
    if any(words <= present for first in present.intersection(_phrase_words()) for words in _phrase_words()[first]):
        for match in pattern.finditer(text):
            key = re.sub(r"[\s\-]+", " ", match.group(0).lower())
            candidates.append((match.start(), match.group(0), phrases.get(key)))
    for match in _PLAIN_WORD.finditer(text) if not singles.keys().isdisjoint(present) else ():
        entry = singles.get(match.group(0).lower())
        if entry is not None:
            # a word inside a hyphenated compound ("one-stop") is part of the phrase, not a word of its own
            if text[match.end() : match.end() + 1] == "-" or text[max(0, match.start() - 1) : match.start()] == "-":
                continue
            candidates.append((match.start(), match.group(0), entry))
    hits, seen = [], set()
    for start, matched, entry in sorted(candidates, key=lambda c: c[0]):
        if entry is None or section in entry.allowed_in or top in entry.allowed_in or entry.term in seen:
            continue
        if entry.verb_only:
            key = matched.lower()
            inflected = key != entry.term and key.endswith(("ed", "ing"))
            if not inflected and not _VERB_CONTEXT.search(text[max(0, start - 12) : start]):
                continue
        seen.add(entry.term)
        hits.append(TermHit(entry, matched, start))
    return tuple(hits)


# --- acronyms ------------------------------------------------------------------------------


@cache
def known_acronyms() -> frozenset[str]:
    """Short forms a reader needs no help with: units (GW, km, CO2), measures (GDP) and well-known names (NHS, OECD).

    Read from known_acronyms.tsv, where each entry says why it is there; a unit also counts typed in capitals.
    """
    known = set()
    with KNOWN_ACRONYMS_FILE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            entry = (row.get("acronym") or "").strip()
            if not entry:
                continue
            known.add(entry)
            if (row.get("kind") or "").strip() == "unit":
                known.add(entry.upper())
    return frozenset(known)


ACRONYM = re.compile(r"(?<![\w\-])([A-Z][A-Z&]{1,5})(?:s|'s|’s)?(?![\w\-])")
_ROMAN = re.compile(r"^[IVXLC]+$")


def acronyms(text: str) -> list[str]:
    """All-caps words of two to six letters in a text, in order of first use, without the common ones."""
    if not ACRONYM.search(text):
        return []
    found = []
    for sentence in sentences(text):
        letters = [ch for ch in sentence if ch.isalpha()]
        # A heading or a line typed in capitals is not a use of an acronym.
        if letters and sum(ch.isupper() for ch in letters) / len(letters) > 0.6:
            continue
        for match in ACRONYM.finditer(sentence):
            token = match.group(1)
            if token in known_acronyms() or _ROMAN.match(token) or token in found:
                continue
            found.append(token)
    return found


_QUOTE_OPEN = "[\"'‘“]?"
_QUOTE_CLOSE = "[\"'’”]?"
# "National Energy System Operator (NESO)", "(the 'NESO')", "(NESO, formerly …)": the words come first.
# A bracket after a number ("2,000 (NESO)") or holding a reference ("(NESO, 2024)") names a source instead.
_SPELT_BEFORE = re.compile(
    r"(?:(?<=[^\W\d_] )|(?<=[^\W\d_]))\(\s*(?:(?:the|or|hereafter|known\s+as|called|short)\s+)*"
    + _QUOTE_OPEN
    + r"([A-Z][A-Z&]{1,5})(?:s|'s|’s)?"
    + _QUOTE_CLOSE
    + r"\s*(?:[);]|,(?!\s*\d))"
)
# "NESO (National Energy System Operator)": the short form first, its words in brackets after it.
_SPELT_AFTER = re.compile(r"(?<![\w\-])([A-Z][A-Z&]{1,5})(?:s|'s|’s)?\s*\(\s*(?:the\s+)?" + _QUOTE_OPEN + r"[^\W\d_]")


@lru_cache(maxsize=256)
def explained_acronyms(text: str) -> frozenset[str]:
    """Acronyms the text spells out, in brackets after their words or with their words in brackets after them."""
    if "(" not in text:
        return frozenset()
    return frozenset(m.group(1) for m in _SPELT_BEFORE.finditer(text)) | frozenset(
        m.group(1) for m in _SPELT_AFTER.finditer(text)
    )


def is_explained(acronym: str, text: str) -> bool:
    """True when the text spells the acronym out: "(ACR)" after its words, or "ACR (its words)"."""
    return acronym in explained_acronyms(text)


# Currency codes (ISO 4217) a budget is commonly given in; written before an amount they read as money.
CURRENCY_CODES = frozenset({"AUD", "CAD", "CHF", "DKK", "EUR", "GBP", "JPY", "NOK", "NZD", "SEK", "USD"})


def is_currency_amount(acronym: str, text: str) -> bool:
    """True when the acronym is a currency code written before an amount, as in "AUD 500 million"."""
    return acronym in CURRENCY_CODES and bool(re.search(r"\b" + re.escape(acronym) + r"\s?\d", text))
