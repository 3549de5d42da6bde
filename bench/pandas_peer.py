#!/usr/bin/env python3
"""The pandas peer of docs/benchmarks.md: read the synthetic rijm extract, build stay episodes with the
protocol's gap rule (PROTOCOL.md 4) and compute the same subset of one period's figures as the DuckDB peer
(bench/Monitor.Bench.Peers). Debian's python3-pandas; run with /usr/bin/python3.

    pandas_peer.py FILE.csv [--as-of 2022-06-30] [--period 2020] [--gap 7]
"""
import argparse
import time

import pandas as pd

started = time.perf_counter()
arguments = argparse.ArgumentParser()
arguments.add_argument("csv")
arguments.add_argument("--as-of", default="2022-06-30")
arguments.add_argument("--period", type=int, default=2020)
arguments.add_argument("--gap", type=int, default=7)
options = arguments.parse_args()
as_of = pd.Timestamp(options.as_of)

stage = time.perf_counter()
rows = pd.read_csv(options.csv, sep=";", dtype=str, usecols=["bsn", "agb_code", "zorgsoort", "begindatum", "einddatum", "bedrag"])
rows["start"] = pd.to_datetime(rows["begindatum"], format="%Y-%m-%d")
rows["end"] = pd.to_datetime(rows["einddatum"], format="%Y-%m-%d")
rows["amount"] = rows["bedrag"].str.replace(",", ".", regex=False).astype(float)
print(f"read the CSV: {time.perf_counter() - stage:.2f} s ({len(rows)} rows)")

stage = time.perf_counter()
scope = rows[rows["zorgsoort"].isin(["verblijf", "gezinshuis", "gesloten", "crisis"]) & (rows["start"] <= as_of)].copy()
scope["open"] = scope["end"].isna() | (scope["end"] > as_of)
scope["last_day"] = scope["end"].where(~scope["open"], as_of)
scope = scope.sort_values(["bsn", "start", "last_day"], kind="stable")
# The running end before each segment: the latest end of the youth's earlier segments.
scope["running_end"] = scope.groupby("bsn")["last_day"].cummax()
scope["running_end"] = scope.groupby("bsn")["running_end"].shift(1)
gap = pd.Timedelta(days=options.gap + 1)
scope["new_episode"] = scope["running_end"].isna() | (scope["start"] > scope["running_end"] + gap)
scope["episode"] = scope["new_episode"].cumsum()
episodes = scope.groupby("episode").agg(
    bsn=("bsn", "first"), start=("start", "min"), last_day=("last_day", "max"), ongoing=("open", "any"),
    providers=("agb_code", "nunique"), cost=("amount", "sum"))
episodes["duration"] = (episodes["last_day"] - episodes["start"]).dt.days + 1
print(f"built {len(episodes)} episodes: {time.perf_counter() - stage:.2f} s")

stage = time.perf_counter()
first, last = pd.Timestamp(f"{options.period}-01-01"), pd.Timestamp(f"{options.period}-12-31")
cohort = episodes[(episodes["start"] <= last) & (episodes["ongoing"] | (episodes["last_day"] >= first))]
exited = (~cohort["ongoing"]) & cohort["last_day"].between(first, last)
print(f"measured {options.period}: youths {cohort['bsn'].nunique()}, episodes {len(cohort)}, exited {int(exited.sum())}, "
      f"ongoing {int(cohort['ongoing'].sum())}, entries {int(cohort['start'].between(first, last).sum())}, "
      f"mean duration {cohort['duration'].mean()}, median {cohort['duration'].median()}, mean cost {cohort['cost'].mean()}, "
      f"mean providers {cohort['providers'].mean()}: {time.perf_counter() - stage:.2f} s")
print(f"whole process: {time.perf_counter() - started:.2f} s")
