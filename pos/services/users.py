"""Users and PINs (PBKDF2; a PIN is short, so the salt and iterations matter)."""

import hashlib
import hmac
import secrets

from sqlalchemy import select

from pos.domain import text
from pos.domain.errors import NotFoundError, ValidationError
from pos.domain.roles import ROLES
from pos.persistence.models import User
from pos.persistence.uow import UnitOfWork

_ITERATIONS = 120_000


def hash_pin(pin: str) -> str:
    if not pin.isdigit() or not 4 <= len(pin) <= 8:
        raise ValidationError("O PIN tem de ter 4 a 8 algarismos.")
    salt = secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), _ITERATIONS)
    return f"pbkdf2${_ITERATIONS}${salt}${digest.hex()}"


def check_pin(stored: str, pin: str) -> bool:
    _, iterations, salt, digest = stored.split("$")
    got = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), int(iterations))
    return hmac.compare_digest(got.hex(), digest)


def add(uow: UnitOfWork, login: str, name: str, role: str, pin: str) -> None:
    session = uow.session
    if role not in ROLES:
        raise ValidationError(f"Perfil desconhecido: {role}.")
    login = text.USER(login)
    name = text.check_text(name, "o nome do utilizador", 60)        # users.name
    session.add(User(login=login, name=name, role=role, pin_hash=hash_pin(pin), active=True))


def get(uow: UnitOfWork, login: str) -> User:
    session = uow.session
    user = session.scalars(select(User).where(User.login == login, User.active)).first()
    if user is None:
        raise NotFoundError(f"Utilizador desconhecido: {login}.")
    return user


def authenticate(uow: UnitOfWork, login: str, pin: str) -> User:
    user = get(uow, login)
    if not check_pin(user.pin_hash, pin):
        raise ValidationError("PIN errado.")
    return user
