"""Two web machines and two RQ workers on loopback, sharing PostgreSQL, Redis and one PDF store: a canvas saved
through one web process is downloaded from the other, its one-pager rendered once.

Runs where PostgreSQL (127.0.0.1:5432, user postgres, as .ci/run sets up) and Redis (127.0.0.1:6379) answer and
django-tasks-rq is installed (`pip install -e ".[rq]"`); skipped with the reason otherwise.
"""

import os
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
# The server .ci/run starts (with the password it set, when DATABASE_URL names it), its maintenance database.
_CI_DATABASE = os.environ.get("DATABASE_URL", "")
PG_ADMIN = os.environ.get(
    "TWO_MACHINES_PG",
    _CI_DATABASE.rsplit("/", 1)[0] + "/postgres"
    if _CI_DATABASE.startswith("postgres")
    else "postgres://postgres@127.0.0.1:5432/postgres",
)
REDIS = os.environ.get("TWO_MACHINES_REDIS", "redis://127.0.0.1:6379/13")

SETUP = """
from tests.factories import make_team, make_user
from tests.pdf.documents import typical_document
from workbench.canvases import services as canvas_services
officer = make_user("officer")
team = make_team("Northfield housing team", owner=officer)
print(canvas_services.create_canvas(team=team, user=officer, document=typical_document()).pk)
"""
COUNT = """
from workbench.pdf.models import OnePager
print(list(OnePager.objects.filter(revision__number=2).values_list("status", "attempts")))
"""


def _answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def cluster(tmp_path):
    pytest.importorskip("django_tasks_rq", reason="django-tasks-rq not installed (pip install -e '.[rq]')")
    import psycopg
    import redis

    if not (_answers("127.0.0.1", 5432) and _answers("127.0.0.1", 6379)):
        pytest.skip("PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379 are needed")
    name = f"workbench_two_machines_{secrets.token_hex(4)}"
    try:
        admin = psycopg.connect(PG_ADMIN, autocommit=True)
    except psycopg.OperationalError as error:
        pytest.skip(f"PostgreSQL refused {PG_ADMIN}: {error}")
    admin.execute(f'CREATE DATABASE "{name}"')
    redis.Redis.from_url(REDIS).flushdb()
    env = {
        **os.environ,
        "DEBUG": "1",
        "DATABASE_URL": PG_ADMIN.rsplit("/", 1)[0] + f"/{name}",
        "TASKS_BACKEND": "rq",
        "REDIS_URL": REDIS,
        "PDF_DIR": str(tmp_path / "shared-one-pagers"),
        "PYTHONPATH": str(ROOT),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    processes = []
    try:
        manage = [sys.executable, "manage.py"]
        subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=env, check=True, timeout=300)
        setup = subprocess.run([*manage, "shell", "-c", SETUP], cwd=ROOT, env=env, check=True, capture_output=True)
        canvas_pk = int(setup.stdout.decode().split()[-1])
        ports = [_free_port(), _free_port()]
        logs = tmp_path / "logs"
        logs.mkdir()
        for port in ports:
            command = [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"]
            processes.append(
                subprocess.Popen(
                    command, cwd=ROOT, env=env, stdout=open(logs / f"web-{port}", "w"), stderr=subprocess.STDOUT
                )
            )
        for number in (1, 2):
            processes.append(
                subprocess.Popen(
                    [*manage, "worker"],
                    cwd=ROOT,
                    env=env,
                    stdout=open(logs / f"worker-{number}", "w"),
                    stderr=subprocess.STDOUT,
                )
            )
        deadline = time.monotonic() + 60
        while not all(_answers("127.0.0.1", port) for port in ports):
            assert time.monotonic() < deadline, "the web processes did not start"
            time.sleep(0.2)
        yield {"env": env, "ports": ports, "canvas": canvas_pk, "logs": logs}
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def test_a_pdf_saved_through_one_web_process_is_downloaded_from_the_other_rendered_once(cluster, browser):
    from tests.factories import PASSWORD

    first, second = (f"http://127.0.0.1:{port}" for port in cluster["ports"])
    canvas = cluster["canvas"]
    context = browser.new_context()  # cookies belong to the host, not the port: one sign-in serves both
    page = context.new_page()
    page.goto(f"{first}/accounts/login/")
    page.fill("#id_username", "officer")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")
    page.goto(f"{first}/canvases/{canvas}/edit/")
    page.fill("#id_statement", "By 2031, every Northfield home is warm, saved on machine one.")
    with page.expect_navigation():
        page.click("button[value=view]")

    deadline = time.monotonic() + 120
    while True:
        response = context.request.get(f"{second}/canvases/{canvas}/pdf/")
        if response.headers["content-type"] == "application/pdf":
            break
        assert response.status == 202 and "Preparing your one-pager" in response.text()
        assert time.monotonic() < deadline, "no worker rendered the one-pager"
        time.sleep(0.5)
    from_second = response.body()
    from_first = context.request.get(f"{first}/canvases/{canvas}/pdf/").body()
    context.close()

    assert from_second == from_first and from_second.startswith(b"%PDF")
    import io

    from pypdf import PdfReader

    text = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(from_second)).pages).split())
    assert "saved on machine one" in text and "Revision 2" in text
    count = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", COUNT],
        cwd=ROOT,
        env=cluster["env"],
        check=True,
        capture_output=True,
    )
    assert count.stdout.decode().split("\n")[-2] == "[('ready', 1)]", "one row, one render, for the new revision"
    completed = sum(
        log.read_text().count("Successfully completed workbench.pdf.tasks.render_one_pager")
        for log in cluster["logs"].glob("worker-*")
    )
    assert completed >= 1
