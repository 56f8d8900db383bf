"""rostrum's errors, one class per kind, as the CLI's exit codes sort them.

The message is the engine's own (the same text the CLI prints after
"rostrum: error:" and the HTTP API returns); the details are attributes.
"""


class Error(Exception):
    """Any error rostrum reports. ``kind`` and ``exit_code`` are the CLI's."""

    kind = "error"
    exit_code = 1

    def __init__(self, message, **details):
        super().__init__(message)
        self.message = message
        for key, value in details.items():
            setattr(self, key, value)


class UsageError(Error, ValueError):
    """The request is wrong: an unknown country, a value out of range, a missing
    parameter. ``parameter`` names the parameter at fault as the catalogue, the
    CLI and the API spell it (``'min-n'``), or is None; ``keyword`` is the
    Python keyword argument (``'min_n'``)."""

    kind = "usage"
    exit_code = 2

    def __init__(self, message, parameter=None, **details):
        super().__init__(message, **details)
        self.parameter = parameter
        self.keyword = _keyword(parameter) if parameter else None


class NotAvailableError(UsageError):
    """The analysis cannot answer from this store yet (no saved ideal-point run,
    a source not imported)."""


class InputError(Error, ValueError):
    """A data file is malformed. ``file``, ``line`` and ``column`` (1-based; 0 =
    not applicable) say where."""

    kind = "bad_input"
    exit_code = 3
    file = None
    line = 0
    column = 0


class StoreError(Error):
    """The store cannot be read or written: it does not exist, it is not a
    rostrum store, or it is of another schema version."""

    kind = "store"
    exit_code = 4


_PYTHON_KEYWORDS = frozenset(__import__("keyword").kwlist)


def _keyword(name):
    """The catalogue's parameter name as a Python keyword argument: '-' becomes
    '_', and a Python keyword gets a trailing '_' (from -> from_)."""
    key = name.replace("-", "_").replace("/", "_")
    return key + "_" if key in _PYTHON_KEYWORDS else key
