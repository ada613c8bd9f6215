"""A private ClamAV daemon for the tests: Debian's `clamd` in the foreground, with its own
configuration and a one-signature database in a temporary directory.

The database is a single body signature (.ndb) of the EICAR test string, so that it loads in
about a second and the EICAR text is found alone or inside an accepted file (a PDF). No
freshclam, no TCP socket, no log file outside the directory: the daemon listens on a unix
socket in the directory only, and runs as the user who starts it.

The EICAR string is built from two halves so that the repository never holds it whole (a
scanner on a developer's machine would otherwise quarantine this file)."""

import shutil
import socket
import subprocess
import time
from pathlib import Path

EICAR = (
    b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$"  # first half
    + b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"  # second half
)
SIGNATURE_NAME = "Opq-Test-Eicar"
START_SECONDS = 30

CONFIG = """\
Foreground yes
LocalSocket {directory}/clamd.sock
LocalSocketMode 600
DatabaseDirectory {directory}/db
TemporaryDirectory {directory}/tmp
LogSyslog no
LogTime no
SelfCheck 0
Bytecode no
MaxThreads 2
StreamMaxLength 64M
"""


def clamd_binary():
    """Debian's clamd (/usr/sbin is not on every user's PATH), or None."""
    return shutil.which("clamd") or next((p for p in ("/usr/sbin/clamd",) if Path(p).is_file()), None)


def ping(address, timeout=1.0):
    """True when a daemon answers PONG on the unix socket `address`."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(timeout)
            sock.connect(address)
            sock.sendall(b"zPING\0")
            return sock.recv(16).rstrip(b"\0\n") == b"PONG"
    except OSError:
        return False


class Clamd:
    """`with Clamd(directory) as address:` a running daemon's socket path; stopped on exit."""

    def __init__(self, directory):
        self.directory = Path(directory)
        self.process = None

    @property
    def log(self):
        return self.directory / "clamd.log"

    @property
    def address(self):
        return str(self.directory / "clamd.sock")

    def start(self):
        binary = clamd_binary()
        if binary is None:
            raise FileNotFoundError("clamd")
        (self.directory / "db").mkdir(parents=True, exist_ok=True)
        (self.directory / "tmp").mkdir(exist_ok=True)
        (self.directory / "db" / "test.ndb").write_text(f"{SIGNATURE_NAME}:0:*:{EICAR.hex()}\n")
        config = self.directory / "clamd.conf"
        config.write_text(CONFIG.format(directory=self.directory))
        # Its messages go to a file of the directory (a pipe nobody reads could fill and stall it).
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                [binary, f"--config-file={config}"], stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                output = self.log.read_text(errors="replace")
                raise RuntimeError(f"clamd stopped at start (exit {self.process.returncode}):\n{output}")
            if ping(self.address):
                return self.address
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"clamd did not answer PING within {START_SECONDS} s")

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
