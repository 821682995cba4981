"""Request limits and the read-only guard, applied before any route runs.

The server is read-only and local by default, but articles and URLs come from outside, so
it still refuses what it never needs: other methods than GET/HEAD, request bodies, long
URLs. Every response also gets headers that keep a page from loading anything from
elsewhere (Content-Security-Policy 'self') and from being framed.
"""
from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import settings
from .errors import error_response

SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
     b"connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; "
     b"form-action 'self'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


@dataclass(frozen=True)
class Limits:
    max_rows: int = 200  # most rows a page or API call returns
    max_query_chars: int = 500  # longest search text or filter value
    max_request_bytes: int = 16_384  # URL + body

    @classmethod
    def from_settings(cls) -> "Limits":
        return cls(max_rows=settings.get("web_max_rows"),
                   max_query_chars=settings.get("web_max_query_chars"),
                   max_request_bytes=settings.get("web_max_request_bytes"))


class GuardMiddleware:
    """Read-only and size limits, as plain ASGI (cheap on every request)."""

    def __init__(self, app: ASGIApp, limits: Limits):
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self._refusal(scope)
        if refusal is not None:
            status, code, message = refusal
            response = error_response(Request(scope), status, code, message)
            await response(scope, receive, _with_headers(send))
            return
        if scope["method"] == "HEAD":  # answered as GET; the server (uvicorn) drops the body for HEAD
            scope = dict(scope, method="GET")
        await self.app(scope, receive, _with_headers(send))

    def _refusal(self, scope: Scope) -> tuple[int, str, str] | None:
        if scope["method"] not in ("GET", "HEAD"):
            return 405, "method_not_allowed", "this server is read-only: only GET and HEAD are accepted"
        url_bytes = len(scope.get("raw_path") or scope["path"].encode()) + len(scope.get("query_string") or b"")
        if url_bytes > self.limits.max_request_bytes:
            return 414, "uri_too_long", f"the URL is longer than {self.limits.max_request_bytes} bytes"
        for name, value in scope.get("headers", ()):
            if name == b"content-length" and value.strip().isdigit() and int(value) > 0:
                return 413, "request_too_large", "this server takes no request bodies"
            if name == b"transfer-encoding":
                return 413, "request_too_large", "this server takes no request bodies"
        return None


def _with_headers(send: Send) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            message.setdefault("headers", [])
            message["headers"] = list(message["headers"]) + SECURITY_HEADERS
        await send(message)

    return wrapped
