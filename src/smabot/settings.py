"""All configuration, read from SMABOT_* environment variables and nowhere else."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Literal

import psycopg
from psycopg.conninfo import conninfo_to_dict
from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

MIN_TOKEN_CHARS = 16
PACKAGE_DIR = Path(__file__).resolve().parent
# A checkout keeps corpus/ and web/ at the repo root; a wheel carries them in _bundled/.
_REPO_ROOT = PACKAGE_DIR.parents[1]
_BUNDLED = PACKAGE_DIR / "_bundled"


def bundled_dir(name: str) -> Path:
    """The shipped copy of `corpus` or `web`, from a checkout or from the installed wheel."""
    packaged = _BUNDLED / name
    return packaged if packaged.is_dir() else _REPO_ROOT / name


class Settings(BaseSettings):
    """smabot settings; each field is read from SMABOT_<FIELD>."""

    model_config = SettingsConfigDict(env_prefix="SMABOT_", extra="ignore")

    corpus: Path | None = None
    index: Path | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    locale: str = ""
    # a SQLite file (the embedded default) or postgresql://… for a fleet of replicas
    db: str = "smabot.sqlite3"
    allowed_origins: str = "*"
    admin_token: str = ""
    rate_limit_per_minute: int = Field(default=30, ge=0)
    # memory:// (each process counts alone) or redis://host:port/0 (shared by the fleet)
    rate_limit_storage: str = "memory://"
    # how often a replica asks PostgreSQL for a newly published build
    sync_seconds: float = Field(default=2.0, gt=0, le=60)
    log_format: Literal["text", "json"] = "text"
    retention_days: int = Field(default=90, ge=1)
    review_max_age_days: int = Field(default=365, ge=1)
    gate_questions: Path | None = None
    gate_min_hit_at_3: float = Field(default=0.8, ge=0, le=1)
    trusted_proxies: str = ""
    log_client_ip: bool = False
    body_timeout_seconds: float = Field(default=10.0, gt=0, le=300)

    @field_validator("admin_token")
    @classmethod
    def _strong_token(cls, token: str) -> str:
        """A set token must be a real secret: no blank, no short guessable word."""
        if token and not token.strip():
            raise ValueError("is blank: unset it, or set a random token of 16+ characters")
        if token and len(token.strip()) < MIN_TOKEN_CHARS:
            raise ValueError(f"must be at least {MIN_TOKEN_CHARS} characters, or unset")
        return token.strip()

    @field_validator("rate_limit_storage")
    @classmethod
    def _known_storage(cls, uri: str) -> str:
        """Only the storages smabot is tested with."""
        if not uri.startswith(("memory://", "redis://", "rediss://", "redis+unix://")):
            raise ValueError("must be memory:// or a redis://host:port/db address")
        return uri

    @field_validator("db", mode="before")
    @classmethod
    def _database(cls, target: object) -> str:
        """A file path, or a PostgreSQL URL (not another database's)."""
        target = str(target) if isinstance(target, Path) else target
        if not isinstance(target, str) or not target.strip():
            raise ValueError("is blank: a SQLite file path or a postgresql://… address")
        if "://" in target and not target.startswith(("postgresql://", "postgres://")):
            raise ValueError("must be a SQLite file path or a postgresql://… address")
        if "://" in target:
            try:
                conninfo_to_dict(target.strip())
            except psycopg.Error:  # its message may quote the password: say nothing of it
                raise ValueError(
                    "is not a readable postgresql://user:password@host/db address"
                ) from None
        return target.strip()

    def proxies(self) -> list[str]:
        """Addresses whose X-Forwarded-For is believed (uvicorn's forwarded-allow-ips)."""
        return [p.strip() for p in self.trusted_proxies.split(",") if p.strip()]

    def as_environment(self) -> dict[str, str]:
        """These settings as SMABOT_* variables, for worker processes to read back."""
        values = self.model_dump(exclude_none=True)
        values.update(corpus=self.corpus_dir().resolve(), index=self.index_dir().resolve())
        return {f"SMABOT_{key.upper()}": str(value) for key, value in values.items()}

    def corpus_dir(self) -> Path:
        """The corpus folder: SMABOT_CORPUS, else ./corpus, else the bundled corpus."""
        if self.corpus is not None:
            return self.corpus
        local = Path("corpus")
        return local if (local / "sources").is_dir() else bundled_dir("corpus")

    def index_dir(self) -> Path:
        """The index folder: SMABOT_INDEX, else one derived from the corpus path."""
        if self.index is not None:
            return self.index
        return default_index_dir(self.corpus_dir())

    def origins(self) -> list[str]:
        """Origins allowed to call the public API and frame /embed; ["*"] means any."""
        found = [o.strip().rstrip("/") for o in self.allowed_origins.split(",") if o.strip()]
        return ["*"] if not found or "*" in found else found

    def gate_dir(self) -> Path:
        """Regression questions for the gate: SMABOT_GATE_QUESTIONS, else <corpus>/questions."""
        return self.gate_questions or self.corpus_dir() / "questions"

    def web_dir(self) -> Path:
        """Templates and static files of the chat page."""
        return bundled_dir("web")


def default_index_dir(corpus: Path) -> Path:
    """`<corpus>/.index` when writable, else a per-corpus folder in the user's cache."""
    corpus = corpus.resolve()
    if os.access(corpus, os.W_OK):
        return corpus / ".index"
    digest = hashlib.sha256(str(corpus).encode()).hexdigest()[:12]
    return Path.home() / ".cache" / "smabot" / f"index-{digest}"
