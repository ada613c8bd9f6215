#!/usr/bin/env python
"""Fail-over drill: the Québec primary dies, the Montréal standby takes over, nothing acknowledged is lost.

    .venv/bin/python scripts/failover_drill.py [--writes 300] [--workers 4] [--async]   (make failover-drill)

Two PostgreSQL clusters on loopback in a temporary directory (Debian's server binaries, found or installed
as scripts/localdb.sh does): a primary, and a standby made with pg_basebackup that streams its WAL and is
the primary's SYNCHRONOUS standby (synchronous_standby_names = 'FIRST 1 (montreal)'), so a commit is
acknowledged only once the standby has flushed it. The application's schema is migrated on the primary,
then the application itself (Django in this process, its test Client: the whole middleware stack, the
form, the service) takes a bounded load of real POST requests that add contacts in the mail app, from
several threads; every 302 is an acknowledged write and its id is kept. Half-way the primary is stopped
hard (`pg_ctl stop -m immediate`: no shutdown checkpoint, as a power cut), the standby is promoted, the
application is pointed at it, and the load goes on. At the end every acknowledged id must be on the new
primary. The private files are replicated by rsync as on the Montréal timer and compared by SHA-256.

Prints the recovery time (the primary's stop to the first write acknowledged by the standby) and
"0 acknowledged writes lost". Exit 0 when nothing was lost, 1 when something was (or the drill failed),
2 when PostgreSQL's server binaries are not available (nothing was run). Both clusters and the temporary
directory are removed at the end, whatever happened.

--async drills the asynchronous set-up (no synchronous standby) for comparison: what it may lose is the
replication lag at the moment of the crash (README, Operations: the asynchronous trade-off).
"""

import argparse
import contextlib
import glob
import hashlib
import logging
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNAVAILABLE = 2
STANDBY_NAME = "montreal"


# --- PostgreSQL clusters --------------------------------------------------------------------------
def find_bindir(install=True):
    """Debian's server binaries (the `postgresql` package); installed with apt-get when root, as localdb.sh."""
    for initdb in sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True):
        return Path(initdb).parent
    if shutil.which("initdb") and shutil.which("pg_basebackup"):
        return Path(shutil.which("initdb")).parent
    if install and os.geteuid() == 0 and shutil.which("apt-get"):
        print("drill: installing Debian's postgresql package", file=sys.stderr)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        apt_get = shutil.which("apt-get")
        apt = [apt_get, "install", "-y", "-q", "postgresql"]
        if subprocess.run(apt, env=env, capture_output=True, check=False).returncode:  # noqa: S603
            subprocess.run([apt_get, "update", "-q"], env=env, capture_output=True, check=False)  # noqa: S603
            subprocess.run(apt, env=env, capture_output=True, check=False)  # noqa: S603
        return find_bindir(install=False)
    return None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """One PostgreSQL cluster in `base/name`, owned by `postgres` when we are root (PostgreSQL refuses root)."""

    def __init__(self, bindir, base, name, port):
        self.bindir, self.name, self.port = bindir, name, port
        self.data = base / name
        self.log = base / f"{name}.log"

    def run(self, program, *args, check=True):
        command = [str(self.bindir / program), *map(str, args)]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
        if check and result.returncode:
            raise RuntimeError(f"{self.name}: {program} failed: {result.stderr.strip() or result.stdout.strip()}")
        return result

    def start(self):
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.data} "
            "-c wal_level=replica -c max_wal_senders=5 -c shared_buffers=64MB"
        )
        self.run("pg_ctl", "-D", self.data, "-l", self.log, "-w", "-t", "60", "-o", options, "start")

    def stop(self, mode="fast"):
        self.run("pg_ctl", "-D", self.data, "-m", mode, "-w", "stop", check=False)

    def running(self):
        return self.run("pg_ctl", "-D", self.data, "status", check=False).returncode == 0

    def url(self, db="drill"):
        return f"postgres://postgres@127.0.0.1:{self.port}/{db}"

    def sql(self, query, params=None, db="drill"):
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user="postgres", dbname=db, autocommit=True) as conn:
            cursor = conn.execute(query, params)
            return cursor.fetchall() if cursor.description else None


def make_clusters(bindir, base, ports):
    primary = Cluster(bindir, base, "quebec", ports[0])
    standby = Cluster(bindir, base, "montreal", ports[1])
    primary.run("initdb", "-D", primary.data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8")
    # The schema is loaded without fsync (three minutes instead of one on a busy disk); fsync is back on,
    # and a checkpoint has written everything, before the standby is copied and any drilled write is made.
    with open(primary.data / "postgresql.conf", "a") as conf:
        conf.write("fsync = off\n")
    primary.start()
    primary.sql("CREATE DATABASE drill", db="postgres")
    return primary, standby


def attach_standby(primary, standby, synchronous):
    """pg_basebackup -R, then the standby names itself so the primary can wait for it."""
    primary.sql("ALTER SYSTEM SET fsync = on", db="postgres")
    primary.sql("SELECT pg_reload_conf()", db="postgres")
    primary.sql("CHECKPOINT", db="postgres")
    standby.run(
        "pg_basebackup", "-h", "127.0.0.1", "-p", primary.port, "-U", "postgres", "-D", standby.data,
        "-X", "stream", "-R", "-c", "fast",
    )  # fmt: skip
    conninfo = f"host=127.0.0.1 port={primary.port} user=postgres application_name={STANDBY_NAME}"
    with open(standby.data / "postgresql.auto.conf", "a") as conf:
        conf.write(f"primary_conninfo = '{conninfo}'\n")
    standby.start()
    if synchronous:
        primary.sql(f"ALTER SYSTEM SET synchronous_standby_names = 'FIRST 1 ({STANDBY_NAME})'", db="postgres")
        primary.sql("SELECT pg_reload_conf()", db="postgres")
    wanted = "sync" if synchronous else "async"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        rows = primary.sql(
            "SELECT sync_state FROM pg_stat_replication WHERE application_name = %s", [STANDBY_NAME], db="postgres"
        )
        if rows and rows[0][0] == wanted:
            return
        time.sleep(0.1)
    raise RuntimeError(f"the standby never became {wanted} (see {standby.log})")


# --- The application ------------------------------------------------------------------------------
def app_env(database_url):
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "opq_intranet.settings.development",
        "DJANGO_DEBUG": "0",
    }


def migrate(database_url):
    # The schema before the standby exists: its commits need not wait for anyone.
    env = {**app_env(database_url), "PGOPTIONS": "-c synchronous_commit=off"}
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)


def start_django(database_url):
    os.environ.update(app_env(database_url))
    os.environ.pop("PGOPTIONS", None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    # The outage's 500s are the point of the drill; they are counted, not logged with their tracebacks.
    logging.getLogger("django.request").setLevel(logging.CRITICAL)


def drill_clients(workers):
    """The mail room's clerk, signed in (second factor passed) once per worker: their session is in the database."""
    from django.contrib.auth.models import Group
    from django.test import Client

    from opq_intranet.accounts.models import User
    from opq_intranet.accounts.roles import Role
    from opq_intranet.accounts.testing import sign_in
    from opq_intranet.core.models import OrgUnit

    clerk = User.objects.create_user(
        username="exercice.releve", first_name="Exercice", last_name="Relève", org_unit=OrgUnit.objects.get(code="sgd")
    )
    clerk.groups.set(Group.objects.filter(name__in=[str(Role.STAFF), str(Role.MAIL)]))
    return [sign_in(Client(raise_request_exception=False), clerk) for _ in range(workers)]


class Load:
    """Worker threads posting the contact form until `total` writes are acknowledged (or the deadline)."""

    LOCATION = re.compile(r"/contacts/(\d+)/$")

    def __init__(self, clients, total, deadline):
        from django.urls import reverse

        self.url = reverse("courrier:contact_create")
        self.clients, self.total, self.deadline = clients, total, deadline
        self.acked = []  # (monotonic time, id, name)
        self.failures = 0
        self.errors = {}
        self.generation = 0  # bumped when the application is pointed at another database
        self.latencies = []
        self.lock = threading.Lock()
        self.stop = threading.Event()

    def count(self):
        with self.lock:
            return len(self.acked)

    def worker(self, number, client):
        from django.db import connections

        sequence, generation = 0, self.generation
        while not self.stop.is_set() and self.count() < self.total and time.monotonic() < self.deadline:
            if generation != self.generation:
                generation = self.generation
                reload_worker()
            sequence += 1
            name = f"Exercice de relève {number}-{sequence}"
            started = time.monotonic()
            try:
                response = client.post(self.url, {"kind": "organisation", "name": name, "is_active": "on"})
                match = response.status_code == 302 and self.LOCATION.search(response["Location"])
                exc_info = getattr(response, "exc_info", None)
                error = None if match else f"{response.status_code} {exc_info and exc_info[1]}"
            except Exception as exc:  # noqa: BLE001 — a dead server is exactly what this drill provokes
                match, error = None, repr(exc)
            done = time.monotonic()
            with self.lock:
                if match:
                    self.acked.append((done, int(match.group(1)), name))
                    self.latencies.append(done - started)
                else:
                    self.failures += 1
                    self.errors[error.split("\n")[0][:200]] = self.errors.get(error.split("\n")[0][:200], 0) + 1
            if not match:
                time.sleep(0.05)  # the application's retry, not a busy loop
        connections.close_all()

    def start(self):
        self.threads = [
            threading.Thread(target=self.worker, args=(n, c), daemon=True) for n, c in enumerate(self.clients, 1)
        ]
        for thread in self.threads:
            thread.start()

    def join(self):
        for thread in self.threads:
            thread.join(timeout=max(1, self.deadline - time.monotonic()))
        self.stop.set()


def point_application_at(load, port):
    """What production does: a new DATABASE_URL, then `systemctl reload` (gunicorn HUP: new workers)."""
    from django.db import connections

    connections.settings["default"]["PORT"] = str(port)
    load.generation += 1


def reload_worker():
    """A reloaded gunicorn worker starts without the old database connection.

    Not cosmetic: a connection that died inside a transaction can leave Django's wrapper for good in
    "the connection is closed" (seen in the drill: every later request of that worker refused), and
    only a fresh wrapper, as a new worker has, gets out of it."""
    from django.db import connections

    with contextlib.suppress(Exception):
        connections["default"].close()
    del connections["default"]


# --- Private files ---------------------------------------------------------------------------------
def sha256s(directory):
    return {
        str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def replicate_files(base):
    """The private files as the Montréal timer copies them (rsync; over ssh between the sites)."""
    source, target = base / "files-quebec", base / "files-montreal"
    for n in range(20):
        path = source / f"{n % 4:02d}" / f"piece-{n}.bin"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(os.urandom(4096 + n * 97))
    rsync = shutil.which("rsync")
    if not rsync:
        return "private files: not drilled (rsync is not installed)", []
    subprocess.run([rsync, "-a", "--delete", f"{source}/", f"{target}/"], check=True)  # noqa: S603
    expected, copied = sha256s(source), sha256s(target)
    missing = [name for name, digest in expected.items() if copied.get(name) != digest]
    return f"private files: {len(expected) - len(missing)}/{len(expected)} replicated, SHA-256 identical" + (
        f"; MISSING OR DIFFERENT: {missing}" if missing else ""
    ), missing


# --- The drill ---------------------------------------------------------------------------------------
def drill(args):
    bindir = find_bindir()
    if bindir is None:
        print("drill: PostgreSQL server binaries not found (Debian's 'postgresql' package); nothing run")
        return UNAVAILABLE
    base = Path(tempfile.mkdtemp(prefix="opq-failover-"))
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
    ports = (args.primary_port or free_port(), args.standby_port or free_port())
    synchronous = not args.asynchronous
    clusters = []
    try:
        primary, standby = make_clusters(bindir, base, ports)
        clusters = [primary, standby]
        began = time.monotonic()
        migrate(primary.url())
        print(f"drill: schema migrated on the primary (127.0.0.1:{primary.port}) in {time.monotonic() - began:.1f} s")
        attach_standby(primary, standby, synchronous)
        print(
            f"drill: standby '{STANDBY_NAME}' on 127.0.0.1:{standby.port} streaming, "
            f"{'synchronous' if synchronous else 'ASYNCHRONOUS'}"
        )
        start_django(primary.url())
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SHOW synchronous_commit")
            commit = cursor.fetchone()[0]
            cursor.execute("SHOW fsync")
            print(f"drill: the application's synchronous_commit = {commit}, fsync = {cursor.fetchone()[0]}")
        clients = drill_clients(args.workers)
        load = Load(clients, args.writes, deadline=time.monotonic() + args.timeout)
        load.start()
        while load.count() < args.writes // 2 and time.monotonic() < load.deadline:
            time.sleep(0.005)
        before = load.count()
        crashed = time.monotonic()
        primary.stop("immediate")
        stopped = time.monotonic()
        print(f"drill: primary stopped hard (-m immediate) after {before} acknowledged writes, under load")
        standby.run("pg_ctl", "-D", standby.data, "-w", "-t", "60", "promote")
        promoted = time.monotonic()
        point_application_at(load, standby.port)
        print(
            f"drill: standby promoted in {promoted - stopped:.2f} s; "
            f"application pointed at 127.0.0.1:{standby.port} and reloaded"
        )
        load.join()

        acked = list(load.acked)
        after = [t for t, _, _ in acked if t > stopped]
        ids = [pk for _, pk, _ in acked]
        found = dict(standby.sql("SELECT id, name FROM courrier_contact WHERE id = ANY(%s)", [ids]))
        lost = [(pk, name) for _, pk, name in acked if found.get(pk) != name]
        if primary.running():
            raise RuntimeError("the old primary is still running: fence it before promoting (split brain)")
        files, missing_files = replicate_files(base)
        latencies = sorted(load.latencies)
        median = latencies[len(latencies) // 2] * 1000 if latencies else 0
        print(
            f"drill: {len(acked)} writes acknowledged ({before} before the stop, {len(after)} after), "
            f"{load.failures} refused during the outage; median write {median:.1f} ms"
        )
        print(f"drill: {files}")
        for error, count in sorted(load.errors.items(), key=lambda e: -e[1])[:5]:
            print(f"drill:   refused {count}×: {error}")
        if not after:
            print("drill: FAILED: no write was acknowledged after the fail-over")
            return 1
        print(f"Recovery time: {min(after) - crashed:.2f} s (primary stopped → first write on the standby)")
        print(f"{len(lost)} acknowledged writes lost")
        if lost:
            print(f"drill: lost: {lost[:10]}{' …' if len(lost) > 10 else ''}")
        return 1 if lost or missing_files else 0
    finally:
        with contextlib.suppress(Exception):
            from django.db import connections

            connections.close_all()
        for cluster in clusters:
            cluster.stop("immediate")
        shutil.rmtree(base, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--writes", type=int, default=300, help="acknowledged writes in all (half before the crash)")
    parser.add_argument("--workers", type=int, default=4, help="concurrent clients")
    parser.add_argument("--timeout", type=float, default=120, help="seconds the load may take at most")
    parser.add_argument("--primary-port", type=int, default=0, help="default: a free loopback port")
    parser.add_argument("--standby-port", type=int, default=0, help="default: a free loopback port")
    parser.add_argument("--async", dest="asynchronous", action="store_true", help="no synchronous standby")
    parser.add_argument("--check", action="store_true", help="exit 0 if the drill can run here, 2 if not")
    args = parser.parse_args()
    if args.check:
        return 0 if find_bindir() else UNAVAILABLE
    try:
        return drill(args)
    except (RuntimeError, subprocess.CalledProcessError) as error:
        print(f"drill: FAILED: {error}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
