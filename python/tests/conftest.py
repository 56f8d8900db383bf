"""Fixtures: the CLI of the same build (to compare against), a small store the
tests write themselves, and the real unvotes data when ../shared/data has it.

ROSTRUM_BUILD (default: build/ beside python/) is the build whose CLI the
answers are compared with; run with PYTHONPATH=$ROSTRUM_BUILD/python, or after
pip install, whichever rostrum is imported.
"""

import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BUILD = pathlib.Path(os.environ.get("ROSTRUM_BUILD") or ROOT / "build")
CLI = BUILD / "rostrum"


def data_dir():
    if os.environ.get("ROSTRUM_DATA"):
        return pathlib.Path(os.environ["ROSTRUM_DATA"])
    return ROOT.parent / "shared" / "data"


# Four states, six roll calls in two sessions (1946, 1947), one absence, issues
# on three roll calls: small enough to check by hand.
#   rc1 1946-01-10 s1 hr: USA yes GBR yes     FRA yes     RUS no
#   rc2 1946-02-10 s1   : USA yes GBR abstain FRA no      RUS no
#   rc3 1946-03-10 s1 me: USA yes GBR yes     FRA yes     RUS yes   (unanimous)
#   rc4 1947-01-10 s2 hr: USA no  GBR no      FRA abstain RUS yes
#   rc5 1947-02-10 s2   : USA yes GBR yes     (FRA absent) RUS no
#   rc6 1947-03-10 s2 me: USA no  GBR yes     FRA yes     RUS yes
SMALL_VOTES = """rcid,country,country_code,vote
1,United States,US,yes
1,United Kingdom,GB,yes
1,France,FR,yes
1,Russia,RU,no
2,United States,US,yes
2,United Kingdom,GB,abstain
2,France,FR,no
2,Russia,RU,no
3,United States,US,yes
3,United Kingdom,GB,yes
3,France,FR,yes
3,Russia,RU,yes
4,United States,US,no
4,United Kingdom,GB,no
4,France,FR,abstain
4,Russia,RU,yes
5,United States,US,yes
5,United Kingdom,GB,yes
5,Russia,RU,no
6,United States,US,no
6,United Kingdom,GB,yes
6,France,FR,yes
6,Russia,RU,yes
"""
SMALL_ROLL_CALLS = """rcid,session,importantvote,date,unres,amend,para,short,descr
1,1,0,1946-01-10,R/1/1,0,0,first,first
2,1,0,1946-02-10,R/1/2,0,0,second,second
3,1,0,1946-03-10,R/1/3,0,0,third,third
4,2,1,1947-01-10,R/2/1,0,0,fourth,fourth
5,2,0,1947-02-10,R/2/2,0,0,fifth,fifth
6,2,0,1947-03-10,R/2/3,0,0,sixth,sixth
"""
SMALL_ISSUES = """rcid,short_name,issue
1,hr,Human rights
3,me,Palestinian conflict
4,hr,Human rights
6,me,Palestinian conflict
"""


def write_small_source(directory):
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "un_votes.csv").write_text(SMALL_VOTES)
    (directory / "un_roll_calls.csv").write_text(SMALL_ROLL_CALLS)
    (directory / "un_roll_call_issues.csv").write_text(SMALL_ISSUES)
    return directory


@pytest.fixture(scope="session")
def cli():
    if not CLI.exists():
        pytest.fail(f"no rostrum CLI at {CLI}: build it, or set ROSTRUM_BUILD")

    def run(*args, db=None, check=True):
        command = [str(CLI)] + (["--db", str(db)] if db else []) + [str(a) for a in args]
        result = subprocess.run(command, capture_output=True, text=True)
        if check and result.returncode != 0:
            raise AssertionError(f"{' '.join(command)} exited {result.returncode}: {result.stderr}")
        return result

    return run


@pytest.fixture(scope="session")
def small_source(tmp_path_factory):
    return write_small_source(tmp_path_factory.mktemp("source") / "small")


@pytest.fixture(scope="session")
def small_db(tmp_path_factory, small_source):
    import rostrum

    db = tmp_path_factory.mktemp("store") / "small.db"
    rostrum.Store(db, write=True).import_(small_source)
    return db


@pytest.fixture(scope="session")
def real_db(tmp_path_factory, cli):
    source = data_dir() / "unga" / "unvotes-0.3.0"
    if not source.is_dir():
        pytest.skip(f"no real data at {source} (set ROSTRUM_DATA)")
    db = tmp_path_factory.mktemp("real") / "unvotes.db"
    cli("import", source, db=db)
    return db
