"""Storage: the Store protocol and its SQLite and PostgreSQL implementations (all SQL lives here)."""

from sitrep.store.base import EventFilter, Store, StoreError, open_store, resolve_db

__all__ = ["EventFilter", "Store", "StoreError", "open_store", "resolve_db"]
