"""The private files' side of a set: a tar archive (Python's tarfile) and every file's SHA-256."""

import hashlib
import tarfile
from pathlib import Path

CHUNK = 1024 * 1024


def sha256_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class _HashingReader:
    """Hashes what tarfile reads, so each file is read once for the archive and its checksum."""

    def __init__(self, handle):
        self.handle, self.digest = handle, hashlib.sha256()

    def read(self, size=-1):
        data = self.handle.read(size)
        self.digest.update(data)
        return data


def all_files(root):
    root = Path(root)
    if not root.exists():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def archive(root, path):
    """Write every regular file under `root` into the tar at `path`; returns {relative path: sha256}."""
    root = Path(root)
    checksums = {}
    with tarfile.open(path, "w", format=tarfile.PAX_FORMAT) as tar:
        for file in all_files(root):
            name = file.relative_to(root).as_posix()
            info = tar.gettarinfo(str(file), arcname=name)
            with open(file, "rb") as handle:
                reader = _HashingReader(handle)
                tar.addfile(info, reader)
            checksums[name] = reader.digest.hexdigest()
    return checksums


def check_archive(path, expected):
    """Raise ValueError unless the tar lists exactly the expected regular files, nothing else."""
    with tarfile.open(path, "r") as tar:
        members = tar.getmembers()
    names = {m.name for m in members if m.isfile()}
    others = [m.name for m in members if not m.isfile()]
    if others:
        raise ValueError(f"the file archive holds entries that are not regular files: {others[:5]}")
    if names != set(expected):
        missing, extra = set(expected) - names, names - set(expected)
        raise ValueError(f"the file archive does not match the manifest (missing {len(missing)}, extra {len(extra)})")


def extract(path, root):
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(path, "r") as tar:
        tar.extractall(root, filter="data")  # no absolute paths, no '..', no devices


def checksums(root):
    root = Path(root)
    return {f.relative_to(root).as_posix(): sha256_file(f) for f in all_files(root)}
