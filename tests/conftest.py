import pytest

from tests.factories import make_canvas, make_team, make_user

ROLES = ["anonymous", "outsider", "viewer", "reviewer", "editor", "owner"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: the database reuses ids between tests."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def people(db):
    """One person per role in one team, plus an outsider who belongs to another team."""
    users = {role: make_user(role) for role in ROLES[1:]}
    team = make_team("Food mission team", **{r: users[r] for r in ("owner", "editor", "reviewer", "viewer")})
    make_team("Another council", owner=users["outsider"])
    return {"team": team, **users}


@pytest.fixture
def canvas(people):
    return make_canvas(people["team"], people["owner"])


@pytest.fixture
def client_for(client, people):
    """A logged-in test client for a role name ("anonymous" stays logged out)."""

    def login(role):
        client.logout()
        if role != "anonymous":
            client.force_login(people[role])
        return client

    return login


# One-pagers laid out so far in this test process, by everything a layout depends on.
_LAID_OUT: dict = {}


@pytest.fixture
def same_html_same_pdf(monkeypatch):
    """For tests where the one-pager is beside the point (who may download it, which status a page answers): the
    render process lays out each distinct HTML once per test process, and a later render of the very same HTML,
    limits and options gets a copy of that PDF. Tests of rendering itself (limits, restarts, workers) do not use it.
    """
    import dataclasses

    from workbench.pdf.engine import Renderer

    lay_out = Renderer.render

    def render(self, variants, *, timeout, **options):
        key = (tuple(variants), timeout, self.memory_mb, tuple(sorted(options.items())))
        if key not in _LAID_OUT:
            _LAID_OUT[key] = lay_out(self, variants, timeout=timeout, **options)
        return dataclasses.replace(_LAID_OUT[key])

    monkeypatch.setattr(Renderer, "render", render)
