"""Plain language: words residents use, short sentences, acronyms spelt out, a story told simply."""

from __future__ import annotations

from workbench.checker.base import LANGUAGE_MATTERS, Rule, register
from workbench.checker.canvas import MAX_ITEMS, MAX_TEXT
from workbench.checker.language import (
    acronyms,
    explained_acronyms,
    find_terms,
    is_currency_amount,
    readability,
    sentences,
    words,
)
from workbench.document.spec import CANVAS, in_sentence

LONGEST_SENTENCE = 25  # GOV.UK: keep sentences to 25 words at most
READABILITY_MIN_WORDS = 60  # the Flesch formulas are noise on less text than this
DIFFICULT = 50  # Flesch reading ease below 50 reads as "fairly difficult" or worse


def _alternative(term) -> str:
    hint = term.alternative.strip()
    if not hint:
        return "Say what you mean in everyday words."
    if hint.lower().startswith(("say ", "(")):
        return hint[0].upper() + hint[1:] + "."
    return f"Try '{hint}'."


class _WordListRule(Rule):
    """Shared shape of the two word-list rules; each hit costs a fifth of the rule's weight."""

    criterion = "plain_language"
    section = "identity"
    source = LANGUAGE_MATTERS
    needs = ("text",)
    word_list: str

    def findings(self, canvas):
        found = []
        for section, field, item, text in canvas.texts():
            for hit in find_terms(text, section, field):
                if hit.term.list != self.word_list:
                    continue
                found.append(
                    self.finding(
                        f"'{hit.matched}' may not mean much to residents.",
                        _alternative(hit.term),
                        section=section,
                        item=item,
                        field=field,
                        share=0.2,
                    )
                )
        return found


@register
class PlainWordsGovuk(_WordListRule):
    id = "plain-words-govuk"
    severity = "warning"
    word_list = "govuk"
    title = "Words GOV.UK asks writers to avoid"
    looks_for = (
        "Words from the GOV.UK style guide's list of words to avoid (collaborate, deliver, facilitate, robust …), "
        "in any form, except where a word is the canvas's own vocabulary in that section."
    )
    why = "Encouraging, inclusive words reach more people than technical jargon and do not sound like another strategy."
    how_to_fix = "Use the plain word offered, or say what you actually mean."
    weight = 25


@register
class PlainWordsLga(_WordListRule):
    id = "plain-words-lga"
    severity = "advice"
    word_list = "lga"
    title = "Council jargon from the LGA list"
    looks_for = (
        "Terms from the Local Government Association's list of words councils should not use (holistic, "
        "step change, toolkit …); a term is not flagged in the section where it is canvas vocabulary "
        "(e.g. 'baseline' in metrics)."
    )
    why = "Jargon keeps residents out; the mission must make sense to people who are not familiar with the framework."
    how_to_fix = "The suggested words are hints, not automatic fixes: say what you mean."
    weight = 15


@register
class LongSentence(Rule):
    id = "long-sentence"
    needs = ("text",)
    criterion = "plain_language"
    severity = "warning"
    section = "identity"
    title = "Sentences of 25 words or fewer"
    looks_for = f"A sentence longer than {LONGEST_SENTENCE} words in any field."
    why = "Long sentences lose readers; plain language helps the mission grow into a movement."
    source = LANGUAGE_MATTERS
    how_to_fix = "Split the sentence in two, or cut what the reader does not need."
    weight = 20

    def findings(self, canvas):
        found = []
        for section, field, item, text in canvas.texts():
            if not text:
                continue
            longest = max((len(words(s)) for s in sentences(text)), default=0)
            if longest > LONGEST_SENTENCE:
                found.append(
                    self.finding(
                        f"A sentence here runs to {longest} words.",
                        f"Split it so each sentence has at most {LONGEST_SENTENCE} words.",
                        section=section,
                        item=item,
                        field=field,
                        share=0.25,
                    )
                )
        return found


@register
class Readability(Rule):
    id = "readability"
    needs = ("text",)
    criterion = "plain_language"
    severity = "advice"
    section = "story"
    title = "The story is easy to read"
    looks_for = (
        f"A Flesch reading ease below {DIFFICULT} on the story (or on the whole canvas when the story is shorter "
        f"than {READABILITY_MIN_WORDS} words). Reported as a tip with an approximate reading age."
    )
    why = "The story is for residents and partners, most of whom do not share the team's technical language."
    source = LANGUAGE_MATTERS
    how_to_fix = "Use shorter sentences and shorter, everyday words; GOV.UK aims at a reading age of 9."
    weight = 15

    def findings(self, canvas):
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
            self.finding(
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


@register
class AcronymsSpeltOut(Rule):
    id = "acronyms-spelt-out"
    needs = ("text",)
    criterion = "plain_language"
    severity = "advice"
    section = "identity"
    title = "Acronyms are spelt out"
    looks_for = (
        "An all-capitals word of two to six letters that is never spelt out on the canvas, either as "
        "'words (ACR)' or 'ACR (words)', in any field (an actor's name counts). Units (GW, km, CO2), measures "
        "(GDP) and names residents know (UK, EU, NHS, GP, OECD …), listed in the checker's data with the reason "
        "for each, are left alone, and so is a currency code: the canvas's own budget currency, or a code such "
        "as EUR or AUD written before an amount."
    )
    why = "Abbreviations are jargon to anyone outside the team."
    source = LANGUAGE_MATTERS
    how_to_fix = "Spell the words out the first time, with the short form in brackets, or just use the words."
    weight = 10

    def findings(self, canvas):
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
                found.append(
                    self.finding(
                        f"'{acronym}' is not spelt out anywhere on the canvas.",
                        f"Write the words in full the first time, followed by ({acronym}).",
                        section=section,
                        item=item,
                        field=field,
                        share=0.25,
                    )
                )
        return found


@register
class StoryTold(Rule):
    id = "story-told"
    criterion = "plain_language"
    severity = "warning"
    section = "story"
    title = "The story is told"
    looks_for = (
        "Empty story fields: " + ", ".join(in_sentence(field.label) for field in CANVAS.section("story").fields) + "."
    )
    why = "The story is how the mission speaks to residents in their own words; language decides who joins in."
    source = LANGUAGE_MATTERS
    how_to_fix = "Write a few plain sentences for each of the three questions."
    weight = 25

    def findings(self, canvas):
        labels = {field.key: in_sentence(field.label) for field in canvas.spec.section("story").fields}
        empty = [name for name, text in canvas.story.items() if not text.strip()]
        return [
            self.finding(
                f"The story does not yet say {labels[name]}.",
                "Write two or three plain sentences a resident would recognise.",
                field=f"story.{name}",
                share=1 / 3,
            )
            for name in empty
        ]
