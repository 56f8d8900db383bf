"""rostrum in Python: the same answers as the CLI, bit for bit, as typed
DataFrames; the same errors, as exceptions of the right kind; methods and
docstrings generated from the catalogue."""

import csv
import inspect
import io
import math
import struct
import threading
import time

import numpy as np
import pandas as pd
import pytest

import rostrum
from conftest import write_small_source


def cli_rows(cli, db, analysis, params):
    """The CLI's CSV for the same request, as header + rows of text."""
    args = ["--format", "csv", *analysis.split("/")]
    for name, value in params.items():
        if value is True:
            args.append(f"--{name}")
        elif value is False:
            args.append(f"--no-{name}")
        else:
            args += [f"--{name}", value]
    out = cli(*args, db=db)
    return list(csv.reader(io.StringIO(out.stdout)))


def bits(x):
    return struct.pack("<d", x)


def assert_same_as_cli(frame, rows):
    """Every cell of the frame is what the CLI printed: numbers parse back to the
    very same double (the CSV writes the shortest round-trip form), null and
    NaN are the empty field, dates and text read the same."""
    header, body = rows[0], rows[1:]
    assert list(frame.columns) == header
    assert len(frame) == len(body)
    for j, name in enumerate(header):
        texts = [r[j] for r in body]
        col = frame[name]
        if isinstance(col.dtype, pd.CategoricalDtype):
            values = ["" if pd.isna(v) else v for v in col.astype(object)]
            assert values == texts, name
        elif pd.api.types.is_datetime64_any_dtype(col):
            values = ["" if pd.isna(v) else v.strftime("%Y-%m-%d") for v in col]
            assert values == texts, name
        elif pd.api.types.is_float_dtype(col):
            for i, (v, t) in enumerate(zip(col.to_numpy(), texts)):
                if t == "":
                    assert math.isnan(v), (name, i)
                else:
                    assert bits(float(t)) == bits(float(v)), (name, i, t, v)
        elif pd.api.types.is_integer_dtype(col):
            values = ["" if pd.isna(v) else str(int(v)) for v in col]
            assert values == texts, name
        else:
            raise AssertionError(f"column {name} has an unexpected dtype {col.dtype}")


def python_kwargs(params):
    return {rostrum._errors._keyword(k): v for k, v in params.items()}


SMALL_CALLS = [
    ("agree", {"a": "all", "b": "all", "by": "session"}),
    ("agree", {"a": "USA", "b": "GBR,FRA,RUS", "ci": "0.9", "boot": "300", "seed": "7"}),
    ("agree", {"a": "USA", "b": "all", "measure": "kappa", "keep-unanimous": True}),
    ("agree", {"a": "FRA", "b": "GBR", "by": "year", "issue": "hr,me"}),
    ("cohesion", {"group": "USA,GBR,FRA", "by": "session", "index": "rice"}),
    ("info", {}),
    ("groups", {"date": "2000-01-01"}),
]


@pytest.mark.parametrize("analysis,params", SMALL_CALLS)
def test_small_store_answers_are_the_clis(cli, small_db, analysis, params):
    s = rostrum.Store(small_db)
    method = getattr(s, analysis.replace("-", "_"))
    kwargs = {k: (v if isinstance(v, bool) else v) for k, v in python_kwargs(params).items()}
    assert_same_as_cli(method(**kwargs), cli_rows(cli, small_db, analysis, params))


def test_agreement_worked_out_by_hand(small_db):
    s = rostrum.Store(small_db)
    df = s.agree(a="USA", b="GBR", by="session")
    # Voeten drops unanimous rc3. s1: rc1 1, rc2 1 - |yes - abstain|/2 = 0.5;
    # s2: rc4 1, rc5 1, rc6 0.
    assert df["period"].tolist() == ["1", "2"]
    assert df["value"].tolist() == pytest.approx([0.75, 2 / 3], rel=1e-15)
    assert df["n"].tolist() == [2, 3]


def test_columns_are_typed_buffers(small_db):
    s = rostrum.Store(small_db)
    df = s.agree(a="all", b="all", by="session")
    assert list(df.columns) == ["a", "b", "period", "measure", "value", "n"]
    assert isinstance(df["a"].dtype, pd.CategoricalDtype)
    assert set(df["a"].cat.categories) <= {"FRA", "GBR", "RUS", "USA"}
    assert df["value"].dtype == np.float64
    assert df["n"].dtype == np.int64
    info = s.info()
    assert info["first_date"].dtype == "datetime64[ns]"
    assert info["first_date"][0] == pd.Timestamp("1946-01-10")
    assert info["rollcalls"].dtype == np.int64 and info["rollcalls"][0] == 6
    # What the CLI adds besides the rows (--format json) is in attrs.
    assert df.attrs["measure"] == "agree"


def test_keyword_values_travel_exactly(cli, small_db):
    s = rostrum.Store(small_db)
    # A float given as a float is the same request as its shortest text; lists
    # are comma lists; ints and dates as the CLI would read them.
    a = s.agree(a="USA", b=["GBR", "RUS"], ci=0.9, boot=300, seed=7)
    b = s.agree(a="USA", b="GBR,RUS", ci="0.9", boot="300", seed="7")
    pd.testing.assert_frame_equal(a, b)
    by_date = s.agree(a="USA", b="GBR", from_=pd.Timestamp("1947-01-01"))
    by_text = s.agree(a="USA", b="GBR", **{"from_": "1947-01-01"})
    pd.testing.assert_frame_equal(by_date, by_text)
    assert by_date["n"].tolist() == [3]


def test_errors_carry_the_clis_message_and_kind(cli, small_db, tmp_path):
    s = rostrum.Store(small_db)
    with pytest.raises(rostrum.UsageError) as e:
        s.agree(a="Atlantis", b="USA")
    assert e.value.parameter == "a" and e.value.keyword == "a" and e.value.exit_code == 2
    out = cli("agree", "--a", "Atlantis", "--b", "USA", db=small_db, check=False)
    assert out.returncode == 2
    assert out.stderr.strip() == f"rostrum: error: {e.value}"

    with pytest.raises(rostrum.UsageError) as e:
        s.agree(a="USA", b="GBR", ci=1.5)
    out = cli("agree", "--a", "USA", "--b", "GBR", "--ci", "1.5", db=small_db, check=False)
    assert out.stderr.strip() == f"rostrum: error: {e.value}"
    assert e.value.parameter == "ci"

    with pytest.raises(rostrum.UsageError) as e:
        s.agree(b="USA")  # a is required
    assert e.value.parameter == "a"

    with pytest.raises(rostrum.UsageError) as e:
        s.agree(a="USA", b="GBR", min_nn=3)
    assert e.value.parameter == "min_nn"
    assert isinstance(e.value, ValueError)

    with pytest.raises(rostrum.UsageError) as e:
        s.cohesion(group="USA,GBR", keep_unanimous=True)
    assert "not a parameter of cohesion" in str(e.value)


def test_a_store_that_does_not_exist(cli, tmp_path):
    missing = tmp_path / "nowhere.db"
    with pytest.raises(rostrum.StoreError) as e:
        rostrum.Store(missing)
    assert e.value.exit_code == 4
    out = cli("info", db=missing, check=False)
    assert out.returncode == 4
    assert out.stderr.strip() == f"rostrum: error: {e.value}"
    assert not missing.exists()  # opening read-only never creates it
    not_a_store = tmp_path / "text.db"
    not_a_store.write_text("not sqlite")
    with pytest.raises(rostrum.StoreError):
        rostrum.Store(not_a_store)


def test_read_only_unless_asked(small_db, small_source):
    s = rostrum.Store(small_db)
    with pytest.raises(rostrum.UsageError, match="read-only"):
        s.import_(small_source)
    with pytest.raises(rostrum.UsageError, match="read-only"):
        s.ideal()


def test_import_is_all_or_nothing(tmp_path, small_source):
    db = tmp_path / "fresh.db"
    w = rostrum.Store(db, write=True)
    with pytest.raises(rostrum.StoreError):
        w.info()  # not created until something is imported
    first = w.import_(small_source, name="small")
    assert first[["source", "rollcalls", "votes", "yes", "no", "abstain"]].values.tolist() == [
        ["small", 6, 23, 14, 7, 2]
    ]
    assert first["replaced"].tolist() == [0]
    assert w.import_(small_source, name="small")["replaced"].tolist() == [1]
    before = w.info()
    # A malformed vote file: the error names file, line and column; nothing changes.
    bad = write_small_source(tmp_path / "bad")
    (bad / "un_votes.csv").write_text(rostrum_bad_votes())
    with pytest.raises(rostrum.InputError) as e:
        w.import_(bad, name="bad")
    assert e.value.exit_code == 3
    assert e.value.file.endswith("un_votes.csv") and e.value.line == 3 and e.value.column > 0
    pd.testing.assert_frame_equal(w.info(), before)


def rostrum_bad_votes():
    return "rcid,country,country_code,vote\n1,United States,US,yes\n1,Russia,RU,perhaps\n"


def test_empty_answer_warns_why(small_db):
    s = rostrum.Store(small_db)
    with pytest.warns(rostrum.RostrumWarning, match="no rows"):
        df = s.agree(a="USA", b="RUS", year="1990")
    assert df.shape == (0, 6)
    assert "reason" in df.attrs


def test_methods_and_docstrings_come_from_the_catalogue():
    offered = [a for a in rostrum.catalogue() if "bindings" in a["surfaces"]]
    assert {"agree", "cohesion", "info", "brief"} <= {a["name"] for a in offered}
    for spec in offered:
        name = spec["name"].replace("-", "_").replace("/", "_")
        method = getattr(rostrum.Store, name)
        assert method.__doc__.startswith(spec["summary"].rstrip("."))
        signature = inspect.signature(method)
        for p in spec["params"]:
            keyword = rostrum._errors._keyword(p["name"])
            assert keyword in signature.parameters, (name, keyword)
            assert p["help"].rstrip(".") in method.__doc__
        for c in spec["columns"]:
            assert f"    {c['name']} (" in method.__doc__
    not_offered = [a["name"] for a in rostrum.catalogue() if "bindings" not in a["surfaces"]]
    for name in not_offered:
        assert not hasattr(rostrum.Store, name.replace("-", "_").replace("/", "_"))
    sig = inspect.signature(rostrum.Store.agree)
    assert sig.parameters["both_orders"].default is False
    assert sig.parameters["from_"].kind == inspect.Parameter.KEYWORD_ONLY
    assert ">>> store.agree(a='USA', b='all', year='2019', measure='coincidence')" in rostrum.Store.agree.__doc__


def test_brief_returns_its_document(small_db):
    s = rostrum.Store(small_db)
    doc = s.brief(focus="RUS", vs="USA,GBR", boot=20)
    assert isinstance(doc, dict)
    assert doc["html"].lstrip().lower().startswith("<!doctype html")


def test_the_gil_is_released_while_the_engine_computes(small_db):
    s = rostrum.Store(small_db)
    session = s._session
    span = {}

    def work():
        span["start"] = time.perf_counter()
        # 3 pairs x 100,000 bootstrap replicates: long enough to be seen.
        session.run("agree", {"a": "USA", "b": "GBR,FRA,RUS", "ci": "0.95", "boot": "100000"})
        span["end"] = time.perf_counter()

    worker = threading.Thread(target=work)
    stamps = []
    worker.start()
    while worker.is_alive():
        stamps.append(time.perf_counter())
        time.sleep(0.001)
    worker.join()
    # This thread ran Python while the engine computed; holding the GIL, the
    # engine would have kept it out for the whole call.
    inside = [t for t in stamps if span["start"] < t < span["end"]]
    assert len(inside) >= 2, (len(stamps), span)


def test_contract_on_real_data(cli, real_db):
    s = rostrum.Store(real_db)
    df = s.agree(a="CHN", b="RUS", by="session")
    rows = cli_rows(cli, real_db, "agree", {"a": "CHN", "b": "RUS", "by": "session"})
    assert df.shape == (len(rows) - 1, 6)
    assert list(df.columns) == ["a", "b", "period", "measure", "value", "n"]
    assert_same_as_cli(df, rows)


REAL_CALLS = [
    ("agree", {"a": "USA", "b": "all", "year": "2019", "measure": "coincidence"}),
    ("agree", {"a": "RUS", "b": "USA", "by": "year", "ci": "0.95", "boot": "200"}),
    ("agree", {"a": "all", "b": "all", "session": "74"}),
    ("cohesion", {"group": "G7", "by": "year", "from": "2000"}),
    ("poles", {"poles": "USA,CHN", "year": "2019"}),
    ("countries", {}),
]


@pytest.mark.parametrize("analysis,params", REAL_CALLS)
def test_real_data_answers_are_the_clis(cli, real_db, analysis, params):
    s = rostrum.Store(real_db)
    frame = getattr(s, analysis.replace("-", "_"))(**python_kwargs(params))
    assert_same_as_cli(frame, cli_rows(cli, real_db, analysis, params))


def test_all_pairs_by_session_on_real_data(cli, real_db):
    s = rostrum.Store(real_db)
    df = s.agree(a="all", b="all", by="session")
    rows = cli_rows(cli, real_db, "agree", {"a": "all", "b": "all", "by": "session"})
    assert len(df) > 800_000
    assert_same_as_cli(df, rows)
