"""The real queue: `manage.py worker` in a process of its own, on a database file both sides share.

A worker killed mid-render (SIGKILL) loses nothing: the next worker gives the render back to the queue and
renders it; the download is then served from storage.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RENDERS = (
    "select status from django_tasks_database_dbtaskresult where task_path = 'workbench.pdf.tasks.render_one_pager'"
)

SETUP = """
from tests.pdf.documents import typical_document
from tests.factories import make_team, make_user
from workbench.canvases import services as canvas_services
from workbench.pdf import services
owner = make_user("owner")
team = make_team("Northfield housing team", owner=owner)
canvas = canvas_services.create_canvas(team=team, user=owner, document=typical_document())
print(services.request_canvas(canvas, "a4").pk)
"""


@pytest.fixture
def environment(tmp_path):
    env = {
        **os.environ,
        "DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'queue.sqlite3'}",
        "PDF_DIR": str(tmp_path / "one-pagers"),
        "PDF_RENDER_STALE_AFTER": "2",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True, timeout=120)
    return env, tmp_path / "queue.sqlite3"


def _status(database: Path, pk: int) -> tuple[str, int, str]:
    with sqlite3.connect(database) as connection:
        return connection.execute("select status, attempts, error from pdf_onepager where id = ?", (pk,)).fetchone()


def _wait_for(database: Path, pk: int, wanted: str, seconds: float = 90) -> tuple[str, int, str]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        row = _status(database, pk)
        if row[0] == wanted:
            return row
        time.sleep(0.05)
    raise AssertionError(f"one-pager {pk} never became {wanted}: {row}")


def _worker(env) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "worker"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its render process too is killed with the group
    )


def test_a_worker_killed_mid_render_loses_no_task(environment):
    env, database = environment
    setup = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SETUP],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    pk = int(setup.stdout.strip().splitlines()[-1])
    assert _status(database, pk)[0] == "queued"

    first = _worker(env)
    try:
        _wait_for(database, pk, "rendering")
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(10)
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)
    assert _status(database, pk)[:2] == ("rendering", 1), "the render was interrupted before it finished"
    with sqlite3.connect(database) as connection:
        assert connection.execute(RENDERS).fetchall() == [("RUNNING",)]

    time.sleep(2.5)  # PDF_RENDER_STALE_AFTER: the render is now known to have lost its worker
    second = _worker(env)
    try:
        status, attempts, error = _wait_for(database, pk, "ready")
    finally:
        os.killpg(second.pid, signal.SIGTERM)
        second.wait(20)
    assert (attempts, error) == (2, "")
    with sqlite3.connect(database) as connection:
        statuses = sorted(status for (status,) in connection.execute(RENDERS))
        file_name = connection.execute("select file_name from pdf_onepager where id = ?", (pk,)).fetchone()[0]
    assert statuses == ["FAILED", "SUCCESSFUL"]  # the lost run, then the retry
    with sqlite3.connect(database) as connection:  # and the hourly housekeeping waits for its turn
        assert connection.execute(
            "select count(*) from django_tasks_database_dbtaskresult where task_path like '%maintain_one_pagers'"
            " and status = 'READY'"
        ).fetchone() == (1,)
    assert (Path(env["PDF_DIR"]) / file_name).read_bytes().startswith(b"%PDF")
