"""Small readers for settings that come from environment variables."""

import os


def env_str(name: str, default: str = "") -> str:
    """The variable's value, or the default when it is unset or empty."""
    return os.environ.get(name, "").strip() or default


def env_bool(name: str, default: bool = False) -> bool:
    """True for 1/true/yes/on (any case), False for 0/false/no/off, else the default."""
    value = os.environ.get(name, "").strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    return default


def env_int(name: str, default: int) -> int:
    """The variable as an integer, or the default when unset."""
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def env_float(name: str, default: float) -> float:
    """The variable as a float, or the default when unset."""
    value = os.environ.get(name, "").strip()
    return float(value) if value else default


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    """A comma-separated variable as a list of non-empty, stripped items."""
    value = os.environ.get(name, "")
    items = [item.strip() for item in value.split(",") if item.strip()]
    return items or list(default or [])
