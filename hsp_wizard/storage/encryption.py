"""Password protection for project files: AES-256-GCM under a key derived from the password with Argon2id.

An encrypted project is a small JSON envelope::

    {"format": "hsp-wizard-encrypted-project", "envelope_version": 1,
     "kdf": {"name": "argon2id", "salt": B64, "memory_kib": 65536, "iterations": 12, "lanes": 2, "check": B64},
     "cipher": "aes-256-gcm", "nonce": B64, "ciphertext": B64}

The plaintext is the project file exactly as an unprotected save writes it, so versions and validation work the
same. The envelope without its ciphertext (canonical JSON) is the cipher's associated data: changing the salt, the
parameters or the nonce is detected like a change to the ciphertext. Argon2id gives 64 bytes: the first 32 are the
AES key, the last 32 are stored as `check`, so a wrong password is told apart from a changed file (they cannot be
used to find the key any faster than the password itself).

The key is derived once per password (about 0.3 s here); saves and autosaves reuse it with a fresh random nonce
each time, so typing is never held up by the KDF. Changing the password makes a new salt.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import os
from dataclasses import dataclass

from hsp_wizard.domain.explain import Msg, N_

ENCRYPTED_FORMAT = "hsp-wizard-encrypted-project"
ENVELOPE_VERSION = 1
CIPHER = "aes-256-gcm"

# Argon2id: 64 MiB, 12 passes, 2 lanes: about 0.3 s on a 2-core CI machine (KeePassXC aims at 1 s; OWASP's minimum
# is 19 MiB and 2 passes). Files state their own parameters, so these can be raised later without breaking old files.
MEMORY_KIB = 64 * 1024
ITERATIONS = 12
LANES = 2
# A file cannot ask for more than this (a hostile file must not make opening it take minutes or all the memory).
MAX_MEMORY_KIB = 256 * 1024
MAX_COST = 64 * 1024 * 32   # memory_kib x iterations: about twice our own default
MIN_MEMORY_KIB = 19 * 1024  # OWASP's minimum: a file asking for less is refused as not ours
SALT_BYTES = 32
NONCE_BYTES = 12
MIN_PASSWORD_CHARS = 8


class EncryptionError(Exception):
    """Why an encrypted project cannot be opened; `msg` is translatable."""

    def __init__(self, msg: Msg):
        self.msg = msg
        super().__init__(msg.render())


class PasswordNeeded(EncryptionError):
    def __init__(self):
        super().__init__(Msg.of(N_("This project is protected by a password")))


class WrongPassword(EncryptionError):
    def __init__(self):
        super().__init__(Msg.of(N_("The password is not right")))


class Tampered(EncryptionError):
    def __init__(self):
        super().__init__(Msg.of(N_("The password is right, but the file was changed or damaged after it was "
                                   "saved; it cannot be opened")))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text, size: int | None = None, what: str = "") -> bytes:
    if not isinstance(text, str):
        raise EncryptionError(Msg.of(N_("The encrypted file is damaged ({part})"), part=what))
    try:
        data = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise EncryptionError(Msg.of(N_("The encrypted file is damaged ({part})"), part=what)) from None
    if base64.b64encode(data).decode("ascii") != text:  # one spelling only: no stray bits, no whitespace
        raise EncryptionError(Msg.of(N_("The encrypted file is damaged ({part})"), part=what))
    if size is not None and len(data) != size:
        raise EncryptionError(Msg.of(N_("The encrypted file is damaged ({part})"), part=what))
    return data


@dataclass(frozen=True)
class KdfParams:
    salt: bytes
    memory_kib: int = MEMORY_KIB
    iterations: int = ITERATIONS
    lanes: int = LANES

    def derive(self, password: str) -> tuple[bytes, bytes]:
        """(AES key, password check) from the password."""
        from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
        out = Argon2id(salt=self.salt, length=64, iterations=self.iterations, lanes=self.lanes,
                       memory_cost=self.memory_kib).derive(password.encode("utf-8"))
        return out[:32], out[32:]

    def as_json(self, check: bytes) -> dict:
        return {"name": "argon2id", "salt": _b64(self.salt), "memory_kib": self.memory_kib,
                "iterations": self.iterations, "lanes": self.lanes, "check": _b64(check)}

    @classmethod
    def from_json(cls, raw) -> tuple[KdfParams, bytes]:
        if not isinstance(raw, dict) or raw.get("name") != "argon2id" or \
                set(raw) != {"name", "salt", "memory_kib", "iterations", "lanes", "check"}:
            raise EncryptionError(Msg.of(N_("The encrypted file is damaged ({part})"), part="kdf"))
        nums = [raw["memory_kib"], raw["iterations"], raw["lanes"]]
        if not all(isinstance(n, int) and not isinstance(n, bool) for n in nums):
            raise EncryptionError(Msg.of(N_("The encrypted file is damaged ({part})"), part="kdf"))
        memory, iterations, lanes = nums
        if not (MIN_MEMORY_KIB <= memory <= MAX_MEMORY_KIB and 1 <= iterations and 1 <= lanes <= 16
                and memory >= 8 * lanes and memory * iterations <= MAX_COST):
            raise EncryptionError(Msg.of(N_("The encrypted file asks for key settings this program does not "
                                            "accept (memory {memory} KiB, {iterations} passes)"),
                                         memory=memory, iterations=iterations))
        return (cls(_unb64(raw["salt"], SALT_BYTES, "salt"), memory, iterations, lanes),
                _unb64(raw["check"], 32, "check"))


class SealKey:
    """A password's key while a protected project is open: seals every save and autosave of it."""

    def __init__(self, params: KdfParams, key: bytes, check: bytes):
        self._params = params
        self._key = key
        self._check = check

    def __repr__(self) -> str:  # never the key
        return "SealKey(argon2id)"

    @classmethod
    def from_password(cls, password: str, params: KdfParams | None = None) -> SealKey:
        """A new key (a new random salt unless `params` are given): this is the slow step."""
        params = params or KdfParams(os.urandom(SALT_BYTES))
        key, check = params.derive(password)
        return cls(params, key, check)

    def _header(self, nonce: bytes) -> dict:
        return {"format": ENCRYPTED_FORMAT, "envelope_version": ENVELOPE_VERSION,
                "kdf": self._params.as_json(self._check), "cipher": CIPHER, "nonce": _b64(nonce)}

    def seal(self, plaintext: bytes) -> bytes:
        """The encrypted file's bytes for `plaintext` (a fresh nonce every time)."""
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM
        nonce = os.urandom(NONCE_BYTES)
        header = self._header(nonce)
        ciphertext = AESGCM(self._key).encrypt(nonce, plaintext, _associated(header))
        return (json.dumps({**header, "ciphertext": _b64(ciphertext)}, indent=2) + "\n").encode("ascii")

    def matches(self, params: KdfParams, check: bytes) -> bool:
        return params == self._params and hmac.compare_digest(check, self._check)


def _associated(header: dict) -> bytes:
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("ascii")


def is_sealed(raw) -> bool:
    """Whether a parsed JSON document is an encrypted project envelope."""
    return isinstance(raw, dict) and raw.get("format") == ENCRYPTED_FORMAT


def unseal(raw: dict, password: str | None = None, key: SealKey | None = None) -> tuple[bytes, SealKey]:
    """The plaintext of a parsed envelope and the key that opened it (reusable for its saves). With `key`, the
    password is not asked again when the envelope was sealed with that key's salt and parameters."""
    version = raw.get("envelope_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < ENVELOPE_VERSION:
        raise EncryptionError(Msg.of(N_("The encrypted file is damaged ({part})"), part="envelope_version"))
    if version > ENVELOPE_VERSION:
        raise EncryptionError(Msg.of(N_("This encrypted project was saved by a newer version of HSP Wizard "
                                        "(envelope version {file}); the file was not changed"), file=version))
    if set(raw) != {"format", "envelope_version", "kdf", "cipher", "nonce", "ciphertext"} or raw["cipher"] != CIPHER:
        raise EncryptionError(Msg.of(N_("The encrypted file is damaged ({part})"), part="header"))
    params, check = KdfParams.from_json(raw["kdf"])
    nonce = _unb64(raw["nonce"], NONCE_BYTES, "nonce")
    ciphertext = _unb64(raw["ciphertext"], None, "ciphertext")
    if key is None or not key.matches(params, check):
        if password is None:
            raise PasswordNeeded()
        key = SealKey.from_password(password, params)
        if not hmac.compare_digest(key._check, check):
            raise WrongPassword()
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    header = {k: raw[k] for k in ("format", "envelope_version", "kdf", "cipher", "nonce")}
    try:
        return AESGCM(key._key).decrypt(nonce, ciphertext, _associated(header)), key
    except InvalidTag:
        raise Tampered() from None


def password_problem(password: str, confirm: str) -> Msg | None:
    """Why a new password cannot be used, or None."""
    if len(password) < MIN_PASSWORD_CHARS:
        return Msg.of(N_("Use at least {count} characters"), count=MIN_PASSWORD_CHARS)
    if password != confirm:
        return Msg.of(N_("The two passwords are not the same"))
    return None
