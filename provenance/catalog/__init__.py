"""The catalog file: opening it (WAL, busy timeout, migrations), transactions, and the schema's
documentation. Both pipelines write through `open_catalog` and `transaction`."""

from .db import open_catalog, transaction

__all__ = ["open_catalog", "transaction"]
