"""The HTTP API and web pages (``sitrep serve``): ``create_app(db, token=None)``."""

from sitrep.web.app import create_app

__all__ = ["create_app"]
