"""Schema-driven fuzzing of every API operation: schemathesis draws valid and invalid requests
from the OpenAPI schema (through Hypothesis) and sends them to the app in-process; no request may
get a server error. ``SITREP_FUZZ_EXAMPLES`` sets the examples per operation and mode (CI runs a
few; the figure in the README comes from a larger run, printed with ``-s``)."""

from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.generation import GenerationMode

from sitrep.web import create_app

EXAMPLES = int(os.environ.get("SITREP_FUZZ_EXAMPLES", "6"))


class Counting:
    """The app, with every request and every 5xx it answers recorded."""

    def __init__(self, app):
        self.app = app
        self.requests = 0
        self.server_errors: list[tuple] = []

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        self.requests += 1

        async def watch(message):
            if message["type"] == "http.response.start" and message["status"] >= 500:
                self.server_errors.append((scope["method"], scope["path"], scope.get("query_string"), message["status"]))
            await send(message)
        return await self.app(scope, receive, watch)


@pytest.fixture(scope="module")
def counted(web_db):
    # a token is set but never sent: the write operations answer 401/422 and nothing changes
    return Counting(create_app(web_db, token="fuzz-token-not-sent"))


def test_no_server_errors_in_generated_requests(counted):
    schema = schemathesis.openapi.from_asgi("/openapi.json", counted)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 12
    failures = []
    for operation in operations:
        strategy = st.one_of(operation.as_strategy(GenerationMode.POSITIVE),
                             operation.as_strategy(GenerationMode.NEGATIVE))

        @settings(max_examples=EXAMPLES * 2, deadline=None, suppress_health_check=list(HealthCheck),
                  database=None, derandomize=os.environ.get("SITREP_FUZZ_RANDOM") is None)
        @given(case=strategy)
        def run(case):
            response = case.call()
            if response.status_code >= 500:
                failures.append((case.method, case.path, case.path_parameters, case.query, response.text[:200]))

        run()
    print(f"\nfuzz: {counted.requests} requests over {len(operations)} operations, "
          f"{len(counted.server_errors)} server errors")
    assert failures == [] and counted.server_errors == []
    assert counted.requests >= len(operations) * 2
