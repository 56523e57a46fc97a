"""Settings come from the environment; production refuses to start without a secret key."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _import_settings(module: str, **env: str) -> subprocess.CompletedProcess:
    environment = {
        k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DATABASE_URL", "REDIS_URL")
    }
    environment.update(env)
    code = (
        f"import sys; sys.path[:0] = ['site', '.']; import website.settings.{module} as s; "
        "print(s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'], s.DEBUG)"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_secret_key():
    result = _import_settings("production")
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


def test_production_starts_with_secret_key():
    result = _import_settings("production", SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[2] == "False"


def test_defaults_are_sqlite_and_local_memory():
    out = _import_settings("dev").stdout.split()
    assert out[:2] == [
        "django.db.backends.sqlite3",
        "django.core.cache.backends.locmem.LocMemCache",
    ]


def test_database_and_redis_from_environment():
    out = _import_settings(
        "dev", DATABASE_URL="postgres://u@127.0.0.1:5432/hub", REDIS_URL="redis://127.0.0.1:6379/1"
    ).stdout.split()
    assert out[:2] == [
        "django.db.backends.postgresql",
        "django.core.cache.backends.redis.RedisCache",
    ]


def test_deploy_check_is_clean():
    environment = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "SECRET_KEY": "a-long-random-production-key-9f8e7d6c5b4a3210-zyxwvutsrq",
        "ALLOWED_HOSTS": "hub.example.org",
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
