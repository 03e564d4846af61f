"""One module per criterion; importing this package registers every rule in order."""

from workbench.checker.criteria import (  # noqa: F401
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
