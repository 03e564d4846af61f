"""Load test on loopback: several people read and save different canvases at once, against gunicorn.

    .venv/bin/python bench/load_test.py --database sqlite:///var/load.sqlite3 --users 8 --seconds 120
    .venv/bin/python bench/load_test.py --database postgres://postgres@127.0.0.1:5432/workbench_load

It starts `gunicorn` in production mode (DEBUG off) on a free port against the given database (which
needs data from `manage.py generate_load_data`), signs in one editor per team, and lets each of them,
until the time is up: open the dashboard, a canvas page, the editor, and save the editor with a changed
statement, the way a browser would submit the form. It prints requests per second, latency percentiles
and the error count; then it checks that every save it was told succeeded is a revision in the database
(no lost save). It exits non-zero on any error or lost save.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "load-test-password"


class FormReader(HTMLParser):
    """The fields a browser would submit from the form with the given id."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.fields = form_id, False, []
        self._textarea = self._select = None
        self._select_value = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind in ("submit", "button", "file"):
                return
            self.fields.append((a["name"], a.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and a.get("name"):
            self._textarea = [a["name"], ""]
        elif tag == "select" and a.get("name"):
            self._select, self._select_value = a["name"], None
        elif tag == "option" and self._select is not None:
            if "selected" in a or self._select_value is None:
                self._select_value = (a.get("value", ""), "selected" in a)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "textarea" and self._textarea is not None:
            self.fields.append((self._textarea[0], self._textarea[1].lstrip("\n")))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            self.fields.append((self._select, self._select_value[0] if self._select_value else ""))
            self._select = None


class Person:
    def __init__(self, base, username):
        self.base, self.username = base, username
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def request(self, path, data=None, stats=None):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        req = urllib.request.Request(self.base + path, data=body, headers={"Referer": self.base + path})
        started = time.perf_counter()
        try:
            with self.opener.open(req, timeout=60) as response:
                text, status, url = response.read().decode(), response.status, response.url
        except urllib.error.HTTPError as error:
            text, status, url = error.read().decode(errors="replace"), error.code, path
        if stats is not None:
            stats.append((time.perf_counter() - started) * 1000, status, path, data is not None)
        return status, text, url

    def form(self, text, form_id):
        reader = FormReader(form_id)
        reader.feed(text)
        return reader.fields

    def sign_in(self):
        _, page, _ = self.request("/accounts/login/")
        csrf = dict(self.form(page, "login-form") or []).get("csrfmiddlewaretoken") or _csrf(page)
        status, _, url = self.request(
            "/accounts/login/", {"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": csrf}
        )
        if "/accounts/login/" in url:
            raise RuntimeError(f"{self.username} could not sign in")


def _csrf(page):
    marker = 'name="csrfmiddlewaretoken" value="'
    start = page.index(marker) + len(marker)
    return page[start : page.index('"', start)]


class Stats:
    def __init__(self):
        self.lock, self.rows = threading.Lock(), []

    def append(self, ms, status, path, is_post):
        with self.lock:
            self.rows.append((ms, status, path, is_post))


def run_person(person, canvas_id, team_slug, deadline, stats, saves, errors, rng):
    while time.perf_counter() < deadline:
        for path in (f"/teams/{team_slug}/", f"/canvases/{canvas_id}/"):
            status, _, _ = person.request(path, stats=stats)
            if status != 200:
                errors.append(f"GET {path}: {status}")
        status, page, _ = person.request(f"/canvases/{canvas_id}/edit/", stats=stats)
        if status != 200:
            errors.append(f"GET edit: {status}")
            continue
        fields = person.form(page, "canvas-editor")
        text = f"By 2030, everyone in the borough eats well every day (load {rng.randint(0, 10**9)})."
        fields = [(k, text if k == "statement" else v) for k, v in fields] + [("then", "edit")]
        status, body, url = person.request(f"/canvases/{canvas_id}/edit/", fields, stats=stats)
        if status == 200 and f"/canvases/{canvas_id}/edit/" in url and "Saved as revision" in body:
            saves.append((canvas_id, text))
        else:
            errors.append(f"POST edit of canvas {canvas_id}: {status}")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default=os.environ.get("DATABASE_URL", f"sqlite:///{ROOT}/var/load.sqlite3"))
    parser.add_argument("--users", type=int, default=8)
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()

    env = {
        **os.environ,
        "DATABASE_URL": args.database,
        "SECRET_KEY": "load-test-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
    }
    env.pop("DEBUG", None)
    python = str(ROOT / ".venv" / "bin" / "python")
    subprocess.run([python, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    setup = (
        "import django,json; django.setup();"
        "from workbench.teams.models import Membership;"
        "from workbench.canvases.models import Canvas;"
        f"ms=Membership.objects.filter(role='editor', user__username__startswith='load-').select_related('team','user').order_by('team_id')[:{args.users}];"
        "print(json.dumps([[m.user.username, m.team.slug, Canvas.objects.filter(team=m.team).live().order_by('pk').values_list('pk', flat=True).first(), Canvas.objects.get(pk=Canvas.objects.filter(team=m.team).live().order_by('pk').values_list('pk', flat=True).first()).revision_number] for m in ms]))"
    )
    import json

    people = json.loads(
        subprocess.run(
            [python, "-c", setup],
            cwd=ROOT,
            env={**env, "DJANGO_SETTINGS_MODULE": "workbench.settings"},
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    if len(people) < args.users:
        sys.exit("Not enough generated teams: run manage.py generate_load_data against this database first.")
    port = free_port()
    server = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "workbench.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--threads",
            "4",
            "--timeout",
            "60",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/accounts/login/", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        stats, saves, errors, threads = Stats(), [], [], []
        persons = [Person(base, username) for username, _, _, _ in people]
        for person in persons:
            person.sign_in()
        started = time.perf_counter()
        deadline = started + args.seconds
        for index, (person, (_, slug, canvas_id, _)) in enumerate(zip(persons, people, strict=True)):
            thread = threading.Thread(
                target=run_person, args=(person, canvas_id, slug, deadline, stats, saves, errors, random.Random(index))
            )
            thread.start()
            threads.append(thread)
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        _, server_errors = server.communicate(timeout=30)

    check = (
        "import django,json,sys; django.setup();"
        "from workbench.canvases.models import Canvas;"
        "data=json.loads(sys.stdin.read());"
        "print(json.dumps({str(pk): [Canvas.objects.get(pk=pk).revision_number, Canvas.objects.get(pk=pk).statement] for pk in data}))"
    )
    ids = [canvas_id for _, _, canvas_id, _ in people]
    after = json.loads(
        subprocess.run(
            [python, "-c", check],
            cwd=ROOT,
            env={**env, "DJANGO_SETTINGS_MODULE": "workbench.settings"},
            input=json.dumps(ids),
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    lost = []
    for _, _, canvas_id, before in people:
        mine = [text for pk, text in saves if pk == canvas_id]
        revisions, statement = after[str(canvas_id)]
        if revisions != before + len(mine) or (mine and statement != mine[-1]):
            lost.append(f"canvas {canvas_id}: {before} + {len(mine)} saves, now revision {revisions}")

    latencies = sorted(ms for ms, *_ in stats.rows)
    posts = sorted(ms for ms, _, _, is_post in stats.rows if is_post)
    engine = args.database.split(":", 1)[0]
    print(
        f"Database {engine}; {args.users} editors on {args.users} canvases; {args.workers} gunicorn workers × 4 threads"
    )
    print(f"  {len(stats.rows)} requests in {elapsed:.0f} s: {len(stats.rows) / elapsed:.1f} requests/s")
    print(
        f"  latency p50 {statistics.median(latencies):.0f} ms, p95 {latencies[int(len(latencies) * 0.95) - 1]:.0f} ms"
    )
    print(
        f"  saves: {len(saves)} ({len(saves) / elapsed:.1f}/s), save p50 {statistics.median(posts):.0f} ms"
        if posts
        else "  saves: 0"
    )
    print(f"  errors: {len(errors)}; lost saves: {len(lost)}")
    for line in errors[:10] + lost[:10]:
        print("   ", line)
    if server_errors and b"Traceback" in server_errors:
        print(server_errors.decode(errors="replace")[-2000:])
    sys.exit(1 if errors or lost else 0)


if __name__ == "__main__":
    main()
