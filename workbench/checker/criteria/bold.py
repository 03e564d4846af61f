"""Bold: the statement names an ambitious outcome for people or a place, not an activity or a small step."""

from __future__ import annotations

import re

from workbench.checker.base import AMBITIOUS_OUTCOMES, NO_ONE_DIES, REAL_MISSIONS, Rule, register


@register
class StatementMissing(Rule):
    id = "statement-missing"
    criterion = "bold"
    severity = "error"
    section = "identity"
    title = "A mission statement is written"
    looks_for = "An empty mission statement."
    why = "A mission is a purpose-driven goal people commit to; without a statement there is nothing to commit to."
    source = AMBITIOUS_OUTCOMES
    how_to_fix = "Write one sentence that says what will be different, for whom, by when."
    weight = 10

    def findings(self, canvas):
        if not canvas.reading.empty:
            return []
        return [
            self.finding(
                "There is no mission statement yet.",
                "Start with one sentence such as 'By 2030, no child in our borough goes hungry.'",
                field="statement",
            )
        ]


@register
class StatementOutcome(Rule):
    id = "statement-outcome"
    needs = ("statement",)
    criterion = "bold"
    severity = "warning"
    section = "identity"
    title = "The statement names an outcome, not an activity"
    looks_for = (
        "A statement whose only promises are outputs (events held, plans published, sessions delivered, people "
        "reached), read from its verbs and what it counts, however precise its numbers and dates; activity wording "
        "(support, explore, promote, tackle …) with no change for people or a place beside it, unless a quantified "
        "target and a deadline carry the sentence; a statement that names only a topic."
    )
    why = (
        "Real missions set a target that is bold and measurable; a list of activities is how mission washing "
        "looks. An activity verb is fine when a number and a deadline say what it must achieve."
    )
    source = REAL_MISSIONS
    how_to_fix = "Say what will be true for people or the place when the mission succeeds, then how much and by when."
    weight = 40

    def findings(self, canvas):
        reading = canvas.reading
        if reading.purpose.is_output:
            # Sure when its figures count the outputs ("hold 100 webinars"); a lighter cost when none does.
            things = ", ".join(f"'{phrase}'" for phrase in reading.purpose.outputs[:3])
            return [
                self.finding(
                    f"The statement counts what will be done or produced ({things}), not what will change for "
                    "people or the place; precise numbers and dates do not make outputs a mission.",
                    "Say what those activities are for: who will be better off, and how you would see it, e.g. "
                    "'By 2030, every school leaver is in work, training or study'. Keep the events and plans as levers.",
                    field="statement",
                    share=1.0 if reading.output_only else 0.6,
                )
            ]
        if reading.empty or reading.carried:
            return []
        if reading.activities and not (reading.outcomes and reading.has_quantity):
            verbs = ", ".join(f"'{a.lower()}'" for a in dict.fromkeys(reading.activities[:3]))
            return [
                self.finding(
                    f"The statement describes work to be done ({verbs}) rather than the change it should bring.",
                    "Name the result for people: for example 'everyone eats well every day' instead of "
                    "'promote healthy eating'.",
                    field="statement",
                    share=1.0 if not reading.outcomes else 0.5,
                )
            ]
        if not reading.activities and not reading.outcomes and not reading.has_quantity:
            return [
                self.finding(
                    "The statement names a topic but not what will change.",
                    "Add what will be different and for whom, e.g. 'fewer people die of …' or 'every home is …'.",
                    field="statement",
                    share=0.7,
                )
            ]
        return []


_SMALL_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|percent|per\s*cent)", re.IGNORECASE)


@register
class StatementAmbition(Rule):
    id = "statement-ambition"
    needs = ("statement",)
    criterion = "bold"
    severity = "warning"
    section = "identity"
    title = "The statement is ambitious"
    looks_for = (
        "A statement with no target at all, one that only says 'improve' or 'more' without how far, "
        "or one whose only figures are small percentage changes."
    )
    why = (
        "Missions aim at a different state of things, not a small improvement; Vision Zero Cancer's "
        "'no one should die of cancer' shows the scale meant."
    )
    source = NO_ONE_DIES
    how_to_fix = (
        "Aim for an end state (zero, every, no one) or a large change (halve, double, a figure that stretches)."
    )
    weight = 20

    def findings(self, canvas):
        reading = canvas.reading
        if reading.empty:
            return []
        kinds = {q.kind for q in reading.quantities}
        if not kinds:
            if reading.directions:
                word = reading.directions[0].lower()
                return [
                    self.finding(
                        f"'{word.capitalize()}' says which way things should go but not how far, so the goal "
                        "reads as a gradual improvement.",
                        "Say how far: 'halve', 'by a third', 'to zero', or a figure people can check.",
                        field="statement",
                    )
                ]
            return [
                self.finding(
                    "The statement does not yet say how big the change will be.",
                    "Set an end state such as 'no one', 'every home' or 'net zero', or a large, clear figure.",
                    field="statement",
                )
            ]
        if kinds == {"universal"} and reading.directions:
            # "even better for everyone": everyone is who it is for; how far it goes is still unsaid.
            word = reading.directions[0].lower()
            return [
                self.finding(
                    f"'{word.capitalize()}' says which way things should go for everyone, but not how far.",
                    "Name the end state for everyone ('every park is within a 5-minute walk') or a figure.",
                    field="statement",
                    share=0.7,
                )
            ]
        if kinds == {"percent"}:
            values = [float(v) for v in _SMALL_PERCENT.findall(canvas.reading.text)]
            if values and max(values) < 10:
                return [
                    self.finding(
                        f"A change of {max(values):g} % may read as an incremental step rather than a mission.",
                        "Check whether the figure stretches what is already planned; if it is a milestone, "
                        "keep it in the metrics and put the end goal in the statement.",
                        field="statement",
                        share=0.5,
                    )
                ]
        return []


@register
class StatementFocus(Rule):
    id = "statement-focus"
    needs = ("statement",)
    criterion = "bold"
    severity = "warning"
    section = "identity"
    title = "The statement is one focused sentence"
    looks_for = "A statement of several sentences, a list of three or more separate goals, or more than 45 words."
    why = (
        "A mission is one targeted goal that many actors pursue together; a list of goals is a portfolio, "
        "not a mission, and loses the focus that makes missions work."
    )
    source = REAL_MISSIONS
    how_to_fix = "Keep the one goal everything else serves; move the others to sub-missions in the layers."
    weight = 10

    def findings(self, canvas):
        reading = canvas.reading
        if reading.empty:
            return []
        problems = []
        if reading.sentence_count > 1:
            problems.append(f"{reading.sentence_count} sentences")
        if reading.goal_count >= 3:
            problems.append(f"about {reading.goal_count} separate goals")
        if reading.word_count > 45:
            problems.append(f"{reading.word_count} words")
        if not problems:
            return []
        return [
            self.finding(
                f"The statement has {' and '.join(problems)}; a mission reads best as one goal in one sentence.",
                "Keep the single goal the others serve and list the rest as sub-missions under Layers.",
                field="statement",
            )
        ]


@register
class StatementHedged(Rule):
    id = "statement-hedged"
    needs = ("statement",)
    criterion = "bold"
    severity = "warning"
    section = "identity"
    title = "The statement commits without hedging"
    looks_for = "Hedges such as 'where possible', 'aim to', 'seek to', 'strive to', 'subject to funding'."
    why = "Missions are tasks people really commit to achieving; a hedge tells partners the goal is optional."
    source = AMBITIOUS_OUTCOMES
    how_to_fix = "State the goal plainly; keep the risks and conditions in the story or governance sections."
    weight = 15

    def findings(self, canvas):
        hedges = canvas.reading.hedges
        if not hedges:
            return []
        quoted = ", ".join(f"'{h.lower()}'" for h in dict.fromkeys(hedges))
        return [
            self.finding(
                f"{quoted[0].upper() + quoted[1:]} softens the commitment.",
                "Say it as a goal you will meet, e.g. 'By 2030, every …' rather than 'we aim to …'.",
                field="statement",
            )
        ]
