"""The settings the test suite runs with: production settings, with a fast password hasher.

Django's default hasher is slow on purpose (PBKDF2 at a million rounds, most of a second on a small
machine), and every fixture person and sign-in pays for it. Tests are not about the hasher's strength.
"""

from workbench.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Tasks run at once, inside the call that enqueues them: no worker needed. Tests of the queue itself switch
# to the database backend and run a worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Saves do not render their one-pager ahead (a render in every saving test, browser tests included); the tests of
# rendering ahead switch it on.
PDF_RENDER_AHEAD = False
