"""The review app as it was before comments, workflow, share links and notifications became apps of their own.

It holds only its migrations: they made the review's tables, whose names (`review_comment`, `review_statechange`,
…) the new apps keep, and databases migrated before the split know them. Its last migration hands the models over
to `workbench.comments`, `workbench.workflow`, `workbench.sharing` and `workbench.notifications` without touching a
table. Keep it in INSTALLED_APPS: without it, Django would not find the migrations those apps' first ones depend on.
"""
