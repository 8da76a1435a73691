"""Where phones can reach this server: PUBLIC_URL, or the laptop's address on the LAN."""

import ipaddress

import psutil
from flask import current_app, request

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}


def lan_addresses() -> list[str]:
    """This machine's private IPv4 addresses, most likely Wi-Fi first; read, not probed."""
    found = []
    for addresses in psutil.net_if_addrs().values():
        for address in addresses:
            if address.family.name != "AF_INET":
                continue
            ip = ipaddress.ip_address(address.address)
            if ip.is_private and not ip.is_loopback and not ip.is_link_local:
                found.append(address.address)
    preference = ("192.168.", "10.", "172.")
    return sorted(
        set(found),
        key=lambda ip: next((i for i, p in enumerate(preference) if ip.startswith(p)), 9),
    )


def _request_host_is_local() -> bool:
    return request.host.rsplit(":", 1)[0].lower() in LOCAL_HOSTS


def public_base_url() -> str:
    """The base URL to print in QR codes and on the projector."""
    configured = current_app.config.get("PUBLIC_URL")
    if configured:
        return configured
    if not _request_host_is_local():
        return request.host_url.rstrip("/")
    addresses = lan_addresses()
    port = request.host.rsplit(":", 1)[1] if ":" in request.host else "80"
    if not addresses:
        return request.host_url.rstrip("/")
    suffix = "" if port == "80" else f":{port}"
    return f"http://{addresses[0]}{suffix}"


def phones_can_reach_server() -> bool:
    """False when the server listens on loopback only and no PUBLIC_URL is set."""
    if current_app.config.get("PUBLIC_URL"):
        return True
    return current_app.config.get("HOST", "127.0.0.1") not in LOCAL_HOSTS
