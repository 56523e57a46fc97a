"""Per-address rate limits for public forms, counted in the cache (Redis when configured)."""

import logging
from dataclasses import dataclass
from ipaddress import IPv6Address, ip_address, ip_network

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from website.core.client_ip import client_ip

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RateLimitResult:
    """How many posts this address made to this form in the current window, and what follows."""

    count: int
    hold: bool  # over the soft limit: keep the submission but hold it for review
    block: bool  # over the hard limit: refuse with a 429 page, store nothing


def _address_key(ip: str) -> str:
    """The address counted: IPv6 by its /64, since one household gets a whole /64."""
    try:
        address = ip_address(ip)
    except ValueError:
        return "unknown"
    if isinstance(address, IPv6Address):
        return str(ip_network(f"{address}/64", strict=False).network_address)
    return str(address)


def rate_limit_check(*, request: HttpRequest, scope: str) -> RateLimitResult:
    """Counts this POST against the address's fixed window for `scope` and says what to do."""
    window = settings.PUBLIC_FORM_RATE_WINDOW_SECONDS
    key = f"public-form-rate:{scope}:{_address_key(client_ip(request))}"
    try:
        cache.add(key, 0, timeout=window)
        try:
            count = cache.incr(key)
        except ValueError:  # the window ended between add() and incr()
            cache.set(key, count := 1, timeout=window)
    except Exception:  # the cache being down must not stop residents taking part
        logger.warning("Rate limit cache unavailable", exc_info=True)
        return RateLimitResult(count=0, hold=False, block=False)
    return RateLimitResult(
        count=count,
        hold=count > settings.PUBLIC_FORM_RATE_HOLD_AFTER,
        block=count > settings.PUBLIC_FORM_RATE_BLOCK_AFTER,
    )
