"""Plain language: words residents use, short sentences, acronyms spelt out, a story told simply."""

from __future__ import annotations

from workbench.checker.base import in_text, rule
from workbench.checker.canvas import MAX_ITEMS, MAX_TEXT
from workbench.checker.language import (
    acronyms,
    explained_acronyms,
    is_currency_amount,
    readability,
    sentences,
    words,
)
from workbench.document.spec import in_sentence

LONGEST_SENTENCE = 25  # GOV.UK: keep sentences to 25 words at most
READABILITY_MIN_WORDS = 60  # the Flesch formulas are noise on less text than this
DIFFICULT = 50  # Flesch reading ease below 50 reads as "fairly difficult" or worse


@rule("long-sentence")
def long_sentence(canvas, finding):
    fix = f"Split it so each sentence has at most {LONGEST_SENTENCE} words."
    longest = {
        (section, field, item): max((len(words(s)) for s in sentences(text)), default=0)
        for section, field, item, text in canvas.texts()
        if text
    }
    return [
        finding(f"A sentence here runs to {n} words.", fix, **in_text(*place), share=0.25)
        for place, n in longest.items()
        if n > LONGEST_SENTENCE
    ]


@rule("readability")
def story_reads_easily(canvas, finding):
    story = "\n\n".join(text for text in canvas.story.values() if text.strip())
    scope, text = "the story", story
    if len(words(story)) < READABILITY_MIN_WORDS:
        scope = "the canvas"
        text = "\n\n".join(text for _, _, _, text in canvas.texts() if text.strip())
    if len(words(text)) < READABILITY_MIN_WORDS:
        return []
    score = readability(text)
    if score is None or score.reading_ease >= DIFFICULT:
        return []
    return [
        finding(
            f"{scope.capitalize()} reads at a reading age of about {score.reading_age} "
            f"(Flesch reading ease {score.reading_ease:g}).",
            "Shorter sentences and everyday words would make it easier for residents to follow.",
            section="story" if scope == "the story" else "identity",
            share=1.0 if score.reading_ease < 30 else 0.5,
        )
    ]


_NOT_CANVAS_TEXT = frozenset({"schema", "citations", "waivers"})


def _every_text(value, out: list[str]) -> list[str]:
    """Every string in a part of the document, whatever field it sits in (an actor's name, a lever's owner …)."""
    if isinstance(value, str):
        out.append(value[:MAX_TEXT])
    elif isinstance(value, dict):
        for key, inner in value.items():
            if key not in _NOT_CANVAS_TEXT:
                _every_text(inner, out)
    elif isinstance(value, list):
        for inner in value[:MAX_ITEMS]:
            _every_text(inner, out)
    return out


@rule("acronyms-spelt-out")
def acronyms_spelt_out(canvas, finding):
    fields = [(section, field, item, text) for section, field, item, text in canvas.texts() if text]
    explained = None
    reported, found = set(), []
    for section, field, item, text in fields:
        for acronym in acronyms(text):
            if acronym in reported:
                continue
            if explained is None:  # spelt out anywhere on the canvas counts everywhere on it
                explained = explained_acronyms("\n".join(_every_text(canvas.document, [])))
            if acronym in explained:
                continue
            if acronym == canvas.budget_currency or is_currency_amount(acronym, text):
                continue  # the budget field asks for a currency code: it is the canvas's own vocabulary
            reported.add(acronym)
            message = f"'{acronym}' is not spelt out anywhere on the canvas."
            fix = f"Write the words in full the first time, followed by ({acronym})."
            found.append(finding(message, fix, **in_text(section, field, item), share=0.25))
    return found


@rule("story-told")
def story_told(canvas, finding):
    labels = {field.key: in_sentence(field.label) for field in canvas.spec.section("story").fields}
    empty = [name for name, text in canvas.story.items() if not text.strip()]
    return [
        finding(
            f"The story does not yet say {labels[name]}.",
            "Write two or three plain sentences a resident would recognise.",
            field=f"story.{name}",
            share=1 / 3,
        )
        for name in empty
    ]
