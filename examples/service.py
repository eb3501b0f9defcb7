"""salesroles as the validation layer of a web service, with the standard library only.

Run it with ``python examples/service.py [PORT]`` and post a portfolio::

    curl -s -X POST --data-binary @portfolio.json http://127.0.0.1:8000/portfolios

- ``POST /portfolios`` with a JSON portfolio answers ``200`` and a summary of
  what it holds, or ``422`` and every problem of the document as JSON items
  ``{"path": ..., "message": ..., "code": ...}``.
- ``GET /schema`` answers the JSON Schema of the wire format (for OpenAPI).

The example does the I/O (HTTP, reading the body, writing JSON); the library
only turns bytes into validated objects or a :class:`salesroles.ValidationError`.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any
from wsgiref.simple_server import make_server

import salesroles as sr

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

MAX_BODY = 16 * 1024 * 1024  # bytes: refuse larger documents before reading them

Respond = tuple[str, Any]


def summarize(portfolio: sr.Portfolio) -> dict[str, Any]:
    """What a client wants to hear back about a valid portfolio."""
    return {
        "as_of": portfolio.as_of.isoformat() if portfolio.as_of else None,
        "counts": {
            name: len(items)
            for name, items in sr.unstructure(portfolio).items()
            if isinstance(items, list)
        },
        "key_accounts": [account.customer for account in portfolio.key_accounts],
    }


def handle(method: str, path: str, body: bytes) -> Respond:
    """Answer one request: (HTTP status line, JSON-ready body)."""
    if path == "/schema" and method == "GET":
        return "200 OK", sr.json_schema(sr.Portfolio)
    if path != "/portfolios":
        return "404 Not Found", {"error": f"no resource {path}"}
    if method != "POST":
        return "405 Method Not Allowed", {"error": "POST a portfolio as JSON"}
    try:
        portfolio = sr.structure_json(body, sr.Portfolio)
    except sr.ValidationError as error:
        items = [{"path": e.path, "message": e.message, "code": e.code} for e in error.errors]
        return "422 Unprocessable Content", {"errors": items}
    return "200 OK", summarize(portfolio)


def app(
    environ: dict[str, Any], start_response: Callable[[str, list[tuple[str, str]]], Any]
) -> Iterable[bytes]:
    """The WSGI application."""
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = -1
    if not 0 <= length <= MAX_BODY:
        status, payload = "413 Content Too Large", {"error": f"send at most {MAX_BODY} bytes"}
    else:
        body = environ["wsgi.input"].read(length) if length else b""
        status, payload = handle(environ["REQUEST_METHOD"], environ.get("PATH_INFO", ""), body)
    data = json.dumps(payload, ensure_ascii=False).encode()
    start_response(
        status,
        [("Content-Type", "application/json; charset=utf-8"), ("Content-Length", str(len(data)))],
    )
    return [data]


def main() -> None:
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8000
    with make_server("127.0.0.1", port, app) as server:
        print(f"POST a portfolio to http://127.0.0.1:{server.server_port}/portfolios")
        server.serve_forever()


if __name__ == "__main__":
    main()
