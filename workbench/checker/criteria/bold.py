"""Bold: the statement names an ambitious outcome for people or a place, not an activity or a small step."""

from __future__ import annotations

import re

from workbench.checker.base import rule


@rule("statement-missing")
def statement_missing(canvas, finding):
    if not canvas.reading.empty:
        return []
    return [
        finding(
            "There is no mission statement yet.",
            "Start with one sentence such as 'By 2030, no child in our borough goes hungry.'",
            field="statement",
        )
    ]


@rule("statement-outcome")
def statement_outcome(canvas, finding):
    reading = canvas.reading
    if reading.purpose.is_output:
        # Sure when its figures count the outputs ("hold 100 webinars"); a lighter cost when none does.
        things = ", ".join(f"'{phrase}'" for phrase in reading.purpose.outputs[:3])
        return [
            finding(
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
            finding(
                f"The statement describes work to be done ({verbs}) rather than the change it should bring.",
                "Name the result for people: for example 'everyone eats well every day' instead of "
                "'promote healthy eating'.",
                field="statement",
                share=1.0 if not reading.outcomes else 0.5,
            )
        ]
    if not reading.activities and not reading.outcomes and not reading.has_quantity:
        return [
            finding(
                "The statement names a topic but not what will change.",
                "Add what will be different and for whom, e.g. 'fewer people die of …' or 'every home is …'.",
                field="statement",
                share=0.7,
            )
        ]
    return []


_SMALL_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|percent|per\s*cent)", re.IGNORECASE)


@rule("statement-ambition")
def statement_ambition(canvas, finding):
    reading = canvas.reading
    kinds = {q.kind for q in reading.quantities}
    if not kinds:
        if reading.directions:
            word = reading.directions[0].lower()
            return [
                finding(
                    f"'{word.capitalize()}' says which way things should go but not how far, so the goal "
                    "reads as a gradual improvement.",
                    "Say how far: 'halve', 'by a third', 'to zero', or a figure people can check.",
                    field="statement",
                )
            ]
        return [
            finding(
                "The statement does not yet say how big the change will be.",
                "Set an end state such as 'no one', 'every home' or 'net zero', or a large, clear figure.",
                field="statement",
            )
        ]
    if kinds == {"universal"} and reading.directions:
        # "even better for everyone": everyone is who it is for; how far it goes is still unsaid.
        word = reading.directions[0].lower()
        return [
            finding(
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
                finding(
                    f"A change of {max(values):g} % may read as an incremental step rather than a mission.",
                    "Check whether the figure stretches what is already planned; if it is a milestone, "
                    "keep it in the metrics and put the end goal in the statement.",
                    field="statement",
                    share=0.5,
                )
            ]
    return []


@rule("statement-focus")
def statement_focus(canvas, finding):
    reading = canvas.reading
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
        finding(
            f"The statement has {' and '.join(problems)}; a mission reads best as one goal in one sentence.",
            "Keep the single goal the others serve and list the rest as sub-missions under Layers.",
            field="statement",
        )
    ]
