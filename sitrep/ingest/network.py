"""Fetching URLs safely: public addresses only, one deadline per URL, a size cap.

- Every host is resolved and refused when any of its addresses is private, loopback,
  link-local, multicast, reserved or unspecified (unless ``allow_private``): a feed item or a
  redirect must not make sitrep read an intranet page or a cloud metadata service. The check
  runs before each request, on every redirect hop (redirects are followed here, not by httpx),
  and again on the address actually connected to (a name that resolves differently the second
  time is caught). ``allow_hosts`` names hosts trusted all the same (an intranet feed server).
- ``timeout`` is a total deadline for the URL, redirects included, not a per-read timeout: a
  server that drips one byte a second cannot hold a fetch. The fetch runs in a daemon thread
  that is abandoned at the deadline, so even a server dripping its headers is bounded.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlparse

from sitrep.config import IngestOptions
from sitrep.errors import FetchError

ALLOWED_SCHEMES = ("http", "https")


@dataclass
class Response:
    url: str  # after redirects
    body: bytes
    content_type: str
    charset: str | None


def _non_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_reserved
            or ip.is_unspecified or not ip.is_global)


def check_address(address: str, url: str) -> None:
    """FetchError when ``address`` (an IP) is not a public one."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        raise FetchError(f"{url}: cannot read the address '{address}'") from None
    if _non_public(ip):
        raise FetchError(f"{url}: refused: {ip} is a private, loopback or link-local address "
                         "(use --allow-private to fetch from your own network)")


def check_url(url: str, options: IngestOptions) -> None:
    """FetchError unless ``url`` is http(s) to a host whose every address is public."""
    parts = urlparse(url)
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise FetchError(f"{url}: refused: only http and https URLs are fetched")
    host = parts.hostname
    if not host:
        raise FetchError(f"{url}: no host in URL")
    if options.allow_private or _allowed_host(host, options):
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchError(f"{url}: invalid port") from None
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise FetchError(f"{url}: cannot resolve host '{host}' ({exc.__class__.__name__})") from None
    for info in infos:
        check_address(str(info[4][0]), url)


def _allowed_host(host: str, options: IngestOptions) -> bool:
    return host.lower().strip("[]") in {h.lower().strip("[]") for h in options.allow_hosts}


def _peer_address(response) -> str | None:  # noqa: ANN001 - httpx.Response
    stream = response.extensions.get("network_stream")
    if stream is None:
        return None
    try:
        addr = stream.get_extra_info("server_addr")
    except Exception:  # noqa: BLE001 - transports differ; the pre-check still ran
        return None
    return str(addr[0]) if addr else None


def _fetch(url: str, client, options: IngestOptions, deadline: float, cancelled: threading.Event) -> Response:  # noqa: ANN001
    import httpx

    current = url
    for _hop in range(options.max_redirects + 1):
        check_url(current, options)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError(f"{url}: timed out after {options.timeout:g}s")
        request = client.build_request("GET", current, timeout=httpx.Timeout(remaining))
        response = client.send(request, stream=True, follow_redirects=False)
        try:
            if not options.allow_private and not _allowed_host(urlparse(current).hostname or "", options):
                peer = _peer_address(response)
                if peer:
                    check_address(peer, current)
            if response.is_redirect and response.headers.get("Location"):
                current = urljoin(str(response.url), response.headers["Location"])
                continue
            if response.status_code >= 400:
                raise FetchError(f"{url}: HTTP {response.status_code} {response.reason_phrase}")
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > options.max_bytes:
                raise FetchError(f"{url}: response too large ({int(declared) / 1e6:.1f} MB)")
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > options.max_bytes:
                    raise FetchError(f"{url}: response too large (over {options.max_bytes / 1e6:.0f} MB)")
                if cancelled.is_set() or time.monotonic() > deadline:
                    raise FetchError(f"{url}: timed out after {options.timeout:g}s (response too slow)")
                chunks.append(chunk)
            ctype = response.headers.get("Content-Type", "")
            return Response(str(response.url), b"".join(chunks), ctype, response.charset_encoding)
        finally:
            response.close()
    raise FetchError(f"{url}: too many redirects (limit {options.max_redirects})")


def fetch_bytes(url: str, client, options: IngestOptions) -> Response:  # noqa: ANN001
    """The body of ``url`` within ``options.timeout`` seconds in all; FetchError otherwise."""
    import httpx

    deadline = time.monotonic() + options.timeout
    done, cancelled = threading.Event(), threading.Event()
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            outcome["response"] = _fetch(url, client, options, deadline, cancelled)
        except httpx.TimeoutException:
            outcome["error"] = FetchError(f"{url}: timed out after {options.timeout:g}s")
        except httpx.HTTPError as exc:
            outcome["error"] = FetchError(f"{url}: {exc.__class__.__name__}: {exc}")
        except FetchError as exc:
            outcome["error"] = exc
        except Exception as exc:  # noqa: BLE001 - any other failure is this URL's, not the batch's
            outcome["error"] = FetchError(f"{url}: {exc.__class__.__name__}: {exc}")
        finally:
            done.set()

    # a daemon thread: one a server holds past the deadline is abandoned, not waited for at exit
    threading.Thread(target=work, name="sitrep-fetch", daemon=True).start()
    if not done.wait(options.timeout + 0.25):
        cancelled.set()
        raise FetchError(f"{url}: timed out after {options.timeout:g}s (no complete response)")
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["response"]  # type: ignore[return-value]
