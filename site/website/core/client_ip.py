"""The client's IP address, trusting X-Forwarded-For only as far as the configured proxies."""

from ipaddress import ip_address

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The address of whoever sent the request, for rate limits and login throttling.

    Each trusted proxy appends the address it received the request from, so with N trusted
    proxies the client is the Nth address from the right. Anything to the left of it was sent
    by the client and proves nothing. With no trusted proxies the header is ignored.
    """
    remote_addr = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote_addr
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < proxies:
        return remote_addr
    candidate = forwarded[-proxies]
    try:
        return str(ip_address(candidate))
    except ValueError:
        return remote_addr


def client_ip_for_axes(request: HttpRequest) -> str:
    """django-axes' hook (AXES_CLIENT_IP_CALLABLE): the same rule as everywhere else."""
    return client_ip(request)
