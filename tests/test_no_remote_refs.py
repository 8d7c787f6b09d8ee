"""A ``$ref`` to a remote URL is never fetched: the validator has no way to retrieve anything.

rulebook has no option for a user-supplied schema yet; the guarantee is that the validator it
builds resolves references only inside the schema it was given. A real HTTP server on
localhost serves a schema, and must see no request at all.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from referencing.exceptions import Unresolvable

from policy_rulebook.linter.checks.schema_violation import _validator


class _Server(ThreadingHTTPServer):
    requests: list[str]


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        self.server.requests.append(self.path)
        body = b'{"type": "string"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/schema+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[_Server]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    httpd.requests = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def test_the_server_answers_when_asked(server: _Server) -> None:
    """The control: the server really serves, so silence below means no request was made."""
    from urllib.request import urlopen

    with urlopen(f"http://127.0.0.1:{server.server_port}/control.json") as answer:
        assert answer.read() == b'{"type": "string"}'
    assert server.requests == ["/control.json"]


@pytest.mark.parametrize("where", ["top", "nested", "defs"])
def test_a_remote_ref_is_never_fetched(server: _Server, where: str) -> None:
    url = f"http://127.0.0.1:{server.server_port}/evil.schema.json"
    schemas: dict[str, dict[str, object]] = {
        "top": {"$ref": url},
        "nested": {"type": "object", "properties": {"meta": {"$ref": url}}},
        "defs": {"$defs": {"x": {"$ref": url}}, "properties": {"meta": {"$ref": "#/$defs/x"}}},
    }
    validator = _validator().evolve(schema=schemas[where])  # the validator rulebook lints with
    with pytest.raises(Unresolvable):
        list(validator.iter_errors({"meta": "text"}))
    assert server.requests == []


@pytest.mark.parametrize("where", ["top", "nested"])
def test_the_fast_validator_never_fetches_either(server: _Server, where: str) -> None:
    """jsonschema-rs (the fast pass of RB100, where installed) fetches remote references by
    default; ``fast_validator_for`` gives it a retriever that refuses."""
    pytest.importorskip("jsonschema_rs", reason="jsonschema-rs is not installed")
    from policy_rulebook.core.schema import fast_validator_for

    url = f"http://127.0.0.1:{server.server_port}/evil.schema.json"
    schemas: dict[str, dict[str, object]] = {
        "top": {"$ref": url},
        "nested": {"type": "object", "properties": {"meta": {"$ref": url}}},
    }
    with pytest.raises(Exception, match="never fetches"):
        fast_validator_for(schemas[where]).is_valid({"meta": "text"})
    assert server.requests == []


def test_every_validator_is_made_without_retrieval() -> None:
    """jsonschema validators are only built by ``policy_rulebook.core.schema.validator_for``."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    offenders = [
        str(path.relative_to(root))
        for package in ("linter", "changelog")
        for path in (root / package).rglob("*.py")
        if "Validator(" in path.read_text(encoding="utf-8")
        and path != root / "linter" / "schema.py"
    ]
    assert offenders == []
