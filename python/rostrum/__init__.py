"""rostrum: UN voting alignment analyses as pandas DataFrames.

    import rostrum
    s = rostrum.Store("rostrum.db")          # read-only unless write=True
    s.info()
    df = s.agree(a="USA", b="all", by="year")
    s.cohesion(group="G7", by="year")

Every analysis of rostrum's catalogue offered to the bindings is a method of
Store, generated when the package is imported: its keyword arguments are the
CLI's parameters ('-' becomes '_', and a Python keyword gets a trailing '_':
``--min-n`` is ``min_n``, ``--from`` is ``from_``), its docstring comes from the
catalogue's help, and it returns the rows the CLI prints, as a DataFrame:
integers as int64 (Int64 where a value can be null), numbers as float64 (NaN for
null), dates as datetime64, text (country codes, periods, names) as categoricals.
An analysis that answers with a document instead of rows (brief) returns it as
a dict. Whatever the analysis says besides its rows (the CLI's JSON "meta":
notices, nested documents) is in ``df.attrs``.

Errors are UsageError (with .parameter), InputError (with .file, .line,
.column), StoreError and NotAvailableError, all rostrum.Error, with the CLI's
messages.
"""

import datetime
import difflib
import inspect
import json
import numbers
import os
import shlex
import warnings

import numpy as np
import pandas as pd

from . import _core
from ._errors import Error, InputError, NotAvailableError, StoreError, UsageError, _keyword

__all__ = [
    "Store",
    "catalogue",
    "Error",
    "UsageError",
    "NotAvailableError",
    "InputError",
    "StoreError",
    "RostrumWarning",
]


class RostrumWarning(UserWarning):
    """An analysis answered with no rows; the message says why (which filter
    emptied the selection)."""


def catalogue():
    """The catalogue of analyses: a list of dicts (name, summary, params,
    columns, surfaces, ...), as ``rostrum catalogue`` prints it."""
    return json.loads(_core.catalogue_json())["analyses"]


def _frame(columns, rows, meta):
    """A DataFrame over the engine's column buffers (moved into numpy, not
    copied; pandas keeps them as they are: copy=False)."""
    data = {}
    for c in columns:
        kind = c["kind"]
        if kind == "text":
            categories = pd.Index(c["categories"], dtype=object)
            data[c["name"]] = pd.Categorical.from_codes(c["codes"], categories=categories)
        elif kind == "integer" and c["mask"] is not None:
            data[c["name"]] = pd.arrays.IntegerArray(c["values"], c["mask"])
        else:
            data[c["name"]] = c["values"]
    frame = pd.DataFrame(data, index=pd.RangeIndex(rows), copy=False)
    frame.attrs.update(meta)
    return frame


def _param_text(param, value):
    """A keyword argument's value as the text the CLI would be given. Numbers
    travel exactly: an int as its digits, a float as its shortest round-trip
    repr; a list becomes a comma list."""
    if isinstance(value, (bool, np.bool_)):
        return "1" if value else "0"
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        return repr(float(value))
    if isinstance(value, str):
        return value
    if isinstance(value, (datetime.date, np.datetime64)):
        return pd.Timestamp(value).strftime("%Y-%m-%d")
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if isinstance(value, (list, tuple, range, np.ndarray, pd.Series, pd.Index)):
        return ",".join(_param_text(param, v) for v in value)
    raise UsageError(
        f"parameter '{param['name']}': cannot pass a {type(value).__name__} ({value!r}); "
        "give text, a number, a date or a list",
        parameter=param["name"],
    )


class Store:
    """A rostrum store (the SQLite file ``rostrum import`` writes).

    ``Store(path)`` opens it read-only: it must exist. ``Store(path,
    write=True)`` may create it (at the first ``import_``) and lets ``ideal``
    save its runs. ``groups`` is a user groups file (JSON or TOML, see
    docs/registry.md; default ``$ROSTRUM_GROUPS``), whose groups then work
    wherever a group name does. Each source's votes are loaded once and kept
    for the Store's life. Analyses release the GIL while they compute.
    """

    def __init__(self, path, write=False, groups=None):
        if groups is None:
            groups = os.environ.get("ROSTRUM_GROUPS", "")
        self._session = _core.Session(os.fspath(path), bool(write), os.fspath(groups) if groups else "")

    @property
    def path(self):
        return self._session.path

    @property
    def write(self):
        return self._session.write

    def __repr__(self):
        return f"rostrum.Store({self.path!r}{', write=True' if self.write else ''})"

    def import_(self, path, format=None, name=None):
        """Import UN vote files, as ``rostrum import`` does: a directory in the
        unvotes layout, a UN Digital Library CSV (undl or wide) or Voeten's CSV
        (format detected from the content unless given: 'unvotes', 'undl',
        'wide', 'voeten'). ``path`` may be a list. Every file is parsed and
        checked before the store is touched; a bad file raises InputError
        (file, line, column) and changes nothing. Re-importing a source
        replaces it. Needs ``Store(path, write=True)``.

        Returns a DataFrame, one row per source: source, format, replaced,
        rollcalls, votes, yes, no, abstain, nonvoting; ``attrs['notes']`` holds
        how each source's conventions were mapped.
        """
        paths = [os.fspath(p) for p in path] if isinstance(path, (list, tuple)) else [os.fspath(path)]
        columns, rows, meta = self._session.import_paths(paths, format or "", name or "")
        return _frame(columns, rows, json.loads(meta))

    def _run(self, name, params):
        columns, rows, meta = self._session.run(name, params)
        meta = json.loads(meta)
        if not columns:
            return meta  # an analysis answering with a document (brief: html and facts)
        if rows == 0 and "reason" in meta:
            warnings.warn(f"no rows: {meta['reason']}", RostrumWarning, stacklevel=3)
        return _frame(columns, rows, meta)


# --- one method per analysis, from the catalogue -----------------------------

_TYPE_TEXT = {
    "text": "str",
    "integer": "int",
    "number": "float",
    "boolean": "bool",
    "date": "str or datetime.date ('YYYY' or 'YYYY-MM-DD')",
    "countries": "str or list of str (ISO3, ISO2, COW code, name, group, X+Y, or 'all')",
    "sessions": "str, int or list ('74', '70-74', 'ES-11')",
    "years": "str, int or list ('2019', '1990-1999')",
}


def _method_name(analysis):
    return analysis.replace("-", "_").replace("/", "_")


def _bound(value):
    return "inf" if value == float("inf") else "-inf" if value == float("-inf") else f"{value:g}"


def _param_doc(p):
    kind = p["type"]
    if kind == "choice":
        text = "{" + ", ".join(repr(c) for c in p.get("choices", [])) + "}"
    else:
        text = _TYPE_TEXT.get(kind, "str")
    if "min" in p or "max" in p:
        text += f" in [{_bound(p.get('min', float('-inf')))}, {_bound(p.get('max', float('inf')))}]"
    if p.get("required"):
        text += ", required"
    elif p.get("default") is not None:
        text += f", default {p['default']!r}"
    help_text = p["help"].rstrip(".") + "."
    if p.get("example"):
        help_text += f" Example: {p['example']!r}."
    return [f"{_keyword(p['name'])} : {text}", f"    {help_text}"]


def _column_doc(c):
    if c.get("date"):
        dtype = "datetime64[ns]"
    elif c["type"] == "text":
        dtype = "category"
    elif c["type"] == "integer":
        dtype = "Int64" if c.get("nullable") else "int64"
    else:
        dtype = "float64"
    return f"    {c['name']} ({dtype}): {c.get('help', '')}"


def _python_example(spec, command):
    """A CLI example (``rostrum agree --a USA --year 2019``) as a call
    (``store.agree(a='USA', year=2019)``); None when it does not translate."""
    try:
        words = shlex.split(command)
    except ValueError:
        return None
    for stop in (">", "|", ">>"):
        if stop in words:
            words = words[: words.index(stop)]
    name_words = spec["name"].split("/")
    if words[: 1 + len(name_words)] != ["rostrum", *name_words]:
        return None
    words = words[1 + len(name_words):]
    params = {p["name"]: p for p in spec["params"]}
    positional = [p for p in spec["params"] if p.get("positional")]
    args, i = [], 0
    while i < len(words):
        word = words[i]
        if word in ("--format", "--out", "--db", "--groups"):
            i += 2
            continue
        if not word.startswith("--"):
            if not positional:
                return None
            args.append(f"{_keyword(positional.pop(0)['name'])}={word!r}")
            i += 1
            continue
        flag = word[2:]
        value = None
        if "=" in flag:
            flag, value = flag.split("=", 1)
        p = params.get(flag)
        if p is None and flag.startswith("no-") and flag[3:] in params:
            args.append(f"{_keyword(flag[3:])}=False")
            i += 1
            continue
        if p is None:
            return None
        if p["type"] == "boolean" and value is None:
            args.append(f"{_keyword(flag)}=True")
            i += 1
            continue
        if value is None:
            if i + 1 >= len(words):
                return None
            value = words[i + 1]
            i += 1
        i += 1
        if p["type"] == "integer" and value.lstrip("-").isdigit():
            args.append(f"{_keyword(flag)}={int(value)}")
        elif p["type"] == "number":
            try:
                args.append(f"{_keyword(flag)}={float(value)!r}")
            except ValueError:
                return None
        else:
            args.append(f"{_keyword(flag)}={value!r}")
    return f">>> store.{_method_name(spec['name'])}({', '.join(args)})"


def _docstring(spec):
    lines = [spec["summary"].rstrip(".") + ".", ""]
    if spec.get("description"):
        lines += [spec["description"], ""]
    if spec["params"]:
        lines += ["Parameters", "----------"]
        for p in spec["params"]:
            lines += _param_doc(p)
        lines.append("")
    lines += ["Returns", "-------"]
    if spec["columns"]:
        lines += ["pandas.DataFrame", "    The rows `rostrum " + " ".join(spec["name"].split("/")) + "` prints. Columns:"]
        lines += [_column_doc(c) for c in spec["columns"]]
    else:
        lines += ["dict", "    The analysis's document (what --format json prints)."]
    examples = [e for e in (_python_example(spec, c) for c in spec.get("examples", [])) if e]
    if examples:
        lines += ["", "Examples", "--------"] + examples
    return "\n".join(lines)


def _analysis_method(spec):
    name = spec["name"]
    params = spec["params"]
    by_keyword = {_keyword(p["name"]): p for p in params}
    # Required and positional parameters may be given by position, in the
    # catalogue's order; the others by keyword only.
    leading = [p for p in params if p.get("required") or p.get("positional")]
    leading_keywords = [_keyword(p["name"]) for p in leading]
    signature = [inspect.Parameter("self", inspect.Parameter.POSITIONAL_ONLY)]
    for p in leading:
        signature.append(inspect.Parameter(_keyword(p["name"]), inspect.Parameter.POSITIONAL_OR_KEYWORD))
    for p in params:
        if p in leading:
            continue
        default = p.get("default")
        signature.append(inspect.Parameter(_keyword(p["name"]), inspect.Parameter.KEYWORD_ONLY, default=default))
    method_name = _method_name(name)

    def method(self, *args, **kwargs):
        if len(args) > len(leading):
            raise UsageError(
                f"{method_name}() takes {len(leading)} positional argument(s) "
                f"({', '.join(leading_keywords) or 'none'}); give the others by keyword"
            )
        given = dict(zip(leading_keywords, args))
        for key, value in kwargs.items():
            if key not in by_keyword:
                close = difflib.get_close_matches(key, list(by_keyword), 1)
                hint = f" (did you mean {close[0]}?)" if close else ""
                raise UsageError(
                    f"parameter '{key}': not a parameter of {name}{hint} "
                    f"(its parameters: {', '.join(by_keyword) or 'none'})",
                    parameter=key,
                )
            if key in given:
                raise UsageError(f"parameter '{key}': given twice", parameter=by_keyword[key]["name"])
            given[key] = value
        # Only what the caller gave goes to the engine: the defaults are the
        # catalogue's, applied there, exactly as for the CLI.
        text = {by_keyword[k]["name"]: _param_text(by_keyword[k], v) for k, v in given.items() if v is not None}
        return self._run(name, text)

    method.__name__ = method_name
    method.__qualname__ = f"Store.{method_name}"
    method.__signature__ = inspect.Signature(signature)
    method.__doc__ = _docstring(spec)
    return method


def _add_analyses():
    for spec in catalogue():
        if "bindings" not in spec.get("surfaces", []):
            continue
        method_name = _method_name(spec["name"])
        if method_name in Store.__dict__:  # the Store's own (import_, path, write)
            continue
        setattr(Store, method_name, _analysis_method(spec))


_add_analyses()
