"""Encryption of the pieces of a set: the age format (age-encryption.org/v1) through pyrage.

age streams in authenticated 64 KiB chunks, so a flipped byte or a cut file fails to decrypt;
nothing here builds its own construction from primitives.
"""

import shutil

import pyrage

SCHEME = "age-x25519"


class BadKeyError(ValueError):
    pass


def identity(key):
    try:
        return pyrage.x25519.Identity.from_str(key.strip())
    except Exception as exc:  # pyrage raises its own types for malformed keys
        raise BadKeyError("BACKUP_KEY is not an age identity (AGE-SECRET-KEY-1…)") from exc


def encrypt(src, dst, key):
    """Encrypt `src` to `dst` for the identity's recipient; without a key, copy (dev and tests)."""
    if not key:
        shutil.copyfile(src, dst)
        return
    pyrage.encrypt_file(str(src), str(dst), [identity(key).to_public()])


def decrypt(src, dst, key, scheme):
    """Decrypt `src` to `dst`; raises ValueError when the piece is not whole or the key is wrong."""
    if scheme == "none":
        shutil.copyfile(src, dst)
        return
    if scheme != SCHEME:
        raise ValueError(f"unknown encryption scheme {scheme!r}")
    if not key:
        raise ValueError("the set is encrypted and BACKUP_KEY is empty")
    try:
        pyrage.decrypt_file(str(src), str(dst), [identity(key)])
    except (pyrage.DecryptError, OSError) as exc:  # a cut stream surfaces as an OSError
        reason = "the piece is damaged, cut short, or the key is not this set's"
        raise ValueError(f"decryption failed ({exc}): {reason}") from exc
