"""The web face: ``newsprism serve`` (FastAPI, Jinja2 templates, htmx)."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
