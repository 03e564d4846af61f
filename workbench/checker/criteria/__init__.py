"""One module per criterion for the rules that judge something particular; the rules that ask for a part or
test each item come from the table in data/rules.toml. Importing this package registers every rule."""

from workbench.checker import shapes

shapes.load()

from workbench.checker.criteria import (  # noqa: E402, F401
    bold,
    cross_sector,
    governance,
    horizons,
    measurable,
    mission_washing,
    plain_language,
    policy_mix,
    theory_of_change,
    time_bound,
    waivers,
)
