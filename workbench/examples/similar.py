"""Which worked example is closest to a draft, by the words of its statement, story and root causes, and why.

TF-IDF weights over the draft and the examples (a word all of them use weighs little), compared by cosine; the
reason names the words the draft and the example share that weigh most ("also about food, borough and
residents"). Pure Python, no download, no Django.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from workbench.checker.canvas import Canvas
from workbench.checker.outcomes import FUNCTION_WORDS

# What a draft is about: its statement, its story and its root causes (prose fields only, as the checker reads).
ABOUT_PATHS = ("statement",)
ABOUT_SECTIONS = ("story", "root_causes")
# Words every canvas uses whatever it is about; they say nothing of the subject.
CANVAS_WORDS = frozenset(
    "also been being both can does done each even ever full good just like made make many mission missions much "
    "need needs new now one only other over same still such them then they very what when which who why year "
    "years yet you your we us too cannot number could would".split()
)
STOP_WORDS = FUNCTION_WORDS | CANVAS_WORDS
REASON_WORDS = 3
_WORD = re.compile(r"[^\W\d_]+")


def _stem(word: str) -> str:
    """A plural folded to its singular: "deaths" → "death", "cities" → "city"; good enough to match words."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """The words of a text that can say what it is about: lower case, singular, no small or canvas words."""
    found = []
    for word in _WORD.findall(text.lower()):
        if len(word) < 3 or word in STOP_WORDS:
            continue
        stem = _stem(word)
        if stem not in STOP_WORDS:
            found.append(stem)
    return found


def about(document) -> Counter:
    """The words of a document's statement, story and root causes, counted."""
    canvas = Canvas(document)
    counts: Counter = Counter()
    for section, path, _, text in canvas.texts():
        if section in ABOUT_SECTIONS or path in ABOUT_PATHS:
            counts.update(words(text))
    return counts


@dataclass(frozen=True)
class Match:
    """An example and how close it is to the draft (0 to 1), with the shared words that weigh most."""

    key: str
    score: float
    shared: tuple[str, ...]

    @property
    def reason(self) -> str:
        """ "Also about food, borough and resident." — or "" when nothing is shared."""
        if not self.shared:
            return ""
        named = list(self.shared)
        text = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"
        return f"Also about {text}."


def _weights(counts: Counter, idf: dict[str, float]) -> dict[str, float]:
    weights = {word: (1 + math.log(count)) * idf[word] for word, count in counts.items()}
    norm = math.sqrt(sum(value * value for value in weights.values())) or 1.0
    return {word: value / norm for word, value in weights.items()}


def rank(draft, examples: dict[str, dict]) -> list[Match]:
    """The examples from closest to furthest from the draft; ties keep the order given."""
    bags = {key: about(document) for key, document in examples.items()}
    mine = about(draft)
    every = [mine, *bags.values()]
    frequency: Counter = Counter(word for bag in every for word in bag)
    idf = {word: math.log((1 + len(every)) / (1 + seen)) + 1 for word, seen in frequency.items()}
    draft_weights = _weights(mine, idf)
    matches = []
    for key, bag in bags.items():
        theirs = _weights(bag, idf)
        products = {word: draft_weights[word] * theirs[word] for word in draft_weights.keys() & theirs.keys()}
        shared = sorted(products, key=lambda word: (-products[word], word))[:REASON_WORDS]
        matches.append(Match(key, sum(products.values()), tuple(shared)))
    order = {key: index for index, key in enumerate(examples)}
    return sorted(matches, key=lambda match: (-match.score, order[match.key]))
