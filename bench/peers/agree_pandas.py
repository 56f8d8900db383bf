"""Voeten agreement for all pairs x all sessions with pandas, written the way an
analyst would: merge each roll call's votes with themselves, drop unanimous roll
calls, average 1 - |vi - vj| / 2 per dyad and session.
Usage: python3 agree_pandas.py DATA_DIR OUT.csv"""
import sys

import pandas as pd

d = sys.argv[1]
votes = pd.read_csv(f"{d}/un_votes.csv.gz", usecols=["rcid", "country", "vote"])
rcs = pd.read_csv(f"{d}/un_roll_calls.csv.gz", usecols=["rcid", "session"])
votes["v"] = votes["vote"].map({"yes": 1, "abstain": 2, "no": 3})
votes = votes.merge(rcs, on="rcid")[["rcid", "session", "country", "v"]]
distinct = votes.groupby("rcid")["v"].nunique()
votes = votes[votes["rcid"].isin(distinct[distinct > 1].index)]
parts = []
for session, s in votes.groupby("session"):
    pairs = s.merge(s, on=["rcid", "session"], suffixes=("_a", "_b"))
    pairs = pairs[pairs["country_a"] < pairs["country_b"]]
    pairs["agree"] = 1 - (pairs["v_a"] - pairs["v_b"]).abs() / 2
    parts.append(pairs.groupby(["country_a", "country_b", "session"])["agree"].agg(["mean", "size"]).reset_index())
pd.concat(parts).to_csv(sys.argv[2], index=False)
