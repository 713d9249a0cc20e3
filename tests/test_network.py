"""Fetching against real servers on 127.0.0.1: private addresses refused (after DNS, on every
redirect and for feed items), a total deadline per URL against slow-drip servers, the size cap."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sitrep.config import IngestOptions
from sitrep.errors import FetchError
from sitrep.ingest.network import check_address, check_url
from sitrep.ingest.sources import iter_articles
from sitrep.store.sqlite import Store

PAGE = (b"<html><head><title>Strike on a market</title></head><body><article><p>Shelling killed four "
        b"civilians in Ariha on Monday, a local monitor said, and the shells came from the south.</p>"
        b"<p>The monitor said two children were among the dead.</p></article></body></html>")


class _Handler(BaseHTTPRequestHandler):
    other = ""  # base URL of the second server (another loopback address)

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        if self.path == "/page":
            self._send(200, "text/html; charset=utf-8", PAGE)
        elif self.path == "/to-other":
            self.send_response(302)
            self.send_header("Location", f"{self.other}/page")
            self.end_headers()
        elif self.path == "/to-localhost":
            port = self.server.server_address[1]
            self.send_response(301)
            self.send_header("Location", f"http://localhost:{port}/page")
            self.end_headers()
        elif self.path == "/feed":
            items = "".join(f"<item><title>Item {n}</title><link>{link}</link></item>" for n, link in
                            enumerate([f"{self.other}/page", "http://169.254.169.254/latest/meta-data/",
                                       "http://[::1]/page", "file:///etc/passwd"]))
            body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>{items}'
                    f"</channel></rss>").encode()
            self._send(200, "application/rss+xml", body)
        elif self.path == "/drip-body":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self._drip(PAGE * 20)
        elif self.path.startswith("/slow-hop/"):  # each hop answers in time, the chain does not
            hop = int(self.path.rsplit("/", 1)[1])
            time.sleep(0.6)
            self.send_response(302)
            self.send_header("Location", f"/slow-hop/{hop + 1}")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/drip-headers":
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            self._drip(b"X-Slow: " + b"a" * 200 + b"\r\n\r\n")

    def _send(self, status: int, ctype: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _drip(self, data: bytes) -> None:
        try:
            for i in range(len(data)):
                self.wfile.write(data[i:i + 1])
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:  # the client gave up, as it should
            pass


def _serve(host: str) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer((host, 0), _Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://{host}:{server.server_address[1]}"


@pytest.fixture(scope="module")
def servers():
    try:
        second, other = _serve("127.0.0.2")  # Linux answers on all of 127.0.0.0/8
    except OSError:
        pytest.skip("no second loopback address")
    first, base = _serve("127.0.0.1")
    _Handler.other = other
    yield base, other
    for server in (first, second):
        server.shutdown()
        server.server_close()


def read(urls, **options):
    items = list(iter_articles(urls, IngestOptions(timeout=options.pop("timeout", 3.0), **options)))
    articles = [i for i in items if hasattr(i, "text")]
    failures = [i for i in items if not hasattr(i, "text")]
    return articles, failures


def test_loopback_refused_by_default_allowed_on_request(servers):
    base, _ = servers
    articles, failures = read([f"{base}/page"])
    assert not articles and "refused" in failures[0].reason and "127.0.0.1" in failures[0].reason
    articles, failures = read([f"{base}/page"], allow_private=True)
    assert len(articles) == 1 and not failures


def test_names_are_checked_after_dns(servers):
    base, _ = servers
    port = base.rsplit(":", 1)[1]
    _, failures = read([f"http://localhost:{port}/page"])
    assert "refused" in failures[0].reason  # 'localhost' is no public name, whatever it is called


def test_every_redirect_hop_is_checked(servers):
    base, other = servers
    # the first server is trusted by name; where it redirects to is not
    articles, failures = read([f"{base}/to-other", f"{base}/to-localhost"], allow_hosts=("127.0.0.1",))
    assert not articles and len(failures) == 2
    assert "127.0.0.2" in failures[0].reason and "refused" in failures[0].reason
    assert "refused" in failures[1].reason
    articles, _ = read([f"{base}/to-other"], allow_hosts=("127.0.0.1", "127.0.0.2"))
    assert len(articles) == 1


def test_feed_items_to_private_addresses_are_refused(servers):
    base, _ = servers
    articles, failures = read([f"{base}/feed"], allow_hosts=("127.0.0.1",))
    assert not articles and len(failures) == 4
    assert all("refused" in f.reason for f in failures), [f.reason for f in failures]


@pytest.mark.parametrize("path", ["/drip-body", "/drip-headers"])
def test_slow_drip_is_bounded_by_the_deadline(servers, path):
    base, _ = servers
    started = time.monotonic()
    articles, failures = read([f"{base}{path}"], allow_private=True, timeout=1.5)
    elapsed = time.monotonic() - started
    assert not articles and "timed out" in failures[0].reason
    assert elapsed < 3.5, elapsed  # without a total deadline each byte restarts the read timeout


def test_size_cap_kept(http_server):
    articles, failures = read([f"{http_server}/big"], allow_private=True, max_bytes=1024 * 1024)
    assert not articles and "too large" in failures[0].reason


@pytest.mark.parametrize("address", ["127.0.0.1", "10.1.2.3", "192.168.0.1", "172.16.5.4", "169.254.169.254",
                                     "::1", "fe80::1", "::ffff:127.0.0.1", "0.0.0.0", "100.64.0.1", "fc00::1"])
def test_non_public_addresses(address):
    with pytest.raises(FetchError, match="refused"):
        check_address(address, "http://x/")


def test_public_address_and_schemes():
    check_address("93.184.216.34", "http://x/")  # a public address passes
    for url in ("file:///etc/passwd", "javascript:alert(1)", "ftp://example.org/x", "gopher://127.0.0.1/"):
        with pytest.raises(FetchError, match="only http and https"):
            check_url(url, IngestOptions())
    with pytest.raises(FetchError, match="cannot resolve"):
        check_url("http://no-such-host.invalid/", IngestOptions())
    assert socket.gethostbyname("localhost").startswith("127.")


def test_a_chain_of_slow_redirects_is_bounded_by_one_deadline(servers):
    base, _ = servers
    started = time.monotonic()
    articles, failures = read([f"{base}/slow-hop/0"], allow_private=True, timeout=1.5, max_redirects=20)
    elapsed = time.monotonic() - started
    assert not articles and "timed out" in failures[0].reason
    assert elapsed < 3.5, elapsed  # a per-request timeout would allow 20 hops of 0.6 s


@pytest.mark.parametrize("host", ["2130706433", "0x7f000001", "127.1", "0177.0.0.1", "[::ffff:127.0.0.1]",
                                  "localhost.", "LOCALHOST"])
def test_loopback_written_otherwise_is_refused(servers, host):
    port = servers[0].rsplit(":", 1)[1]
    articles, failures = read([f"http://{host}:{port}/page"])
    assert not articles and len(failures) == 1
    assert "refused" in failures[0].reason or "cannot resolve" in failures[0].reason, failures[0].reason


def _cli(*args: str) -> tuple[subprocess.CompletedProcess, float]:
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "sitrep.cli", *args], capture_output=True, text=True, timeout=300)
    return result, time.monotonic() - started


def test_ingest_command_refuses_and_bounds_fetches(servers, tmp_path):
    """End to end: the refusal is one line on stderr and a failures row, nothing is stored; a
    slow-drip server costs the command its deadline, not the drip's length."""
    base, other = servers
    db = str(tmp_path / "net.db")
    refused, baseline = _cli("ingest", f"{base}/page", f"{other}/to-other", "--db", db, "--no-extract")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr  # 1: nothing was ingested
    lines = [line for line in refused.stderr.splitlines() if "refused" in line]
    assert len(lines) == 2, refused.stderr
    with Store(db) as store:
        assert store.count("articles") == 0
        assert sorted(f["input"] for f in store.failures()) == sorted([f"{base}/page", f"{other}/to-other"])
    dripped, elapsed = _cli("ingest", f"{base}/drip-body", "--db", db, "--no-extract", "--allow-private",
                            "--timeout", "1.5")
    assert "timed out" in dripped.stderr and "Traceback" not in dripped.stderr
    assert elapsed < baseline + 4, (elapsed, baseline)  # the drip would take 100 s
    allowed, _ = _cli("ingest", f"{base}/page", "--db", db, "--no-extract", "--allow-private")
    assert allowed.returncode == 0, allowed.stderr
    with Store(db) as store:
        assert store.count("articles") == 1 and all(f["input"] != f"{base}/page" for f in store.failures())
