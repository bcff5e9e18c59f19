"""Response headers: a strict Content-Security-Policy, and framing only where embedding is meant."""

from __future__ import annotations

from dash import Dash
from flask import request

from .paths import EMBED

MAX_BODY_BYTES = 64 * 1024


def content_security_policy(script_hashes: list[str], frame_ancestors: str) -> str:
    """A CSP with no inline or eval'd script except Dash's own, hashed."""
    scripts = " ".join(["'self'", *script_hashes])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            f"frame-ancestors {frame_ancestors}",
        ]
    )


def install_security(app: Dash, embed_ancestors: str = "*") -> None:
    """Add security headers to every response and cap request bodies (413 above the cap)."""
    server = app.server
    server.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES
    policies: dict[bool, str] = {}

    @server.after_request
    def add_headers(response):
        embed = request.path.startswith(EMBED)
        if embed not in policies:
            policies[embed] = content_security_policy(
                app.csp_hashes(), embed_ancestors if embed else "'self'"
            )
        response.headers["Content-Security-Policy"] = policies[embed]
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
        if not embed:
            response.headers["X-Frame-Options"] = "SAMEORIGIN"
        if request.is_secure:
            response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
        return response
