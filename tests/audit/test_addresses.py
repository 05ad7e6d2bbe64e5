"""Which addresses the audit may connect to: a table of addresses and what they are."""

from __future__ import annotations

import pytest

from audit.core.addresses import address_class, refused_address


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("127.0.0.1", "loopback"),
        ("127.255.0.9", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("172.31.255.254", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),  # the clouds' metadata service
        ("169.254.0.1", "link-local"),
        ("fe80::1", "link-local"),
        ("fe80::1%eth0", "link-local"),
        ("fd00::1", "unique local"),
        ("fc00::1", "unique local"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("255.255.255.255", "reserved"),
        ("100.64.0.1", "not public"),  # carrier-grade NAT
        ("::ffff:127.0.0.1", "loopback"),  # IPv4 mapped into IPv6
        ("::ffff:169.254.169.254", "link-local"),
        ("2002:a00:1::", "private"),  # 6to4 wrapping 10.0.0.1
        ("not an address", "not an address"),
        # Public.
        ("8.8.8.8", None),
        ("81.2.69.160", None),
        ("172.32.0.1", None),  # just past 172.16.0.0/12
        ("2a00:1450:4009:81f::200e", None),
        ("::ffff:8.8.8.8", None),
    ],
)
def test_address_class(address: str, expected: str | None) -> None:
    assert address_class(address) == expected


@pytest.mark.parametrize(
    ("url", "address", "allowed", "expected"),
    [
        # A council audits its own site, often on a private address: allowed by name, any
        # address will do.
        ("http://127.0.0.1:8000/", "127.0.0.1", ["127.0.0.1:8000"], None),
        ("http://staging.anytown.internal/", "10.0.0.7", ["staging.anytown.internal"], None),
        ("http://anytown.gov.uk/", "169.254.169.254", ["anytown.gov.uk"], None),
        # Any other host must be public.
        ("http://metadata.example/", "169.254.169.254", [], "a link-local address"),
        ("http://127.0.0.1:9000/", "127.0.0.1", ["127.0.0.1:8000"], "a loopback address"),
        ("http://intranet.example/", "192.168.0.2", ["anytown.gov.uk"], "a private address"),
        ("http://cdn.example/", "8.8.8.8", [], None),
    ],
)
def test_refused_address(url: str, address: str, allowed: list[str], expected: str | None) -> None:
    assert refused_address(url, address, allowed) == expected
