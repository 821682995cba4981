"""One error shape for every error the web server returns.

JSON: ``{"error": {"code": "not_found", "message": "..."}}`` with a matching HTTP status,
whatever raised it (our own NewsgraphError catalogue, FastAPI's validation, Starlette's 404
and 405, an oversized request, an unexpected bug). A browser asking for a page gets the same
code and message rendered as an HTML page.
"""
from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import NewsgraphError, NotFound, UsageError

log = logging.getLogger("newsgraph.serve")

# Our error codes -> HTTP status; anything else from the catalogue is a server-side failure.
STATUS_FOR_CODE = {
    NotFound.code: 404,
    UsageError.code: 400,
    "bad_request": 400,
    "invalid_request": 422,
    "method_not_allowed": 405,
    "request_too_large": 413,
    "uri_too_long": 414,
}

_HTTP_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed",
               413: "request_too_large", 414: "uri_too_long", 422: "invalid_request"}


class WebError(NewsgraphError):
    """An error raised by the web layer itself, with its code chosen at the raise site."""

    def __init__(self, code: str, message: str, status: int | None = None):
        super().__init__(message)
        self.code = code
        self.status = status or STATUS_FOR_CODE.get(code, 400)


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


def wants_json(request: Request) -> bool:
    """JSON for the API, the .json twins and clients that do not ask for HTML."""
    path = request.url.path
    if path.startswith("/api/") or path.endswith(".json") or path == "/openapi.json":
        return True
    return "text/html" not in request.headers.get("accept", "")


def error_response(request: Request, status: int, code: str, message: str) -> Response:
    if wants_json(request):
        return JSONResponse(error_body(code, message), status_code=status)
    templates = getattr(request.app.state, "templates", None)
    if templates is None:  # the app failed before templates were ready
        return JSONResponse(error_body(code, message), status_code=status)
    return templates.TemplateResponse(request, "error.html",
                                      {"status": status, "code": code, "message": message,
                                       "title": f"Error {status}"},
                                      status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path"))
        parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else err.get("msg", "invalid"))
    return "; ".join(parts) or "invalid request"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(WebError)
    async def _web(request: Request, exc: WebError) -> Response:
        return error_response(request, exc.status, exc.code, exc.message)

    @app.exception_handler(NewsgraphError)
    async def _ours(request: Request, exc: NewsgraphError) -> Response:
        status = STATUS_FOR_CODE.get(exc.code, 500)
        if status >= 500:
            log.error("%s: %s", exc.code, exc)
        return error_response(request, status, exc.code, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, "invalid_request", _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no page or endpoint at {request.url.path}"
        elif exc.status_code == 405:
            message = "this server is read-only: only GET and HEAD are accepted"
        return error_response(request, exc.status_code, code, message)

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return error_response(request, 500, "internal_error",
                              f"internal error ({type(exc).__name__}); see the server log")
