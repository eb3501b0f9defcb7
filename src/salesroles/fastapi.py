"""salesroles in FastAPI: request bodies validated by salesroles, described in ``/openapi.json``.

Install it with ``pip install "salesroles[fastapi]"``; only the applications
that import this module need FastAPI. A route declares in one line that its
body is a validated :class:`~salesroles.Portfolio` (or any class
:func:`~salesroles.structure` reads, your own attrs classes included)::

    from fastapi import FastAPI
    import salesroles as sr
    from salesroles.fastapi import Validated, install

    app = FastAPI()
    install(app)

    @app.post("/portfolios")
    def create(portfolio: Validated[sr.Portfolio]) -> dict[str, int]:
        return {"customers": len(portfolio.customers)}

The body is read as raw bytes (at most *max_bytes*, refused with ``413``
before it is read when its ``Content-Length`` says more) and validated by
:func:`~salesroles.structure_json`, so a float amount is still refused as
``float_money`` with the digits that were sent, and a body that is no JSON,
is not UTF-8, or is nested 100 000 deep is an error item like any other. A
bad body answers ``422`` in FastAPI's own shape,
``{"detail": [{"type": <code>, "loc": ["body", ...path], "msg": <message>, "ctx": {...}}]}``,
where ``ctx`` holds the message's ``template`` and ``params`` (see
:class:`~salesroles.ErrorItem`). The messages speak the caller's language: the
request's ``Accept-Language`` header chooses it (:func:`~salesroles.accepted_locale`;
English when it names no language the catalogues speak).

:func:`install` completes the application's ``/openapi.json``: each such
route's request body references ``#/components/schemas/<Name>``, the
components hold every class it needs (:func:`salesroles.openapi_components`),
and its ``413`` and ``422`` answers are described. It also answers an unknown
route (``404``) or method (``405``) with error items of the same shape.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Annotated, Any, Final, TypeAlias, TypeVar

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from salesroles._i18n.locale import accepted_locale, use_locale
from salesroles._i18n.message import render, template
from salesroles._model.arguments import read_count, read_optional_count
from salesroles._wire.api import MAX_ERRORS, structure_json, unstructure_json
from salesroles._wire.schema import COMPONENTS_TEMPLATE, openapi_components
from salesroles.exceptions import ErrorItem, ValidationError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from fastapi.dependencies.models import Dependant
    from starlette.responses import Response

__all__ = [
    "MAX_BYTES",
    "Validated",
    "WireResponse",
    "body",
    "install",
    "invalid",
    "responds",
]

T = TypeVar("T")

#: The largest body a route reads by default: 16 MiB.
MAX_BYTES: Final = 16 * 1024 * 1024

_PROBLEM: Final = "SalesrolesProblem"
_PROBLEMS: Final = "SalesrolesProblems"

# The class each reading dependency reads, for install() to describe its route.
_READS: weakref.WeakKeyDictionary[Callable[..., Any], type] = weakref.WeakKeyDictionary()
# Classes named by responds(), for install() to define in the components.
_NAMED: dict[str, type] = {}


# What the bridge itself says, in the request's language.
_BAD_LENGTH: Final = template(
    "http.content_length", "got the Content-Length {declared!r}; expected a number of bytes"
)
_TOO_LARGE: Final = template("http.too_large", "got {size} bytes; expected at most {limit}")
_STREAM_TOO_LARGE: Final = template(
    "http.stream_too_large", "got more than {limit} bytes; expected at most that"
)
_NO_ROUTE: Final = template("http.no_route", "got {path!r}; expected a route of the API")
_NO_METHOD: Final = template("http.no_method", "got {method} {path}; expected {allowed}")


def _item(
    code: str, loc: Iterable[str | int], text: str, params: dict[str, Any]
) -> dict[str, Any]:
    """One error item of an answer: its message rendered now, in the active locale."""
    ctx = {"template": text, "params": params}
    return {"type": code, "loc": list(loc), "msg": render(text, params), "ctx": ctx}


def _problem_item(item: ErrorItem, loc: tuple[str | int, ...]) -> dict[str, Any]:
    found: dict[str, Any] = {"type": item.code, "loc": [*loc, *item.loc], "msg": item.message}
    if item.template is not None:
        found["ctx"] = {"template": item.template, "params": dict(item.params)}
    return found


def invalid(
    error: ValidationError | Iterable[ErrorItem], *, loc: tuple[str | int, ...] = ("body",)
) -> RequestValidationError:
    """Return the FastAPI error that answers ``422`` with *error*'s items, placed under *loc*.

    Raise it for a problem your endpoint finds after the body was read, such
    as a :class:`~salesroles.ValidationError` of :func:`~salesroles.decide`::

        try:
            decision = sr.decide(...)
        except sr.ValidationError as e:
            raise invalid(e) from None
    """
    items = error.errors if isinstance(error, ValidationError) else tuple(error)
    return RequestValidationError([_problem_item(i, loc) for i in items])


def _refuse(status: int, code: str, text: str, **params: Any) -> HTTPException:
    return HTTPException(status, detail=[_item(code, ("body",), text, params)])


def _declared_length(request: Request, max_bytes: int) -> None:
    """Refuse a body whose Content-Length is no number or more than *max_bytes*, unread."""
    declared = request.headers.get("content-length")
    if declared is None:  # chunked: counted while it is read
        return
    if not (declared.isascii() and declared.isdigit()):  # "²" is a digit to isdigit alone
        raise _refuse(400, "invalid_content_length", _BAD_LENGTH, declared=declared[:40])
    if int(declared) > max_bytes:
        raise _refuse(413, "body_too_large", _TOO_LARGE, size=int(declared), limit=max_bytes)


async def _read(request: Request, max_bytes: int) -> bytes:
    _declared_length(request, max_bytes)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_bytes:
            raise _refuse(413, "body_too_large", _STREAM_TOO_LARGE, limit=max_bytes)
        chunks.append(chunk)
    return b"".join(chunks)


def body(
    cls: type[T],
    *,
    max_bytes: int = MAX_BYTES,
    max_errors: int | None = MAX_ERRORS,
    forbid_extra_keys: bool = True,
) -> Any:
    """Return a FastAPI dependency that reads the request body as a validated *cls*.

    Use it as ``Annotated[sr.Portfolio, body(sr.Portfolio, max_bytes=...)]``
    where the defaults of :data:`Validated` do not fit.

    Args:
        cls: What the body holds: any class :func:`~salesroles.structure` reads.
        max_bytes: The largest body read; a larger one answers ``413``.
        max_errors: At most this many error items (see :func:`~salesroles.structure`).
        forbid_extra_keys: Refuse unknown keys (the default).
    """
    limit = read_count(max_bytes, "max_bytes")
    cap = read_optional_count(max_errors, "max_errors")

    def read(data: bytes, locale: str) -> T:
        with use_locale(locale):
            try:
                return structure_json(
                    data, cls, forbid_extra_keys=forbid_extra_keys, max_errors=cap
                )
            except ValidationError as e:
                error = e
            raise invalid(error)  # its items rendered here, in the caller's language

    async def read_body(request: Request) -> T:
        locale = accepted_locale(request.headers.get("accept-language"), default="en")
        with use_locale(locale):
            data = await _read(request, limit)
        # In a worker thread: a large document must not stop the event loop.
        return await run_in_threadpool(read, data, locale)

    _READS[read_body] = cls
    return Depends(read_body)


if TYPE_CHECKING:
    #: ``Validated[Portfolio]``: a body read and validated by salesroles (see :func:`body`).
    Validated: TypeAlias = Annotated[T, "a body validated by salesroles"]
else:

    class Validated:
        """``Validated[Portfolio]``: a request body read and validated by salesroles.

        The same as ``Annotated[Portfolio, body(Portfolio)]``.
        """

        def __class_getitem__(cls, item: type) -> Any:
            return Annotated[item, body(item)]


class WireResponse(JSONResponse):
    """A JSON answer of any salesroles object (or JSON-ready data), as ``unstructure`` writes it.

    ``return WireResponse(sr.check(portfolio))`` answers the report with its
    decimals as strings and its dates ``YYYY-MM-DD``.
    """

    def render(self, content: Any) -> bytes:
        """Write *content* as compact UTF-8 JSON."""
        return unstructure_json(content).encode()


def responds(cls: type, *, status: int = 200, description: str = "") -> dict[int | str, Any]:
    """Return the ``responses=`` entry of a route that answers a *cls*, for ``/openapi.json``.

    ``@app.post("/decisions", responses=responds(sr.Decision))``; :func:`install`
    adds the schema of *cls* to the components.
    """
    _NAMED[cls.__name__] = cls
    schema = {"type": "object", "$ref": COMPONENTS_TEMPLATE.format(model=cls.__name__)}
    return {
        status: {
            "description": description or f"A {cls.__name__}, as salesroles writes it.",
            "content": {"application/json": {"schema": schema}},
        }
    }


def install(app: FastAPI) -> None:
    """Complete *app*'s OpenAPI document and answer unknown routes and methods with error items.

    Call it once, after creating the application; routes added later are
    described too (the document is completed when it is built).
    """
    build = app.openapi

    def openapi() -> dict[str, Any]:
        document = build()
        _complete(document, app.routes)
        return document

    # FastAPI's documented way to extend the document: https://fastapi.tiangolo.com/how-to/extending-openapi/
    app.openapi = openapi  # type: ignore[method-assign]
    app.add_exception_handler(StarletteHTTPException, _http_error)


def _readers(dependant: Dependant) -> Iterator[type]:
    for dependency in dependant.dependencies:
        call = dependency.call
        if call is not None and call in _READS:
            yield _READS[call]
        yield from _readers(dependency)


def _complete(document: dict[str, Any], routes: Iterable[Any]) -> None:
    """Describe every route that reads a body through salesroles, and define what it names."""
    classes: list[type] = []
    for route in routes:
        if not isinstance(route, APIRoute):
            continue
        read = next(_readers(route.dependant), None)
        if read is None:
            continue
        classes.append(read)
        # The components say no type: the reference does (see salesroles.openapi_components).
        ref = {"type": "object", "$ref": COMPONENTS_TEMPLATE.format(model=read.__name__)}
        for method in route.methods or ():
            operation = document.get("paths", {}).get(route.path_format, {}).get(method.lower())
            if operation is None:  # a route left out of the schema
                continue
            operation["requestBody"] = {
                "required": True,
                "content": {"application/json": {"schema": ref}},
            }
            operation.setdefault("responses", {}).update(_ERROR_RESPONSES)
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    classes += [_NAMED[name] for name in _referenced(document) if name in _NAMED]
    for name, schema in {**openapi_components(*classes), **_PROBLEM_SCHEMAS}.items():
        if schemas.get(name, schema) != schema:
            raise TypeError(
                f"the OpenAPI document already holds another schema called {name!r}; "
                "rename your model"
            )
        schemas[name] = schema


def _referenced(document: dict[str, Any]) -> set[str]:
    prefix = COMPONENTS_TEMPLATE.format(model="")
    found: set[str] = set()
    stack: list[Any] = [document.get("paths", {})]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith(prefix):
                found.add(ref.removeprefix(prefix))
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found


def _errors_ref() -> dict[str, Any]:
    return {"$ref": COMPONENTS_TEMPLATE.format(model=_PROBLEMS)}


_ERROR_RESPONSES: Final = {
    "413": {
        "description": "The body is larger than the route reads; it was not read.",
        "content": {"application/json": {"schema": _errors_ref()}},
    },
    "422": {
        "description": "The body is no valid document: every problem, with its path.",
        "content": {"application/json": {"schema": _errors_ref()}},
    },
}


_PROBLEM_SCHEMAS: Final = {
    _PROBLEM: {
        "type": "object",
        "title": _PROBLEM,
        "description": "One problem: its code, where it is (after 'body'), and what was wrong "
        "and what was expected.",
        "properties": {
            "type": {"type": "string"},
            "loc": {"type": "array", "items": {"type": ["string", "integer"]}},
            "msg": {"type": "string"},
            "ctx": {
                "type": "object",
                "description": "The message as its template's code and JSON-ready params, "
                "to say it in another language.",
                "properties": {"template": {"type": "string"}, "params": {"type": "object"}},
                "required": ["template", "params"],
            },
        },
        "required": ["type", "loc", "msg"],
    },
    _PROBLEMS: {
        "type": "object",
        "title": _PROBLEMS,
        "properties": {
            "detail": {
                "type": "array",
                "items": {"$ref": COMPONENTS_TEMPLATE.format(model=_PROBLEM)},
            }
        },
        "required": ["detail"],
    },
}


async def _http_error(request: Request, exc: Exception) -> Response:
    """Starlette's own 404 and 405 as error items; every other HTTP error as FastAPI answers it."""
    assert isinstance(exc, StarletteHTTPException)  # noqa: S101 - registered for these only
    method, path = request.method, request.url.path
    with use_locale(accepted_locale(request.headers.get("accept-language"), default="en")):
        if exc.status_code == 404 and exc.detail == "Not Found":
            detail = [_item("unknown_route", ("path",), _NO_ROUTE, {"path": path})]
        elif exc.status_code == 405 and exc.detail == "Method Not Allowed":
            allowed = (exc.headers or {}).get("Allow", "")
            params = {"method": method, "path": path, "allowed": allowed}
            detail = [_item("method_not_allowed", ("method",), _NO_METHOD, params)]
        else:
            return await http_exception_handler(request, exc)
    return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=exc.headers)
