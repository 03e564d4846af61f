"""A team's portfolio: every mission with its deadline, review status, checker level and metrics on track; levers
and actors shared by several missions, confirmed or not; a timeline; sorting, filters, a constant query count."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import full_document, make_canvas
from workbench.progress import portfolio, services


def _mission(people, title, *, deadline, lever="Council procurement", actor="Food bank network"):
    document = full_document(title)
    document["deadline_year"] = deadline
    document["levers"][0]["title"] = lever
    document["stakeholders"][0]["name"] = actor
    return make_canvas(people["team"], people["owner"], document=document)


@pytest.fixture
def missions(people):
    return [
        _mission(people, "Good food", deadline=2030, lever="Council procurement", actor="The Food Bank Network"),
        _mission(people, "Warm homes", deadline=2028, lever="council  PROCUREMENT!", actor="Food bank networks"),
        _mission(people, "Clean air", deadline=2035, lever="Planning rules", actor="Schools"),
        _mission(people, "Active travel", deadline=2032, lever="Own land", actor="Cyclists"),
    ]


def _get(client, team, query=""):
    return client.get(f"/teams/{team.slug}/portfolio/{query}").content.decode()


def test_every_mission_with_its_deadline_status_level_and_progress(client_for, people, missions):
    this_year = dt.date.today().year
    services.record_measurement(
        canvas=missions[0],
        user=people["editor"],
        metric="metric-1",
        year=this_year,
        date=None,
        value=20 + 30 * (this_year - 2023) / 7,
    )
    page = _get(client_for("viewer"), people["team"])
    assert page.count('data-label="Mission"') == 4
    for canvas in missions:
        assert canvas.title in page
    # Good food's first metric is on its path this year; its second has no value yet.
    assert '1 of 2, 1 without recent data<span class="visually-hidden"> – progress of Good food' in page
    assert 'None to judge<span class="visually-hidden"> – progress of Warm homes' not in page
    assert 'data-label="Deadline">2028</td>' in page
    assert "Draft" in page and "/100)" in page


def test_sorted_and_filtered_by_the_address(client_for, people, missions):
    client = client_for("viewer")
    by_deadline = _get(client, people["team"])
    order = [by_deadline.index(t) for t in ("Warm homes", "Good food", "Active travel", "Clean air")]
    assert order == sorted(order)
    by_title = _get(client, people["team"], "?sort=title&order=desc")
    order = [by_title.index(t) for t in ("Warm homes", "Good food", "Clean air", "Active travel")]
    assert order == sorted(order)
    found = _get(client, people["team"], "?q=warm")
    assert found.count('data-label="Mission"') == 1 and "Showing 1 of 4 missions" in found
    assert "No mission matches these filters" in _get(client, people["team"], "?status=published")


def test_names_match_once_normalised():
    assert portfolio.normalised("Council procurement") == portfolio.normalised("council  PROCUREMENT!")
    assert portfolio.normalised("The Food Bank Network") == portfolio.normalised("Food bank networks")
    assert portfolio.normalised("Café owners") == portfolio.normalised("cafe owner")
    assert portfolio.normalised("Planning rules") != portfolio.normalised("Own land")


def test_a_shared_lever_is_shown_and_can_be_confirmed_or_marked_different(client_for, people, missions):
    page = _get(client_for("editor"), people["team"])
    shared = page.split('id="shared"')[1].split('id="timeline"')[0]
    assert "Council procurement / council  PROCUREMENT!" in shared
    assert "Food bank networks / The Food Bank Network" in shared
    assert "Planning rules" not in shared and "Not confirmed" in shared
    client = client_for("editor")
    key = portfolio.normalised("Council procurement")
    response = client.post(
        f"/teams/{people['team'].slug}/portfolio/shared/", {"kind": "lever", "key": key, "decision": "same"}
    )
    assert response.status_code == 302
    assert "Confirmed the same" in _get(client, people["team"])
    client.post(
        f"/teams/{people['team'].slug}/portfolio/shared/", {"kind": "lever", "key": key, "decision": "different"}
    )
    assert "Marked as different" in _get(client, people["team"])
    # Readers see the decisions but get no buttons.
    assert "Confirm: the same" not in _get(client_for("viewer"), people["team"])


def test_the_timeline_lists_deadlines_targets_and_dated_actions(client_for, people, missions):
    from workbench.progress.actions import near_term_actions

    (action,) = near_term_actions(missions[1].document["near_term"])
    services.mark_action(
        canvas=missions[1],
        user=people["editor"],
        key=action["key"],
        text=action["text"],
        done=False,
        on=dt.date(2027, 3, 1),
    )
    timeline = _get(client_for("viewer"), people["team"]).split('id="timeline"')[1]
    years = [timeline.index(f">{year}</h3>") for year in (2027, 2028, 2030, 2032, 2035)]
    assert years == sorted(years)
    assert 'timeline-due">Due</span> <time datetime="2027-03-01">1 Mar</time>' in timeline
    assert "Warm homes</a>: The mission&#x27;s deadline" in timeline


def test_the_page_follows_a_new_value_at_once_though_it_is_kept(client_for, people, missions):
    client = client_for("viewer")
    assert "None to judge" not in _get(client, people["team"]).split("Good food")[1].split("</tr>")[0]
    before = _get(client, people["team"])
    services.record_measurement(
        canvas=missions[0], user=people["editor"], metric="metric-2", year=2018, date=None, value=1
    )
    after = _get(client, people["team"])
    assert before != after


def test_queries_do_not_grow_with_missions_or_measurements(client_for, people, missions, django_assert_num_queries):
    client = client_for("viewer")

    def count(query):
        from django.core.cache import cache

        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            client.get(f"/teams/{people['team'].slug}/portfolio/{query}")
        return len(captured)

    # Drawn afresh, with an empty cache: session, person, team, roles, the stamp, canvases with documents, latest
    # values, settings, marks, decisions, notifications.
    few = count("")
    assert few == 11
    for n in range(6):
        canvas = _mission(people, f"Mission {n}", deadline=2030 + n)
        for year in range(2010, 2030):
            services.record_measurement(
                canvas=canvas, user=people["editor"], metric="metric-1", year=year, date=None, value=year
            )
    assert count("") == few
    # Kept: the second view runs only the queries that tell whether anything changed (the session is kept too).
    with django_assert_num_queries(5):
        client.get(f"/teams/{people['team'].slug}/portfolio/")


def test_a_columns_heading_sorts_by_it_and_turns_the_order_round(client_for, people, missions):
    client = client_for("viewer")
    page = _get(client, people["team"], "?sort=title")
    assert (
        'aria-sort="ascending"><a class="portfolio-sort" href="?q=&amp;status=&amp;level=&amp;sort=title&amp;order=desc"'
        in page
    )
    assert 'href="?q=&amp;status=&amp;level=&amp;sort=deadline&amp;order=asc">Deadline' in page
