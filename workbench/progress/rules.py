"""Who may do what with progress: editors and owners record, every member reads, the owner decides what share links
show. Declared with the same predicates as every other permission (workbench/teams/rules.py)."""

import rules

from workbench.teams.rules import can_write, is_member, is_owner

rules.add_perm("progress.view", is_member)  # obj: a canvas or a team
rules.add_perm("progress.record", can_write)  # measurements, CSV import, action marks; obj: a canvas
rules.add_perm("progress.settings", is_owner)  # tolerance, shown on share links; obj: a canvas
rules.add_perm("progress.confirm_match", can_write)  # shared levers and actors of the portfolio; obj: a team
