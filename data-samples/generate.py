#!/usr/bin/env python3
# Development aid, NOT part of the product.
#
# Writes the synthetic sample files of data-samples/ (reference files, extracts, ROM scores and
# README.md). The generated files are committed; the product never runs this script.
#
#   python3 data-samples/generate.py            # (re)write every file next to this script
#   python3 data-samples/generate.py --stats    # the same, and print episode figures per region
#   python3 data-samples/generate.py --check    # only generate in memory and run the checks
#
# Python 3.11, standard library only. Deterministic: a fixed seed per file, no set iteration, no
# clock, so running it twice gives byte-identical files. Before anything is written every extract
# is parsed back and checked against the row checks of PROTOCOL.md 3.1 (elfproef of every BSN,
# dates, date order, required values, code forms, care-type mapping, amounts, duplicates): clean
# files must pass every row, and the dirty file must fail exactly the rows listed in README.md.
#
# Everything is made up: BSNs are random numbers that pass the elfproef, client ids are random,
# providers and their AGB-like codes are fictional, amounts and scores are synthetic.

import argparse
import csv
import datetime as dt
import io
import math
import os
import random
import re
import sys
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))
D = dt.date
ONE = dt.timedelta(days=1)
WORLD_END = D(2023, 6, 30)

# --------------------------------------------------------------------------------------------
# reference data
# --------------------------------------------------------------------------------------------

# code, name, region, inhabitants (approx. 2020), share aged 0-17 (approx.), yearly trend of that count
REGIONS = [
    ("0376", "Blaricum", "Gooi en Vechtstreek", 11900, 0.215, -0.004),
    ("0317", "Eemnes", "Gooi en Vechtstreek", 9300, 0.225, -0.006),
    ("1942", "Gooise Meren", "Gooi en Vechtstreek", 58000, 0.205, 0.000),
    ("0402", "Hilversum", "Gooi en Vechtstreek", 90800, 0.200, 0.002),
    ("0406", "Huizen", "Gooi en Vechtstreek", 41400, 0.195, -0.006),
    ("0417", "Laren", "Gooi en Vechtstreek", 11200, 0.215, -0.004),
    ("1696", "Wijdemeren", "Gooi en Vechtstreek", 24100, 0.205, -0.005),
    ("0148", "Dalfsen", "IJsselland", 28700, 0.225, -0.004),
    ("0150", "Deventer", "IJsselland", 100900, 0.195, 0.001),
    ("0160", "Hardenberg", "IJsselland", 61000, 0.220, -0.005),
    ("0166", "Kampen", "IJsselland", 54000, 0.235, 0.002),
    ("1773", "Olst-Wijhe", "IJsselland", 18100, 0.205, -0.006),
    ("0175", "Ommen", "IJsselland", 17800, 0.215, -0.004),
    ("0177", "Raalte", "IJsselland", 37800, 0.215, -0.003),
    ("0180", "Staphorst", "IJsselland", 17300, 0.275, 0.003),
    ("1708", "Steenwijkerland", "IJsselland", 44200, 0.190, -0.006),
    ("1896", "Zwartewaterland", "IJsselland", 22800, 0.245, 0.000),
    ("0193", "Zwolle", "IJsselland", 129800, 0.210, 0.006),
    ("0141", "Almelo", "Twente", 73000, 0.205, -0.002),
    ("0147", "Borne", "Twente", 23400, 0.210, -0.002),
    ("1774", "Dinkelland", "Twente", 26400, 0.205, -0.006),
    ("0153", "Enschede", "Twente", 159700, 0.185, -0.001),
    ("0158", "Haaksbergen", "Twente", 24300, 0.195, -0.007),
    ("0163", "Hellendoorn", "Twente", 35800, 0.215, -0.004),
    ("0164", "Hengelo", "Twente", 81000, 0.195, -0.002),
    ("1735", "Hof van Twente", "Twente", 35000, 0.195, -0.006),
    ("0168", "Losser", "Twente", 22600, 0.190, -0.006),
    ("0173", "Oldenzaal", "Twente", 32000, 0.200, -0.004),
    ("1742", "Rijssen-Holten", "Twente", 38200, 0.240, 0.000),
    ("0183", "Tubbergen", "Twente", 21300, 0.220, -0.005),
    ("1700", "Twenterand", "Twente", 34000, 0.220, -0.005),
    ("0189", "Wierden", "Twente", 24300, 0.220, -0.003),
]
REGION_OF = {r[0]: r[2] for r in REGIONS}
GEMEENTE_NAME = {r[0]: r[1] for r in REGIONS}

# postcode areas (first 4 digits) of the Gooi en Vechtstreek municipalities, for the cbs file
POSTCODES = {
    "0376": [1261, 1262],
    "0317": [3755],
    "1942": [1398, 1399, 1401, 1402, 1403, 1404, 1405, 1406, 1411, 1412],
    "0402": [1211, 1212, 1213, 1214, 1215, 1216, 1217, 1218, 1221, 1222, 1223],
    "0406": [1271, 1272, 1273, 1274, 1275, 1276, 1277],
    "0417": [1251],
    "1696": [1231, 1241, 1243, 1244, 1394],
}

# agb_code, name, sector, home region (None = works for every region), roles
# All names and codes are invented for these samples.
PROVIDERS = [
    ("98910011", "Jeugdhulp De Vechtstroom", "JO", "IJsselland", "verblijf crisis kv ambulant"),
    ("98910022", "Stichting Het IJsselhuis", "JO", "IJsselland", "verblijf gezinshuis ambulant"),
    ("98910033", "Sallandse Jeugd- en Gezinszorg", "JO", "IJsselland", "verblijf ambulant"),
    ("98910044", "Gezinshuizen De Vlier", "JO", "IJsselland", "gezinshuis"),
    ("98910055", "LVB Wonen De Sallandse Es", "LVB", "IJsselland", "verblijf kv ambulant"),
    ("06910015", "GGZ Jeugdkliniek Salland", "GGZ", "IJsselland", "ggz ambulant"),
    ("98910066", "Ambulant Team IJsseldelta", "overig", "IJsselland", "ambulant"),
    ("98920018", "Twentse Jeugdhulp Het Hoge Veld", "JO", "Twente", "verblijf crisis ambulant"),
    ("98920029", "Stichting De Dinkelhoeve", "JO", "Twente", "verblijf gezinshuis ambulant"),
    ("98920030", "Jeugdhuis Regge en Dinkel", "JO", "Twente", "verblijf kv"),
    ("98920041", "Gezinshuisnetwerk Noaberschap", "JO", "Twente", "gezinshuis"),
    ("98920052", "Orthopedagogisch Centrum Het Lonnekerveld", "LVB", "Twente", "verblijf kv ambulant"),
    ("06920012", "Kinder- en Jeugdpsychiatrie Twentekanaal", "GGZ", "Twente", "ggz ambulant"),
    ("73920013", "Zorgboerderij De Kievitshoeve", "overig", "Twente", "verblijf kv"),
    ("98930014", "Jeugdhulp Gooi en Eem", "JO", "Gooi en Vechtstreek", "verblijf crisis ambulant"),
    ("98930025", "Huize Vechtoever", "JO", "Gooi en Vechtstreek", "verblijf gezinshuis"),
    ("98930036", "Gezinshuis De Spiegelplas", "JO", "Gooi en Vechtstreek", "gezinshuis"),
    ("98930047", "Zorggroep Eemvallei LVB", "LVB", "Gooi en Vechtstreek", "verblijf kv ambulant"),
    ("06930019", "Jeugd-GGZ Gooise Heide", "GGZ", "Gooi en Vechtstreek", "ggz ambulant"),
    ("98930058", "Pleegzorg Gooi en Eem", "JO", "Gooi en Vechtstreek", "pleegzorg"),
    ("98940011", "JeugdzorgPlus De Lemelerberg", "JO", None, "gesloten"),
    ("98940022", "JeugdzorgPlus Het Veenhuis", "JO", None, "gesloten"),
    ("98940033", "Landelijke Crisisopvang Jeugd De Overstap", "JO", None, "crisis"),
    ("98940044", "Crisisdienst Jeugd Oost", "JO", None, "crisis"),
    ("06940017", "Klinisch Centrum Jeugdpsychiatrie Veluwerand", "GGZ", None, "ggz"),
    ("98940055", "Pleegzorg Oost-Nederland", "JO", None, "pleegzorg"),
    ("98940066", "Particuliere Jeugdzorg Het Nieuwe Nest", "overig", None, "verblijf"),
]
# a provider that occurs in the Twente extract but not in providers.csv (its sector is then 'overig')
UNLISTED = ("98929990", "Jeugdzorg De Nieuwe Esch", "JO", "Twente", "verblijf")
PROVIDER_NAME = {p[0]: p[1] for p in PROVIDERS + [UNLISTED]}
PROVIDER_SECTOR = {p[0]: p[2] for p in PROVIDERS + [UNLISTED]}

CARE_TYPES = ["verblijf", "gezinshuis", "gesloten", "crisis", "pleegzorg", "kortdurend_verblijf", "ambulant"]
RESIDENTIAL = ("verblijf", "gezinshuis", "gesloten", "crisis")

# tariff per day in 2020 and a yearly index (fictional but plausible)
TARIFF_2020 = {
    "verblijf": Decimal("145.80"),
    "gezinshuis": Decimal("119.40"),
    "gesloten": Decimal("331.20"),
    "crisis": Decimal("209.60"),
    "pleegzorg": Decimal("60.15"),
    "kortdurend_verblijf": Decimal("152.30"),
}
TARIFF_INDEX = {2017: Decimal("0.922"), 2018: Decimal("0.948"), 2019: Decimal("0.973"), 2020: Decimal("1"),
                2021: Decimal("1.027"), 2022: Decimal("1.071"), 2023: Decimal("1.139")}
TARIFF = {(c, y): (TARIFF_2020[c] * i).quantize(Decimal("0.01"), ROUND_HALF_UP)
          for c in TARIFF_2020 for y, i in TARIFF_INDEX.items()}

CARETYPE_CODES = [
    ("KV", "kortdurend_verblijf"),
    ("JMV-OV", "verblijf"),
    ("JMV-GEZ", "gezinshuis"),
    ("JMV-GES", "gesloten"),
    ("JMV-CR", "crisis"),
    ("JMV-PL", "pleegzorg"),
    ("JMV-KV", "kortdurend_verblijf"),
    ("JZV", "ambulant"),
]
BUILTIN_CODES = {"35": "pleegzorg", "36": "gezinshuis", "37": "gesloten", "38": "verblijf", "43": "verblijf",
                 "44": "verblijf", "46": "crisis", "31": "ambulant", "32": "ambulant", "33": "ambulant",
                 "34": "ambulant"}
CARE_MAP = {c: c for c in CARE_TYPES}
CARE_MAP.update(BUILTIN_CODES)
CARE_MAP.update({k.lower(): v for k, v in CARETYPE_CODES})

IJW_CODES = {"verblijf": ["43", "44"], "gezinshuis": ["36"], "gesloten": ["37"], "crisis": ["46"],
             "pleegzorg": ["35"], "ambulant": ["31", "32", "33", "34"], "kortdurend_verblijf": ["KV"]}
REGIONAL_CODES = {"verblijf": "JMV-OV", "gezinshuis": "JMV-GEZ", "gesloten": "JMV-GES", "crisis": "JMV-CR",
                  "pleegzorg": "JMV-PL", "kortdurend_verblijf": "JMV-KV", "ambulant": "JZV"}
PRODUCTS = {"verblijf": ["43A01", "43A02", "44A01", "44A03"], "ggz": ["43G05", "43G06"],
            "gezinshuis": ["36A01", "36A02"], "gesloten": ["37A01"], "crisis": ["46A01", "46A02"],
            "pleegzorg": ["35A01", "35A03"], "kortdurend_verblijf": ["40K01"],
            "ambulant": ["31A10", "32A05", "33A01", "34A20"]}

ENDREASONS = [("01", "volgens_plan"), ("02", "voortijdig"), ("03", "voortijdig"), ("04", "voortijdig"),
              ("05", "voortijdig"), ("31", "volgens_plan"), ("32", "voortijdig"), ("33", "voortijdig"),
              ("34", "voortijdig"), ("35", "voortijdig"), ("38", "overig")]

# instrument, direction, sd, reliability, cut-off -- PLACEHOLDERS, see README
INSTRUMENTS = [
    ("OBVL", "lager_is_beter", "10", "0,93", "60"),
    ("SDQ", "lager_is_beter", "5,5", "0,80", "17"),
]

# --------------------------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------------------------


def nl_date(d):
    return d.strftime("%d-%m-%Y")


def iso(d):
    return d.isoformat()


def money(x):
    return Decimal(x).quantize(Decimal("0.01"), ROUND_HALF_UP)


def nl_amount(x, grouped=True):
    s = f"{money(x):,.2f}" if grouped else f"{money(x):.2f}"
    return s.replace(",", "_").replace(".", ",").replace("_", ".")


def pt_amount(x):
    return f"{money(x):.2f}"


def age_on(birth, d):
    bday = birthday_in(birth, d.year)
    return d.year - birth.year - (1 if d < bday else 0)


def birthday_in(birth, year):
    try:
        return birth.replace(year=year)
    except ValueError:  # 29 February -> 1 March
        return D(year, 3, 1)


def elfproef_ok(s):
    if len(s) != 9 or not s.isdigit() or s == "000000000":
        return False
    total = sum(int(s[i]) * (9 - i) for i in range(8)) - int(s[8])
    return total % 11 == 0


# numbers that are widely published as test or example BSNs, or that look made up; never emitted
KNOWN_TEST_BSNS = {"111222333", "123456782", "999999990", "999990019", "999999011", "999998456",
                   "010000008", "000000012", "100000009", "200000005", "111111110", "222222220",
                   "333333330", "444444440", "555555550", "666666660", "777777770", "888888880"}


class Ids:
    """Draws fictional identifiers, never the same twice across all files."""

    def __init__(self):
        self.used = set()

    def bsn(self, rng):
        while True:
            digits = [rng.randrange(10) for _ in range(8)]
            if digits[0] > 3:          # keep a spread of leading zeros, like the examples
                digits[0] = rng.randrange(4)
            check = sum(d * (9 - i) for i, d in enumerate(digits)) % 11
            if check == 10:
                continue
            s = "".join(map(str, digits)) + str(check)
            if s in self.used or s in KNOWN_TEST_BSNS or len(set(s)) < 4 or s == "000000000":
                continue
            assert elfproef_ok(s)
            self.used.add(s)
            return s

    def client(self, rng, prefix, hexlen=8):
        while True:
            s = prefix + "".join(rng.choice("0123456789ABCDEF") for _ in range(hexlen))
            if s not in self.used:
                self.used.add(s)
                return s

    def numbered(self, rng, prefix, width):
        while True:
            s = prefix + str(rng.randrange(10 ** (width - 1), 10 ** width))
            if s not in self.used:
                self.used.add(s)
                return s


def weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    r = rng.random() * total
    for v, w in pairs:
        r -= w
        if r < 0:
            return v
    return pairs[-1][0]


def gem_weights(region):
    return [(r[0], r[3] * r[4]) for r in REGIONS if r[2] == region]


# --------------------------------------------------------------------------------------------
# the care simulation
# --------------------------------------------------------------------------------------------


class Seg:
    __slots__ = ("agb", "care", "role", "start", "end", "product", "amount", "code", "crisis_flag",
                 "reason", "transfer")

    def __init__(self, agb, care, role, start, end, product):
        self.agb, self.care, self.role, self.start, self.end, self.product = agb, care, role, start, end, product
        self.amount = None
        self.code = care
        self.crisis_flag = None
        self.reason = None
        self.transfer = False


class Youth:
    def __init__(self, birth, sex, gm):
        self.birth, self.sex, self.gm = birth, sex, gm
        self.segs = []
        self.bsn = None
        self.client_id = None
        self.episodes = []   # (start, end) of the simulated residential stays, for ROM


class Sim:
    def __init__(self, rng, region, extra_providers=(), median_days=500):
        self.rng = rng
        self.region = region
        self.median_days = median_days
        self.pool = {}
        for p in list(PROVIDERS) + list(extra_providers):
            for role in p[4].split():
                self.pool.setdefault(role, []).append(p)

    def provider(self, role, avoid=None):
        rng = self.rng
        cands = self.pool[role]
        local = [p for p in cands if p[3] == self.region]
        other = [p for p in cands if p[3] != self.region]
        national = [p for p in other if p[3] is None]
        if role in ("ambulant", "kv", "gezinshuis") and local:
            other = national = []   # care close to home
        for _ in range(20):
            r = rng.random()
            if local and r < 0.78:
                p = rng.choice(local)
            elif national and r < 0.94:
                p = rng.choice(national)
            else:
                p = rng.choice(other or local)
            if p[0] != avoid:
                return p[0]
        return p[0]

    # --- one stay -------------------------------------------------------------------------
    def episode(self, y, start, length, cap):
        """Segments of one residential stay starting at `start`, about `length` days, never past `cap`."""
        rng = self.rng
        segs = []
        end_target = min(start + dt.timedelta(days=length - 1), cap)
        age = age_on(y.birth, start)

        if length < 30:  # a crisis placement or a short admission, one provider
            if rng.random() < 0.7:
                role, care = "crisis", "crisis"
            else:
                role, care = ("ggz", "verblijf") if age >= 12 and rng.random() < 0.4 else ("verblijf", "verblijf")
            agb = self.provider(role)
            segs.append(Seg(agb, care, role, start, end_target, rng.choice(PRODUCTS["ggz" if role == "ggz" else care])))
            return segs, end_target

        t = start
        last_agb = None
        if rng.random() < 0.32:  # crisis before the longer stay
            clen = min(rng.randint(7, 56), max(7, length // 4))
            agb = self.provider("crisis")
            cend = t + dt.timedelta(days=clen - 1)
            segs.append(Seg(agb, "crisis", "crisis", t, cend, rng.choice(PRODUCTS["crisis"])))
            last_agb = agb
            r = rng.random()
            t = cend + ONE if r < 0.6 else (cend - dt.timedelta(days=rng.randint(1, 3)) if r < 0.85
                                             else cend + dt.timedelta(days=rng.randint(2, 5)))
        remaining = (end_target - t).days + 1
        if remaining < 20:
            if segs:
                return segs, segs[-1].end
            if end_target < start:
                return [], None
            agb = self.provider("verblijf")
            segs.append(Seg(agb, "verblijf", "verblijf", start, end_target, rng.choice(PRODUCTS["verblijf"])))
            return segs, end_target

        years = remaining / 365.0
        if years < 0.5:
            k = weighted(rng, [(1, 55), (2, 45)])
        elif years < 1.5:
            k = weighted(rng, [(1, 32), (2, 30), (3, 22), (4, 16)])
        elif years < 3:
            k = weighted(rng, [(1, 18), (2, 25), (3, 25), (4, 18), (5, 14)])
        else:
            k = weighted(rng, [(1, 12), (2, 20), (3, 25), (4, 20), (5, 13), (6, 10)])
        k = max(1, min(k, remaining // 40))
        weights = [rng.uniform(0.4, 1.6) for _ in range(k)]
        parts = [max(20, int(remaining * w / sum(weights))) for w in weights]

        # first care of the stay depends on age
        if age < 4:
            role = weighted(rng, [("gezinshuis", 70), ("verblijf", 30)])
        elif age < 8:
            role = weighted(rng, [("gezinshuis", 50), ("verblijf", 45), ("ggz", 5 if age >= 6 else 0)])
        elif age < 12:
            role = weighted(rng, [("gezinshuis", 35), ("verblijf", 55), ("ggz", 10)])
        else:
            role = weighted(rng, [("verblijf", 55), ("gezinshuis", 14), ("gesloten", 16), ("ggz", 15)])
        placements = []
        for i, plen in enumerate(parts):
            if i > 0:
                prev = placements[-1][0]
                if prev == "gesloten":
                    role = weighted(rng, [("verblijf", 70), ("gezinshuis", 15), ("gesloten", 15)])
                elif prev == "verblijf":
                    role = weighted(rng, [("verblijf", 48), ("gezinshuis", 30), ("gesloten", 12 if age >= 12 else 0),
                                          ("ggz", 10)])
                elif prev == "gezinshuis":
                    role = weighted(rng, [("verblijf", 40), ("gezinshuis", 50), ("ggz", 10)])
                else:
                    role = weighted(rng, [("verblijf", 60), ("gezinshuis", 30), ("ggz", 10)])
                if role == "ggz" and age < 6:
                    role = "gezinshuis"
            agb = self.provider(role, avoid=last_agb)
            if i > 0:
                r = rng.random()
                if r < 0.5:
                    pass                                           # back to back
                elif r < 0.75:
                    t = t - dt.timedelta(days=rng.randint(1, 14))  # handover overlap
                elif r < 0.9:
                    t = t + dt.timedelta(days=rng.randint(3, 7))   # a few days at home
                else:
                    t = t + dt.timedelta(days=rng.randint(8, 20))  # a longer spell at home
            pend = t + dt.timedelta(days=plen - 1)
            if i == len(parts) - 1:
                pend = max(pend, end_target) if rng.random() < 0.5 else pend
            pend = min(pend, cap)
            if pend < t:
                break
            placements.append((role, agb, t, pend))
            last_agb = agb
            t = pend + ONE
            if t > cap:
                break

        for role, agb, ps, pe in placements:
            care = "verblijf" if role == "ggz" else role
            segs.extend(self.split(agb, care, role, ps, pe))

        # a GGZ admission nested inside a long group stay
        longest = max(placements, key=lambda p: (p[3] - p[2]).days) if placements else None
        if longest and longest[0] in ("verblijf", "gezinshuis") and (longest[3] - longest[2]).days > 150 \
                and age >= 8 and rng.random() < 0.25:
            glen = rng.randint(14, 90)
            gs = longest[2] + dt.timedelta(days=rng.randint(20, (longest[3] - longest[2]).days - glen - 10))
            gagb = self.provider("ggz")
            segs.append(Seg(gagb, "verblijf", "ggz", gs, gs + dt.timedelta(days=glen - 1), rng.choice(PRODUCTS["ggz"])))
        ep_end = max(s.end for s in segs)
        return segs, ep_end

    def split(self, agb, care, role, ps, pe):
        """A placement as segments: annual renewals (31-12 / 01-01) and now and then a product change."""
        rng = self.rng
        products = PRODUCTS["ggz" if role == "ggz" else care]
        product = rng.choice(products)
        cuts = []
        if rng.random() < 0.55:
            for year in range(ps.year, pe.year):
                cuts.append(D(year, 12, 31))
        if (pe - ps).days > 200 and rng.random() < 0.12:
            cuts.append(ps + dt.timedelta(days=rng.randint(60, (pe - ps).days - 60)))
        cuts = sorted(c for c in cuts if ps <= c < pe)
        out = []
        s = ps
        for c in cuts + [pe]:
            if c < s:
                continue
            if out and rng.random() < 0.25 and len(products) > 1:
                product = rng.choice(products)
            out.append(Seg(agb, care, role, s, c, product))
            s = c + ONE
        return out

    # --- around the stays ------------------------------------------------------------------
    def ambulant(self, y, start, end, intensity):
        rng = self.rng
        agb = self.provider("ambulant")
        seg = Seg(agb, "ambulant", "ambulant", start, end, rng.choice(PRODUCTS["ambulant"]))
        seg.amount = money(Decimal((end - start).days + 1) * Decimal(str(intensity)) * Decimal(str(rng.uniform(0.8, 1.2))))
        return seg

    def respite_series(self, y, start, n):
        rng = self.rng
        agb = self.provider("kv")
        out = []
        t = start
        for _ in range(n):
            ln = rng.choice([2, 2, 3, 3, 4, 7])
            out.append(Seg(agb, "kortdurend_verblijf", "kv", t, t + dt.timedelta(days=ln - 1), "40K01"))
            t = t + dt.timedelta(days=rng.randint(21, 45))
        return out

    def foster(self, y, start, length):
        rng = self.rng
        agb = self.provider("pleegzorg")
        end = start + dt.timedelta(days=length - 1)
        return self.split(agb, "pleegzorg", "pleegzorg", start, end)

    # --- a whole youth ---------------------------------------------------------------------
    def youth(self, kind, lo, hi, gm, entry_weight=None):
        rng = self.rng
        span = (hi - lo).days
        while True:
            first = lo + dt.timedelta(days=rng.randrange(span))
            if entry_weight and rng.random() > entry_weight(first):
                continue
            break
        age = weighted(rng, [(rng.randint(0, 5), 8), (rng.randint(6, 11), 22), (rng.randint(12, 17), 66),
                             (rng.randint(18, 20), 2)])
        birth = first - dt.timedelta(days=age * 365 + rng.randint(0, 364))
        sex = weighted(rng, [("M", 52), ("V", 46), ("X", 2)])
        y = Youth(birth, sex, gm)
        intensity = rng.choice([8, 12, 18, 25, 35, 45])

        if kind == "res":
            t = first
            while t <= WORLD_END:
                a = age_on(birth, t)
                if a >= 18 and not (a <= 21 and rng.random() < 0.25):
                    break
                if a >= 18:
                    cap = birthday_in(birth, birth.year + 23) - ONE
                elif rng.random() < 0.85:
                    cap = birthday_in(birth, birth.year + 18) - ONE
                else:
                    cap = birthday_in(birth, birth.year + 21) - ONE
                r = rng.random()
                if r < 0.11:
                    length = rng.randint(2, 29)
                elif r < 0.22:
                    length = rng.randint(30, 150)
                else:
                    length = int(min(3300, max(90, rng.lognormvariate(math.log(self.median_days), 0.8))))
                segs, ep_end = self.episode(y, t, length, cap)
                if not segs:
                    break
                ep_start = min(s.start for s in segs)
                y.segs.extend(segs)
                y.episodes.append((ep_start, ep_end))
                # ambulant care before, during and after
                if rng.random() < 0.6:
                    bs = ep_start - dt.timedelta(days=rng.randint(60, 400))
                    be = ep_start + dt.timedelta(days=rng.randint(-30, 14))
                    if bs >= birth and be >= bs:
                        y.segs.append(self.ambulant(y, bs, be, intensity))
                if rng.random() < 0.35 and (ep_end - ep_start).days > 120:
                    ds = ep_start + dt.timedelta(days=rng.randint(10, 60))
                    de = min(ep_end, ds + dt.timedelta(days=rng.randint(60, 400)))
                    y.segs.append(self.ambulant(y, ds, de, intensity * 0.6))
                nxt = ep_end + ONE
                if rng.random() < 0.14 and age_on(birth, nxt) < 17:
                    fl = rng.randint(120, 1100)
                    y.segs.extend(self.foster(y, nxt + dt.timedelta(days=rng.randint(0, 3)), fl))
                    break
                if rng.random() < 0.5:
                    as_ = ep_end + dt.timedelta(days=rng.randint(0, 10))
                    y.segs.append(self.ambulant(y, as_, as_ + dt.timedelta(days=rng.randint(60, 300)), intensity))
                if rng.random() < 0.22:
                    t = ep_end + dt.timedelta(days=rng.randint(21, 540))
                    continue
                break
            if y.segs and rng.random() < 0.08:
                ks = min(s.start for s in y.segs) - dt.timedelta(days=rng.randint(100, 500))
                if ks > birth:
                    y.segs.extend(self.respite_series(y, ks, rng.randint(3, 7)))
        elif kind == "foster":
            y.segs.extend(self.foster(y, first, rng.randint(200, 2000)))
            if rng.random() < 0.6:
                y.segs.append(self.ambulant(y, first + dt.timedelta(days=rng.randint(0, 60)),
                                            first + dt.timedelta(days=rng.randint(120, 500)), intensity * 0.5))
        elif kind == "respite":
            y.segs.extend(self.respite_series(y, first, rng.randint(4, 10)))
            y.segs.append(self.ambulant(y, first - dt.timedelta(days=rng.randint(30, 200)),
                                        first + dt.timedelta(days=rng.randint(100, 400)), intensity))
        else:  # ambulant only
            s = first
            for _ in range(rng.randint(1, 3)):
                e = s + dt.timedelta(days=rng.randint(40, 360))
                y.segs.append(self.ambulant(y, s, e, intensity))
                s = e + dt.timedelta(days=rng.randint(0, 200))
        y.segs = [s for s in y.segs if s.start >= y.birth]
        return y


def cut_to_window(rng, y, window_start, extract_date, open_share=0.6):
    """What an extract made on `extract_date` for the window shows: segments that started by then and
    did not end before the window; care still running has an empty end or a planned end."""
    out = []
    for s in y.segs:
        if s.start > extract_date or s.end < window_start:
            continue
        if s.end > extract_date:
            if rng.random() < open_share:
                s.end = None
            else:  # a planned end: the end of the allocation, a quarter end within about a year
                pe = min(s.end, extract_date + dt.timedelta(days=rng.randint(20, 400)))
                q_end_month = ((pe.month - 1) // 3) * 3 + 3
                s.end = (D(pe.year, q_end_month, 28) + dt.timedelta(days=4)).replace(day=1) - ONE
        out.append(s)
    y.segs = out
    return y


def tariff(care, year):
    if (care, year) in TARIFF:
        return TARIFF[(care, year)]
    if year < 2017:
        return TARIFF[(care, 2017)] * (Decimal("0.975") ** (2017 - year))
    return TARIFF[(care, 2023)]


PROVIDER_FACTOR = {"GGZ": Decimal("2.05"), "LVB": Decimal("1.22"), "JO": Decimal("1.04"), "overig": Decimal("0.92")}


def bill(rng, y, extract_date, missing_closed=0.06, missing_open=0.35):
    """Amounts billed by the extract date: days x tariff x provider factor, with noise; some left empty."""
    for s in y.segs:
        if s.care == "ambulant":
            continue
        last = min(s.end or extract_date, extract_date)
        total = Decimal(0)
        for year in range(s.start.year, last.year + 1):
            a = max(s.start, D(year, 1, 1))
            b = min(last, D(year, 12, 31))
            total += Decimal((b - a).days + 1) * tariff(s.care, year)
        factor = PROVIDER_FACTOR[PROVIDER_SECTOR[s.agb]]
        if s.care in ("crisis", "gesloten", "pleegzorg", "kortdurend_verblijf"):
            factor = Decimal("1.0")
        s.amount = money(total * factor * Decimal(str(round(rng.uniform(0.93, 1.07), 4))))
        is_open = s.end is None or s.end > extract_date
        if s.start >= D(2018, 1, 1) and rng.random() < (missing_open if is_open else missing_closed):
            s.amount = None


def code_for(rng, care, p_ijw, p_regional):
    r = rng.random()
    if r < p_ijw:
        return rng.choice(IJW_CODES[care])
    if r < p_ijw + p_regional:
        return REGIONAL_CODES[care]
    return care


def make_youths(rng, ids, region, n, window_start, extract_date, kinds, entry_weight=None, extra=(),
                median_days=500):
    sim = Sim(rng, region, extra, median_days)
    gws = gem_weights(region)
    youths = []
    lo = D(window_start.year - 4, 1, 1)
    while len(youths) < n:
        kind = weighted(rng, kinds)
        gm = weighted(rng, gws)
        klo = lo if kind == "res" else D(window_start.year - 1, 1, 1)
        y = sim.youth(kind, klo, extract_date, gm, entry_weight)
        y = cut_to_window(rng, y, window_start, extract_date)
        if not y.segs:
            continue
        if kind == "res" and not any(s.care in RESIDENTIAL for s in y.segs):
            continue
        if any(age_on(y.birth, s.start) > 22 for s in y.segs):
            y.segs = [s for s in y.segs if age_on(y.birth, s.start) <= 22]
            if not y.segs:
                continue
        youths.append(y)
    return youths


# --------------------------------------------------------------------------------------------
# writing
# --------------------------------------------------------------------------------------------


def render(rows, delim, crlf=False, bom=False, force_quote=()):
    """Rows (lists of str) to bytes; RFC 4180 quoting where needed, and for the (row, column) cells in
    force_quote even when not needed, as some exporters do."""
    nl = "\r\n" if crlf else "\n"
    lines = []
    for r, row in enumerate(rows):
        cells = []
        for i, v in enumerate(row):
            if any(ch in v for ch in (delim, '"', "\n", "\r")) or (r, i) in force_quote:
                v = '"' + v.replace('"', '""') + '"'
            cells.append(v)
        lines.append(delim.join(cells))
    text = nl.join(lines) + nl
    data = text.encode("utf-8")
    return (b"\xef\xbb\xbf" + data) if bom else data


def sort_key_chrono(y, s):
    return (s.start, s.end or D(9999, 1, 1), y.bsn or y.client_id or "", s.agb, s.care)


def build_reference():
    files = {}
    files["regions.csv"] = render([["gemeentecode", "gemeente", "regio"]] + [[r[0], r[1], r[2]] for r in REGIONS], ";")
    files["providers.csv"] = render([["agb_code", "naam", "sector"]] + [[p[0], p[1], p[2]] for p in PROVIDERS], ";")
    rows = [["zorgsoort", "jaar", "tarief_per_dag"]]
    for c in TARIFF_2020:
        for yr in sorted(TARIFF_INDEX):
            rows.append([c, str(yr), nl_amount(TARIFF[(c, yr)], grouped=False)])
    files["tariffs.csv"] = render(rows, ";")
    files["caretypes.csv"] = render([["code", "zorgsoort"]] + [list(x) for x in CARETYPE_CODES], ";")
    rows = [["gemeentecode", "jaar", "jeugdigen_0_17"]]
    for code, name, region, inh, share, trend in REGIONS:
        for yr in range(2018, 2023):
            rows.append([code, str(yr), str(int(round(inh * share * (1 + trend * (yr - 2020)))))])
    files["population.csv"] = render(rows, ";")
    files["endreasons.csv"] = render([["code", "categorie"]] + [list(x) for x in ENDREASONS], ";")
    files["instruments.csv"] = render([["instrument", "richting", "sd", "betrouwbaarheid", "grenswaarde"]]
                                      + [list(x) for x in INSTRUMENTS], ";")
    return files


def build_ijsselland(ids):
    rng = random.Random(2018_0193)
    ws, xd = D(2018, 1, 1), D(2022, 10, 31)
    youths = make_youths(rng, ids, "IJsselland", 200, ws, xd,
                         [("res", 80), ("foster", 9), ("respite", 5), ("ambulant", 6)])
    # one youth in residential care born on 29 February (the age rule of PROTOCOL.md 3.1)
    leap = next(y for y in youths if y.birth.year == 2008 and any(s.care in RESIDENTIAL for s in y.segs)
                and min(s.start for s in y.segs) > D(2008, 3, 1))
    leap.birth = D(2008, 2, 29)
    for y in youths:
        y.bsn = ids.bsn(rng)
        bill(rng, y, xd)
        for s in y.segs:
            s.code = code_for(rng, s.care, 0.2, 0.04)
            if s.care == "kortdurend_verblijf" and s.code == "kortdurend_verblijf" and rng.random() < 0.4:
                s.code = "KV"
            if s.code in BUILTIN_CODES and not s.product.startswith(s.code):
                s.product = s.code + s.product[2:]
    header = ["bsn", "geboortedatum", "geslacht", "gemeentecode", "agb_code", "aanbieder", "productcode",
              "zorgsoort", "begindatum", "einddatum", "bedrag"]
    recs = sorted(((y, s) for y in youths for s in y.segs), key=lambda ys: sort_key_chrono(*ys))
    rows = [header]
    for y, s in recs:
        amt = "" if s.amount is None else nl_amount(s.amount, grouped=rng.random() < 0.75)
        name = PROVIDER_NAME[s.agb] if rng.random() < 0.85 else ""
        rows.append([y.bsn, nl_date(y.birth), y.sex, y.gm, s.agb, name, s.product, s.code, nl_date(s.start),
                     nl_date(s.end) if s.end else "", amt])
    return render(rows, ";", crlf=True, bom=True), youths


TWENTE_REMARKS = {
    "any": ["herindicatie", "verlenging akkoord gemeente", "zie beschikking; 2e verlenging", "wachtlijst, tijdelijk"],
    "verblijf": ["plaatsing via GI; machtiging uhp", "overgang naar gezinshuis, zie plan", 'cliënt wil "terug naar huis"'],
    "gezinshuis": ["matching gezinshuis, proefplaatsing", "overgang naar gezinshuis, zie plan"],
    "gesloten": ["machtiging gesloten jeugdhulp; kinderrechter"],
    "crisis": ["spoed; zie dossier", "crisisplaatsing, 4 weken"],
    "ambulant": ["nazorg, afbouw", "ouderbegeleiding; systeemtherapie"],
    "pleegzorg": ["netwerkpleeggezin", "perspectiefbiedend, lange termijn"],
    "kortdurend_verblijf": ["logeren, 1 weekend per maand", "logeren; ontlasting ouders"],
}


def twente_remark(rng, care):
    r = rng.random()
    if r < 0.45:
        return ""
    if r < 0.65:
        return rng.choice(TWENTE_REMARKS["any"])
    return rng.choice(TWENTE_REMARKS[care])


def build_twente(ids):
    rng = random.Random(2018_0154)
    ws, xd = D(2018, 1, 1), D(2022, 9, 30)
    youths = make_youths(rng, ids, "Twente", 150, ws, xd,
                         [("res", 80), ("foster", 9), ("respite", 5), ("ambulant", 6)], extra=[UNLISTED])
    for y in youths:
        y.client_id = ids.client(rng, "TW-")
        bill(rng, y, xd)
        for s in y.segs:
            s.code = code_for(rng, s.care, 0.15, 0.1)
            if s.code in BUILTIN_CODES and not s.product.startswith(s.code):
                s.product = s.code + s.product[2:]
    header = ["Client_ID", "Begindatum", "EindDatum", "AGB_Code", "Zorgsoort", "ProductCode", "Bedrag",
              "Geboortedatum", "Geslacht", "Gemeentecode", "Aanbieder", "opmerking"]
    sexw = {"M": "man", "V": "vrouw", "X": "onbekend"}
    recs = sorted(((y, s) for y in youths for s in y.segs), key=lambda ys: (ys[0].client_id, ys[1].start, ys[1].agb))
    rows = [header]
    quoted = set()
    for y, s in recs:
        remark = twente_remark(rng, s.care)
        if remark and rng.random() < 0.3:
            quoted.add(len(rows))   # quoted although it need not be
        rows.append([y.client_id, iso(s.start), iso(s.end) if s.end else "", s.agb, s.code, s.product,
                     "" if s.amount is None else pt_amount(s.amount), iso(y.birth),
                     sexw[y.sex] if rng.random() < 0.9 else sexw[y.sex].capitalize(), y.gm,
                     PROVIDER_NAME[s.agb] if rng.random() < 0.9 else "", remark])
    return render(rows, ",", force_quote={(r, 11) for r in quoted}), youths


def gooi_entry_weight(d):
    # the programme works a bit: fewer new stays from 2021 on
    return {2021: 0.72, 2022: 0.65}.get(d.year, 1.0)


def build_gooi(ids):
    rng = random.Random(2019_0402)
    ws, xd = D(2019, 1, 1), D(2022, 12, 31)
    youths = make_youths(rng, ids, "Gooi en Vechtstreek", 120, ws, xd,
                         [("res", 84), ("foster", 7), ("respite", 4), ("ambulant", 5)], entry_weight=gooi_entry_weight,
                         median_days=620)
    for y in youths:
        if rng.random() < 0.7:
            y.bsn = ids.bsn(rng)
            y.client_id = ids.numbered(rng, "GV-", 6) if rng.random() < 0.35 else None
        else:
            y.client_id = ids.numbered(rng, "GV-", 6)
        bill(rng, y, xd)
        for s in y.segs:
            s.code = code_for(rng, s.care, 0.2, 0.0)
            if s.care == "kortdurend_verblijf" and s.code == "KV":
                s.code = "kortdurend_verblijf" if rng.random() < 0.5 else "Kortdurend_Verblijf"
            if s.code in BUILTIN_CODES and not s.product.startswith(s.code):
                s.product = s.code + s.product[2:]
    header = ["bsn", "client_id", "geboortedatum", "geslacht", "gemeentecode", "agb_code", "aanbieder",
              "productcode", "zorgsoort", "begindatum", "einddatum", "bedrag"]
    recs = sorted(((y, s) for y in youths for s in y.segs), key=lambda ys: sort_key_chrono(*ys))
    rows = [header]
    for y, s in recs:
        if s.amount is None:
            amt = ""
        elif s.amount == s.amount.to_integral_value() or rng.random() < 0.08:
            amt = str(int(s.amount.to_integral_value(ROUND_HALF_UP)))   # whole euros, no decimal mark
        else:
            amt = nl_amount(s.amount, grouped=False)
        gm = ("GM" + y.gm) if rng.random() < 0.15 else y.gm
        rows.append([y.bsn or "", y.client_id or "", iso(y.birth), y.sex, gm, s.agb,
                     PROVIDER_NAME[s.agb] if rng.random() < 0.8 else "", s.product, s.code, iso(s.start),
                     iso(s.end) if s.end else "", amt])
    return render(rows, ";", crlf=True), youths


def merge_trajectories(segs):
    """CBS describes trajectories: consecutive segments of one provider and care type become one."""
    segs = sorted(segs, key=lambda s: (s.agb, s.care, s.start))
    out = []
    for s in segs:
        if out and out[-1].agb == s.agb and out[-1].care == s.care and out[-1].end is not None \
                and s.start <= out[-1].end + ONE:
            out[-1].end = None if s.end is None else max(out[-1].end, s.end)
            continue
        out.append(s)
    return sorted(out, key=lambda s: (s.start, s.agb))


def build_cbs(ids):
    rng = random.Random(2020_1942)
    ws, xd = D(2020, 1, 1), D(2022, 1, 31)
    youths = make_youths(rng, ids, "Gooi en Vechtstreek", 80, ws, xd,
                         [("res", 82), ("foster", 8), ("respite", 4), ("ambulant", 6)], entry_weight=gooi_entry_weight,
                         median_days=620)
    header = ["bsn", "geboortedatum", "geslacht", "postcode", "gemeentecode", "agb_code", "verwijzer", "hulpvorm",
              "gestart_met_crisis", "datum_aanvang", "datum_einde", "reden_beeindiging"]
    recs = []
    for y in youths:
        y.bsn = ids.bsn(rng)
        pc = f"{rng.choice(POSTCODES[y.gm])} {rng.choice('ABCDEGHJKLMNPRTVWXZ')}{rng.choice('ABCDEGHJKLMNPRTVWXZ')}"
        segs = [s for s in y.segs if s.start <= D(2021, 12, 31)]
        for s in segs:
            if s.end is not None and s.end > xd:
                s.end = None
        # crisis is a flag in CBS: the crisis placement becomes a stay that started with crisis
        for s in segs:
            if s.care == "crisis":
                s.care = "verblijf"
                s.crisis_flag = "J"
        segs = merge_trajectories(segs)
        res = sorted((s for s in segs if s.care in RESIDENTIAL), key=lambda s: s.start)
        for i, s in enumerate(segs):
            if s.crisis_flag is None:
                s.crisis_flag = "N" if rng.random() < 0.9 else ""
            if s.end is None:
                s.reason = ""
            else:
                follows = any(o is not s and s.end - dt.timedelta(days=14) <= o.start <= s.end + dt.timedelta(days=7)
                              for o in res)
                if follows:
                    s.reason = weighted(rng, [("01", 55), ("04", 30), ("03", 10), ("", 5)])
                else:
                    s.reason = weighted(rng, [("01", 58), ("02", 12), ("03", 10), ("04", 10), ("05", 5), ("", 5)])
            h = s.care
            if rng.random() < 0.3 and h != "kortdurend_verblijf":
                h = rng.choice(IJW_CODES[h])
            elif rng.random() < 0.1:
                h = h.upper()
            verw = weighted(rng, [("01", 55), ("04", 18), ("02", 10), ("05", 8), ("03", 4), ("06", 2), ("", 3)])
            recs.append((y, s, pc, h, verw))
    recs.sort(key=lambda r: (r[1].start, r[0].bsn, r[1].agb))
    rows = [header]
    for y, s, pc, h, verw in recs:
        rows.append([y.bsn, nl_date(y.birth), y.sex, pc, "GM" + y.gm, s.agb, verw, h, s.crisis_flag,
                     nl_date(s.start), nl_date(s.end) if s.end else "", s.reason])
    return render(rows, ";"), youths


# --------------------------------------------------------------------------------------------
# the dirty file
# --------------------------------------------------------------------------------------------

DIRTY_HEADER = ["bsn", "client_id", "geboortedatum", "geslacht", "gemeentecode", "agb_code", "aanbieder",
                "productcode", "zorgsoort", "begindatum", "einddatum", "bedrag"]


def build_dirty(ids):
    rng = random.Random(2021_0000)
    ws, xd = D(2021, 1, 1), D(2021, 12, 31)
    good = []
    region_cycle = ["IJsselland", "Twente", "Gooi en Vechtstreek"]
    i = 0
    while len(good) < 42:
        region = region_cycle[i % 3]
        i += 1
        ys = make_youths(rng, ids, region, 1, ws, xd, [("res", 1)])
        y = ys[0]
        y.segs = [s for s in y.segs if s.start >= D(2020, 7, 1)]
        if not y.segs or len(y.segs) > 6:
            continue
        if rng.random() < 0.6:
            y.bsn = ids.bsn(rng)
        else:
            y.client_id = ids.client(rng, "RIJM-", 10)
        bill(rng, y, xd)
        for s in sorted(y.segs, key=lambda s: s.start):
            good.append(row_for_dirty(rng, y, s))
    # rows that each break exactly one row check: (column, rule, row)
    bad = []

    def fresh(region="IJsselland", care="verblijf", start=None, length=None, with_bsn=True):
        st = start or D(2021, rng.randint(1, 9), rng.randint(1, 28))
        ln = length or rng.randint(40, 200)
        gm = weighted(rng, gem_weights(region))
        birth = st - dt.timedelta(days=rng.randint(9, 16) * 365 + rng.randint(0, 364))
        y = Youth(birth, rng.choice("MV"), gm)
        if with_bsn:
            y.bsn = ids.bsn(rng)
        else:
            y.client_id = ids.client(rng, "RIJM-", 10)
        role = "crisis" if care == "crisis" else care
        agb = Sim(rng, region).provider(role)
        s = Seg(agb, care, role, st, st + dt.timedelta(days=ln - 1), rng.choice(PRODUCTS[care]))
        s.amount = money(Decimal(ln) * tariff(care, st.year) * Decimal("1.03"))
        return y, s

    def mk(column, rule, mutate, **kw):
        y, s = fresh(**kw)
        r = row_for_dirty(rng, y, s)
        mutate(r)
        bad.append((column, rule, r))

    col = {c: i for i, c in enumerate(DIRTY_HEADER)}

    def setc(name, value):
        return lambda r: r.__setitem__(col[name], value)

    mk("agb_code", "required value missing", setc("agb_code", ""))
    mk("begindatum", "date does not parse", setc("begindatum", "2021/03/04"))
    mk("einddatum", "date is impossible", setc("einddatum", "31-02-2021"), start=D(2021, 1, 18), length=30)
    mk("einddatum", "end before start", setc("einddatum", "14-03-2021"), start=D(2021, 4, 2))
    mk("geboortedatum", "birth date after start", setc("geboortedatum", "17-08-2021"), start=D(2021, 6, 1))
    mk("geboortedatum", "youth older than 27 at start", setc("geboortedatum", "03-11-1992"), start=D(2021, 2, 15))
    mk("bsn", "bsn fails the elfproef", lambda r: r.__setitem__(col["bsn"], bad_elfproef(rng)))
    mk("bsn", "bsn is not 9 digits", lambda r: r.__setitem__(col["bsn"], eight_digits(rng)))
    mk("bsn", "bsn is 000000000", setc("bsn", "000000000"))
    mk("gemeentecode", "municipality code of the wrong form", setc("gemeentecode", "193"))
    mk("agb_code", "provider code of the wrong form", lambda r: r.__setitem__(col["agb_code"], r[col["agb_code"]][:7]))
    mk("zorgsoort", "care type maps to nothing", setc("zorgsoort", "residentieel-x"))
    mk("bedrag", "negative amount", setc("bedrag", "-35,50"))
    mk("bedrag", "number does not parse", setc("bedrag", "--5"))
    mk("client_id", "client_id longer than 64 characters",
       lambda r: r.__setitem__(col["client_id"], "RIJM-DEVENTER-" + "".join(rng.choice("0123456789abcdef")
                                                                           for _ in range(56))),
       with_bsn=False)
    # assemble: good rows in order, bad rows spread over the file, then three copies of good rows
    rows = [("ok", None, r) for r in good]
    slots = sorted(rng.sample(range(1, len(rows) + 1), len(bad)), reverse=True)
    order = list(bad)
    rng.shuffle(order)
    for pos, b in zip(slots, order):
        rows.insert(pos, ("bad", b[:2], b[2]))
    dup_src = sorted(rng.sample([k for k, r in enumerate(rows) if r[0] == "ok" and k < len(rows) - 12], 3))
    inserts = []
    for k in dup_src:
        at = rng.randint(k + 4, len(rows) - 1)
        inserts.append((at, k))
    src_rows = {k: list(rows[k][2]) for k in dup_src}
    for at, k in sorted(inserts, reverse=True):
        rows.insert(at, ("dup", id(src_rows[k]), src_rows[k]))
    # the line numbers (header = line 1)
    bad_lines, dup_lines = [], []
    ident = {}
    for n, (kind, info, r) in enumerate(rows):
        line = n + 2
        if kind == "bad":
            bad_lines.append((line, info[0], info[1], r))
        elif kind == "dup":
            orig = next(m + 2 for m, (k2, _, r2) in enumerate(rows) if k2 == "ok" and r2 == r)
            dup_lines.append((line, orig))
    data = render([DIRTY_HEADER] + [r for _, _, r in rows], ";")
    return data, bad_lines, dup_lines


def row_for_dirty(rng, y, s):
    return [y.bsn or "", y.client_id or "", nl_date(y.birth), y.sex, y.gm, s.agb, PROVIDER_NAME.get(s.agb, ""),
            s.product, code_for(rng, s.care, 0.15, 0.0), nl_date(s.start), nl_date(s.end) if s.end else "",
            "" if s.amount is None else nl_amount(s.amount)]


def bad_elfproef(rng):
    while True:
        s = "".join(str(rng.randrange(10)) for _ in range(9))
        if s[0] in "0123" and not elfproef_ok(s) and len(set(s)) > 4:
            return s


def eight_digits(rng):
    # neither the 8 digits nor the number padded with a leading zero pass the elfproef
    while True:
        s = str(rng.randrange(10_000_000, 100_000_000))
        if not elfproef_ok("0" + s) and len(set(s)) > 4:
            return s


# --------------------------------------------------------------------------------------------
# ROM scores
# --------------------------------------------------------------------------------------------


def build_rom(ijs_youths, tw_youths):
    rng = random.Random(2019_2022)
    rows = [["bsn", "client_id", "instrument", "informant", "datum", "score"]]
    recs = []
    chosen = []
    for youths, n, xd in ((ijs_youths, 60, D(2022, 10, 31)), (tw_youths, 40, D(2022, 9, 30))):
        cands = []
        for y in youths:
            eps = [e for e in y.episodes if e[0] >= D(2019, 2, 1) and e[0] <= D(2022, 3, 31)
                   and (e[1] - e[0]).days >= 60 and any(s.care in RESIDENTIAL and s.start == e[0] for s in y.segs)]
            if eps:
                cands.append((y, eps[0], xd))
        chosen.extend(rng.sample(cands, min(n, len(cands))))
    for y, (es, ee), xd in chosen:
        pre = es + dt.timedelta(days=rng.randint(-30, 21))
        sdq0 = max(4, min(38, round(rng.gauss(19, 5.5))))
        obvl0 = max(40, min(88, round(rng.gauss(63, 8))))
        informants = [("SDQ", "ouder")]
        if age_on(y.birth, pre) >= 11:
            informants.append(("SDQ", "jongere"))
        if rng.random() < 0.45:
            informants.append(("SDQ", "professional"))
        if rng.random() < 0.75 and age_on(y.birth, pre) <= 18:
            informants.append(("OBVL", "ouder"))
        post = None
        if ee <= xd - dt.timedelta(days=30) and rng.random() < 0.8:
            post = ee + dt.timedelta(days=rng.randint(-21, 30))
        for instr, inf in informants:
            base = sdq0 if instr == "SDQ" else obvl0
            b = base + (round(rng.gauss(0, 2.5)) if inf != "ouder" else 0)
            lo, hi = (0, 40) if instr == "SDQ" else (30, 100)
            b = max(lo, min(hi, b))
            recs.append((y, instr, inf, pre, b))
            if post and not (inf == "professional" and rng.random() < 0.3):
                change = rng.gauss(-4, 5) if instr == "SDQ" else rng.gauss(-5, 7)
                recs.append((y, instr, inf, post, max(lo, min(hi, round(b + change)))))
    recs.sort(key=lambda r: (r[3], r[0].bsn or r[0].client_id, r[1], r[2]))
    for y, instr, inf, d, score in recs:
        rows.append([y.bsn or "", "" if y.bsn else y.client_id, instr, inf, iso(d), str(score)])
    return render(rows, ";"), len(chosen)


# --------------------------------------------------------------------------------------------
# checks (PROTOCOL.md 3.1) on the bytes as written
# --------------------------------------------------------------------------------------------

DATE_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATE_NL = re.compile(r"^\d{2}-\d{2}-\d{4}$")
NUM_NL = re.compile(r"^-?(\d{1,3}(\.\d{3})+|\d+),\d+$")
NUM_PT = re.compile(r"^-?\d+(\.\d+)?$")


class RowError(Exception):
    def __init__(self, column, rule):
        super().__init__(f"{column}: {rule}")
        self.column, self.rule = column, rule


def parse_date(col, v):
    if DATE_ISO.match(v):
        y, m, d = int(v[:4]), int(v[5:7]), int(v[8:])
    elif DATE_NL.match(v):
        d, m, y = int(v[:2]), int(v[3:5]), int(v[6:])
    else:
        raise RowError(col, "date does not parse")
    try:
        return D(y, m, d)
    except ValueError:
        raise RowError(col, "date is impossible")


def parse_amount(col, v, delim):
    if delim == ";" and "," in v:
        if not NUM_NL.match(v):
            raise RowError(col, "number does not parse")
        x = Decimal(v.replace(".", "").replace(",", "."))
    else:
        if not NUM_PT.match(v):
            raise RowError(col, "number does not parse")
        x = Decimal(v)
    if x < 0:
        raise RowError(col, "negative amount")
    return x


def read_extract(data):
    assert b"\x00" not in data
    text = data.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    first = text.split("\n", 1)[0]
    delim = ";" if ";" in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    header = [h.strip().lower() for h in next(reader)]
    out = []
    for row in reader:
        line = reader.line_num
        if not any(c.strip() for c in row):
            continue
        cells = {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header)}
        out.append((line, cells))
    return delim, header, out


def check_row(fmt, c, delim):
    """Returns the parsed segment or raises RowError: the rules of PROTOCOL.md 3.1."""
    names = {"rijm": ("zorgsoort", "begindatum", "einddatum"),
             "cbs": ("hulpvorm", "datum_aanvang", "datum_einde")}[fmt]
    kcare, kstart, kend = names
    bsn, cid = c.get("bsn", ""), c.get("client_id", "")
    if bsn:
        if not (len(bsn) == 9 and bsn.isdigit()):
            raise RowError("bsn", "bsn is not 9 digits")
        if bsn == "000000000":
            raise RowError("bsn", "bsn is 000000000")
        if not elfproef_ok(bsn):
            raise RowError("bsn", "bsn fails the elfproef")
        youth = "bsn:" + bsn
    elif cid and fmt == "rijm":
        if len(cid) > 64:
            raise RowError("client_id", "client_id longer than 64 characters")
        youth = "id:" + cid
    else:
        raise RowError("bsn" if fmt == "cbs" or "bsn" in c else "client_id", "required value missing")
    for k in ("geboortedatum", "gemeentecode", "agb_code", kcare, kstart):
        if not c.get(k, ""):
            raise RowError(k, "required value missing")
    birth = parse_date("geboortedatum", c["geboortedatum"])
    start = parse_date(kstart, c[kstart])
    end = parse_date(kend, c[kend]) if c.get(kend) else None
    gm = c["gemeentecode"]
    if gm.upper().startswith("GM"):
        gm = gm[2:]
    if not re.fullmatch(r"\d{4}", gm):
        raise RowError("gemeentecode", "municipality code of the wrong form")
    if not re.fullmatch(r"\d{8}", c["agb_code"]):
        raise RowError("agb_code", "provider code of the wrong form")
    if end is not None and end < start:
        raise RowError(kend, "end before start")
    if birth > start:
        raise RowError("geboortedatum", "birth date after start")
    if age_on(birth, start) > 27:
        raise RowError("geboortedatum", "youth older than 27 at start")
    care = CARE_MAP.get(c[kcare].lower())
    if care is None:
        raise RowError(kcare, "care type maps to nothing")
    amount = None
    if fmt == "rijm" and c.get("bedrag"):
        amount = parse_amount("bedrag", c["bedrag"], delim)
    return {"youth": youth, "birth": birth, "gm": gm, "agb": c["agb_code"], "care": care,
            "product": c.get("productcode", ""), "start": start, "end": end, "amount": amount}


def check_file(name, data, fmt):
    delim, header, rows = read_extract(data)
    segs, errors, dups = [], [], []
    seen = {}
    for line, c in rows:
        try:
            s = check_row(fmt, c, delim)
        except RowError as e:
            errors.append((line, e.column, e.rule))
            continue
        key = (s["youth"], s["agb"], s["care"], s["product"], s["start"], s["end"])
        if key in seen:
            dups.append((line, seen[key]))
            continue
        seen[key] = line
        s["line"] = line
        s["file"] = name
        segs.append(s)
    return segs, errors, dups, len(rows)


# --------------------------------------------------------------------------------------------
# episode figures (PROTOCOL.md 4-5, a reduced version) to see that the samples look like the seeds
# --------------------------------------------------------------------------------------------


def seg_cost(s, as_of):
    if s["amount"] is not None:
        return s["amount"]
    if s["care"] not in TARIFF_2020:
        return Decimal(0)
    last = min(s["end"] or as_of, as_of)
    total = Decimal(0)
    for year in range(s["start"].year, last.year + 1):
        if (s["care"], year) not in TARIFF:
            continue
        a, b = max(s["start"], D(year, 1, 1)), min(last, D(year, 12, 31))
        total += Decimal((b - a).days + 1) * TARIFF[(s["care"], year)]
    return total


def episodes(segs, as_of, gap=7):
    by = {}
    for s in segs:
        if s["care"] in RESIDENTIAL and s["start"] <= as_of:
            by.setdefault(s["youth"], []).append(s)
    eps = []
    far = D(9999, 12, 31)
    for youth in sorted(by):
        ss = sorted(by[youth], key=lambda s: (s["start"], s["end"] or far))
        cur = None
        for s in ss:
            e = far if (s["end"] is None or s["end"] > as_of) else s["end"]
            joins = cur is not None and (cur["run"] == far or s["start"] <= cur["run"] + dt.timedelta(days=gap + 1))
            if joins:
                cur["segs"].append(s)
                cur["run"] = max(cur["run"], e)
            else:
                cur = {"youth": youth, "segs": [s], "run": e, "birth": s["birth"], "gm": s["gm"]}
                eps.append(cur)
    for ep in eps:
        ep["start"] = min(s["start"] for s in ep["segs"])
        ep["ongoing"] = ep["run"] == far
        ep["end"] = None if ep["ongoing"] else ep["run"]
        ep["days"] = ((as_of if ep["ongoing"] else ep["end"]) - ep["start"]).days + 1
        ep["providers"] = len({s["agb"] for s in ep["segs"]})
        ep["cost"] = sum((seg_cost(s, as_of) for s in ep["segs"]), Decimal(0))
    return eps


def measure(eps, frm, to, region=None):
    co = [e for e in eps if e["start"] <= to and (e["ongoing"] or e["end"] >= frm)
          and (region is None or REGION_OF.get(e["gm"]) == region)]
    if not co:
        return None
    days = sorted(e["days"] for e in co)
    n = len(days)
    med = days[n // 2] if n % 2 else (days[n // 2 - 1] + days[n // 2]) / 2
    exited = [e for e in co if not e["ongoing"] and frm <= e["end"] <= to]
    multi = [e["providers"] for e in co if e["providers"] > 1]
    top = sorted(co, key=lambda e: (-e["days"], -e["cost"]))[:25]
    return {
        "youths": len({e["youth"] for e in co}), "episodes": n, "exited_in_period": len(exited),
        "entries": sum(1 for e in co if frm <= e["start"] <= to),
        "mean_days": round(sum(days) / n), "median_days": med, "max_days": days[-1],
        "over_1000": sum(1 for d in days if d > 1000),
        "mean_exited": round(sum(e["days"] for e in exited) / len(exited)) if exited else None,
        "single_provider_share": round(sum(1 for e in co if e["providers"] == 1) / n, 2),
        "mean_providers_multi": round(sum(multi) / len(multi), 2) if multi else None,
        "mean_cost": int(sum(e["cost"] for e in co) / n),
        "min_cost": int(min(e["cost"] for e in co)), "max_cost": int(max(e["cost"] for e in co)),
        "top25_mean_days": round(sum(e["days"] for e in top) / len(top)),
    }


# --------------------------------------------------------------------------------------------
# README
# --------------------------------------------------------------------------------------------


def readme(counts, bad_lines, dup_lines, rom_youths, figures):
    def n(name):
        return counts[name]

    bad_table = "\n".join(f"| {line} | `{col}` | {rule} | `{r[DIRTY_HEADER.index(col)] or '(empty)'}` |"
                          for line, col, rule, r in bad_lines)
    dup_table = "\n".join(f"| {line} | {orig} |" for line, orig in dup_lines)
    fig_table = "\n".join(
        f"| {region} | {year} | {m['youths']} | {m['episodes']} | {m['exited_in_period']} | {m['entries']} | "
        f"{m['mean_days']} | {m['median_days']:g} | {m['mean_exited']} | {m['over_1000']} | "
        f"{round(100 * m['single_provider_share'])}% | {m['mean_providers_multi']:.1f} | {m['mean_cost']:,} |"
        for region, year, m in figures)
    return f"""# data-samples — synthetic sample data for Verblijfsmonitor

Everything in this folder is **synthetic**. No file describes a real youth, family, provider or payment:
- every `bsn` is a random 9-digit number drawn with a seeded random generator so that it passes the
  elfproef; it belongs to nobody we know of, and the well-known test numbers are excluded;
- every `client_id` (`TW-…`, `GV-…`, `RIJM-…`) is a random string;
- the providers and their 8-digit codes are invented (names made up for these samples; the codes were
  not checked against the AGB register and must not be read as real AGB codes);
- amounts, tariffs, dates, ROM scores and the population counts are made up or approximate.

The municipality codes and names in `regions.csv` are the real CBS codes of the three youth-care regions.

All files are written by `generate.py` (a development aid, not part of the product; see its header).
It is deterministic, and it checks every extract against the row checks of `PROTOCOL.md` 3.1 before it
writes anything. The CSV files are kept byte for byte (`.gitattributes`: `*.csv -text`): BOM, CRLF and LF
are part of what they demonstrate.

## Import order

Reference files first, then the extracts:

```
monitor import providers.csv regions.csv caretypes.csv tariffs.csv population.csv endreasons.csv instruments.csv
monitor import rijm_ijsselland_2018_2022.csv rijm_twente_2018_2022.csv rijm_gooi_2019_2022.csv cbs_gooi_2020_2021.csv rijm_dirty_2021.csv
```

`caretypes.csv` must be in before the extracts: the extracts use its codes (`KV`, `JMV-OV`, …), and a
code that maps to nothing is a refused row. `population.csv`, `endreasons.csv`, `instruments.csv` and
`rom_2019_2022.csv` are for later versions of the product (rates per 1,000 youths, outcome criteria, ROM
change scores); a version that does not know their format yet can leave them out.

## Files

Rows are data rows (the header not counted).

| file | rows | dialect | what it is / demonstrates |
| --- | ---: | --- | --- |
| `regions.csv` | {n('regions.csv')} | `;`, UTF-8 no BOM, LF | all municipalities of IJsselland (11), Twente (14) and Gooi en Vechtstreek (7) with their CBS codes, as after the mergers (Gooise Meren 1942, Wijdemeren 1696, Hof van Twente 1735, Dinkelland 1774, Twenterand 1700, Olst-Wijhe 1773, Steenwijkerland 1708, Zwartewaterland 1896, Rijssen-Holten 1742). Same list as `shared/examples/case-02-generated/regions.csv`. |
| `providers.csv` | {n('providers.csv')} | `;`, UTF-8 no BOM, LF | fictional providers with sector `GGZ`, `JO`, `LVB`, `overig`; codes with leading zeros (`06…`). Regional providers per region plus national ones (secure care, crisis, a GGZ clinic, foster care). The Twente extract also uses `{UNLISTED[0]}` ({UNLISTED[1]}), which is deliberately **not** listed, so its sector counts as `overig`. |
| `tariffs.csv` | {n('tariffs.csv')} | `;`, UTF-8 no BOM, LF, Dutch decimals (`145,80`) | fictional per-day tariffs 2017–2023 for `verblijf` (~€146 in 2020), `gezinshuis` (~€119), `gesloten` (~€331), `crisis` (~€210), `pleegzorg` (~€60), `kortdurend_verblijf` (~€152): a 2020 level indexed about 2.5–3% a year, more in 2022–2023. |
| `caretypes.csv` | {n('caretypes.csv')} | `;`, UTF-8 no BOM, LF | regional product codes that map to care types: `KV`, `JMV-KV` → kortdurend_verblijf, `JMV-OV` → verblijf, `JMV-GEZ` → gezinshuis, `JMV-GES` → gesloten, `JMV-CR` → crisis, `JMV-PL` → pleegzorg, `JZV` → ambulant. None of them overrides a built-in iJw code. |
| `population.csv` | {n('population.csv')} | `;`, UTF-8 no BOM, LF | youths aged 0–17 per municipality, 2018–2022. **Approximations, not CBS figures**: about 19–27% of the inhabitants (e.g. Zwolle ~27,300, Enschede ~29,500, Hilversum ~18,200) with a small yearly trend. Replace with CBS StatLine figures before using rates. |
| `endreasons.csv` | {n('endreasons.csv')} | `;`, UTF-8 no BOM, LF | end-reason codes and their category: CBS `01` volgens_plan, `02`–`05` voortijdig; iJw `31` volgens_plan, `32`–`35` voortijdig, `38` overig (transfer to another provider). |
| `instruments.csv` | {n('instruments.csv')} | `;`, UTF-8 no BOM, LF, Dutch decimals | ROM instruments: `OBVL` and `SDQ` (total difficulties), both `lager_is_beter`. The sd, reliability and cut-off are **placeholders**, see below. |
| `rijm_ijsselland_2018_2022.csv` | {n('rijm_ijsselland_2018_2022.csv')} | `;`, **UTF-8 with BOM**, **CRLF**, dates `dd-MM-yyyy`, Dutch amounts (`29.681,42` and ungrouped `7215,40`) | `rijm` extract made on 31-10-2022 for IJsselland: 200 youths identified by `bsn` (leading zeros kept). See "what the extracts contain". Care types as words, as iJw codes (`43`, `44`, `46`, `36`, `37`, `35`, `31`–`34`) and as `KV`/`JMV-…` codes. One youth is born on 29 February. |
| `rijm_twente_2018_2022.csv` | {n('rijm_twente_2018_2022.csv')} | `,`, UTF-8 no BOM, LF, ISO dates, decimal point (`13295.30`) | `rijm` extract made on 30-09-2022 for Twente: 150 youths identified by `client_id` (`TW-7F3A9C21` style, pseudonymised by the sender). The header has other case and order (`Client_ID,Begindatum,EindDatum,AGB_Code,…`), `geslacht` is written `man`/`vrouw`/`onbekend` (sometimes capitalised), and there is an extra column `opmerking` that the import ignores: some values are quoted, some contain `,` (so they must be quoted) or `;` (which does not make the file `;`-delimited), a few contain doubled quotes (`""terug naar huis""`) and non-ASCII (`cliënt`). |
| `rijm_gooi_2019_2022.csv` | {n('rijm_gooi_2019_2022.csv')} | `;`, UTF-8 no BOM, **CRLF**, ISO dates, Dutch amounts without thousands separators (`12345,67`) and some whole euros without a decimal mark (`4500`) | `rijm` extract made on 31-12-2022 for Gooi en Vechtstreek: 120 youths. Both `bsn` and `client_id` columns: about 70% of the youths have a `bsn` (a third of them also carry the sender's `GV-…` number, and the filled `bsn` wins), the others only a `client_id`. Each youth is identified the same way on all their rows. Some municipality codes carry the `GM` prefix (`GM0402`). Fewer new stays start in 2021–2022 than before, so 2021 has somewhat fewer youths in care than 2020. |
| `cbs_gooi_2020_2021.csv` | {n('cbs_gooi_2020_2021.csv')} | `;`, UTF-8 no BOM, LF, dates `dd-MM-yyyy` | `cbs` person-level trajectories for Gooi en Vechtstreek, delivered on 31-01-2022: 80 youths (other youths than in the Gooi `rijm` file, so importing both does not count anyone twice). No amounts (costs come from `tariffs.csv`). Consecutive segments of one provider and care type are one trajectory (no annual renewals). No crisis care type: a crisis placement is a `verblijf` trajectory with `gestart_met_crisis` = `J`; otherwise `N`, sometimes empty. `hulpvorm` as words (sometimes upper case) or iJw codes. `postcode` like `1211 AB`, `gemeentecode` with the `GM` prefix, `verwijzer` codes `01`–`06` (CBS style, not used by the product), `reden_beeindiging` `01`–`05`, empty for running trajectories and for a few closed ones. |
| `rijm_dirty_2021.csv` | {n('rijm_dirty_2021.csv')} | `;`, UTF-8 no BOM, LF, dates `dd-MM-yyyy`, Dutch amounts | a deliberately dirty `rijm` file: {len(bad_lines)} rows break exactly one row check each, {len(dup_lines)} rows are exact copies of earlier rows, the rest are valid (youths of all three regions with stays around 2021, identified by `bsn` or `client_id`). Each refused row belongs to a youth that appears nowhere else. Expected import: read {n('rijm_dirty_2021.csv')}, accepted {n('rijm_dirty_2021.csv') - len(bad_lines) - len(dup_lines)}, rejected {len(bad_lines)}, duplicate {len(dup_lines)}. |
| `rom_2019_2022.csv` | {n('rom_2019_2022.csv')} | `;`, UTF-8 no BOM, LF, ISO dates, integer scores | ROM scores (`bsn`;`client_id`;`instrument`;`informant`;`datum`;`score`) of {rom_youths} youths with a residential stay starting 2019–2022 in the IJsselland file (by `bsn`) and the Twente file (by `client_id`), so they link. A pre measurement from 30 days before to 21 days after the start of the stay, and for most stays that ended a post measurement from 21 days before to 30 days after the end; stays still running have only a pre measurement. SDQ total difficulties (0–40) from `ouder`, `jongere` (11 and older) and sometimes `professional`; OBVL as a T-score from `ouder`. On average the scores go down (improve) by about 4 (SDQ) and 5 (OBVL) points, with wide spread: some youths get worse. |

## What the extracts contain

The three regional `rijm` extracts cover 2018–2022 (Gooi 2019–2022): every segment that had not ended
before the start of the window and had started by the extraction date, so some segments started years
earlier (long stays), and some start or end after mid-2022. Segments still running on the extraction date
have an empty end or a planned end (the end of the allocation, a quarter end, sometimes in 2023).

About four in five youths have residential care (`verblijf`, `gezinshuis`, `gesloten`, `crisis`); the others
only foster care, respite or ambulant care. The stays are built to look like real ones:
- several providers per stay, a placement handed over with a few days' overlap, back-to-back transfers,
  a return to an earlier provider;
- annual renewals: a segment ending 31-12 and the next starting 01-01 at the same provider, now and then
  with another product code; a product change in the middle of a placement;
- a GGZ admission nested inside a long group or family-home stay;
- a crisis placement (usually 1–8 weeks) before the longer stay; short crisis-only stays;
- short spells at home between two placements (3–7 days, and 8–20 days, which splits a stay under the
  default gap of 7 days); readmissions months later;
- foster care after a stay; weekends of respite; ambulant care before, during and after stays;
- stays that end on the 18th birthday, and some continued care up to 21–22 (ages at start 0–17, a few
  18–22);
- amounts ≈ days × tariff × a provider factor (GGZ clinics about twice the group tariff) with a few percent
  noise, billed up to the extraction date; about 6% of the closed segments and a third of the running ones
  have no amount, so the tariff applies.

Measured with the protocol's defaults (gap 7 days, as-of 30-06-2022), each region's 2020 and 2021 cohorts
have a median stay of some hundreds of days, a few stays over 1,000 days, roughly a quarter to a third of
the episodes with a single provider, and costs per stay from a few thousand euros for a short crisis stay to
a few hundred thousand for the longest. `generate.py --stats` prints these figures.

The generator's own simplified count (all sample extracts imported, with the valid rows of the dirty file
but not its refused rows or duplicates; gap 7 days,
as-of 30-06-2022; episodes as in PROTOCOL.md 4, cohort "in a stay at some moment in the year"). It is a
sanity check of the sample data, not a reference: the product's figures are authoritative.

| region | year | youths | episodes | exited in year | entries | mean days | median days | mean days exited | > 1,000 days | single provider | providers if more than one | mean cost € |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
{fig_table}

For comparison, the Gooi en Vechtstreek baseline (seeds) reports 180 youths in 2020, 135 of them exited by the count, a mean
stay of 557 days, 50 of 180 episodes with one provider, about 4.1 providers otherwise (probably counting
ambulant care around the stay too) and about €110,000 per stay. The samples are much smaller but have
the same shape.

## The dirty file: refused rows

Line numbers are physical lines, the header is line 1. The reason is our wording; the protocol fixes the
rule, not the words.

| line | column | rule (PROTOCOL.md 3.1) | value |
| ---: | --- | --- | --- |
{bad_table}

Duplicates (not errors, counted, not stored again; the first row wins):

| line | exact copy of line |
| ---: | ---: |
{dup_table}

## ROM instruments: placeholders to check

The values in `instruments.csv` are placeholders chosen from the literature as we remember it; check them
against the manuals and the norm tables before anyone uses them for a reliable change index:
- **OBVL** (Opvoedingsbelastingvragenlijst), scores as T-scores (norm mean 50, **sd 10** by construction of
  T-scores); **reliability 0.93** (internal consistency of the total scale reported around 0.93–0.95);
  **cut-off 60** (T ≥ 60 taken as the start of the (sub)clinical range; the manual's exact bands to be
  checked).
- **SDQ** total difficulties (0–40, parent version): **sd 5.5** (community samples report a standard
  deviation of about 5–6); **reliability 0.80** (Cronbach's alpha of the total difficulties score about
  0.80); **cut-off 17** (the first score of the "abnormal" band of the parent version, 17–40; the
  self-report version uses 20, the teacher version 16 — one value per instrument is a simplification).
"""


# --------------------------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--stats", action="store_true", help="print episode figures per region")
    ap.add_argument("--check", action="store_true", help="generate and check, write nothing")
    args = ap.parse_args()

    ids = Ids()
    files = build_reference()
    files["rijm_ijsselland_2018_2022.csv"], ijs = build_ijsselland(ids)
    files["rijm_twente_2018_2022.csv"], tw = build_twente(ids)
    files["rijm_gooi_2019_2022.csv"], _ = build_gooi(ids)
    files["cbs_gooi_2020_2021.csv"], _ = build_cbs(ids)
    files["rijm_dirty_2021.csv"], bad_lines, dup_lines = build_dirty(ids)
    files["rom_2019_2022.csv"], rom_youths = build_rom(ijs, tw)

    # ---- checks
    problems = []
    all_segs = []
    youth_files = {}
    counts = {}
    for name in sorted(files):
        data = files[name]
        counts[name] = len(data.decode("utf-8-sig").splitlines()) - 1
        if counts[name] > 2500:
            problems.append(f"{name}: {counts[name]} rows, more than 2,500")
        if not name.startswith(("rijm_", "cbs_")):
            continue
        fmt = "cbs" if name.startswith("cbs_") else "rijm"
        segs, errors, dups, nrows = check_file(name, data, fmt)
        if name == "rijm_dirty_2021.csv":
            want = sorted((l, c, r) for l, c, r, _ in bad_lines)
            if sorted(errors) != want:
                problems.append(f"{name}: refused rows {sorted(errors)} != intended {want}")
            if sorted(dups) != sorted(dup_lines):
                problems.append(f"{name}: duplicates {dups} != intended {dup_lines}")
        else:
            if errors:
                problems.append(f"{name}: rows failing the row checks: {errors[:5]}")
            if dups:
                problems.append(f"{name}: unintended duplicates: {dups[:5]}")
            if any(s["youth"].startswith("bsn:") and not elfproef_ok(s["youth"][4:]) for s in segs):
                problems.append(f"{name}: a bsn fails the elfproef")
        for s in segs:
            if s["end"] is not None and s["end"] < s["start"]:
                problems.append(f"{name}:{s['line']}: end before start")
            youth_files.setdefault(s["youth"], set()).add(name)
        all_segs.extend(segs)
    shared = sorted(y for y, fs in youth_files.items() if len(fs) > 1)
    if shared:
        problems.append(f"youths in more than one extract: {shared[:5]}")
    rom_ids = [r.split(";")[:2] for r in files["rom_2019_2022.csv"].decode().splitlines()[1:]]
    for b, c in rom_ids:
        key = ("bsn:" + b) if b else ("id:" + c)
        if key not in youth_files or (b and not elfproef_ok(b)):
            problems.append(f"rom: {b or c} does not link to an extract")
            break
    if problems:
        for p in problems:
            print("CHECK FAILED:", p, file=sys.stderr)
        sys.exit(1)

    as_of = D(2022, 6, 30)
    eps = episodes(all_segs, as_of)
    figures = [(region, year, measure(eps, D(year, 1, 1), D(year, 12, 31), region))
               for region in ("IJsselland", "Twente", "Gooi en Vechtstreek") for year in (2020, 2021)]
    files["README.md"] = readme(counts, bad_lines, dup_lines, rom_youths, figures).encode("utf-8")

    if args.stats:
        for name in sorted(files):
            segs = [s for s in all_segs if s["file"] == name]
            if not segs:
                continue
            by_care = {c: sum(1 for s in segs if s["care"] == c) for c in CARE_TYPES}
            ages = [age_on(s["birth"], s["start"]) for s in segs if s["care"] in RESIDENTIAL]
            print(name, {"rows": len(segs), "youths": len({s["youth"] for s in segs}), "care": by_care,
                         "open": sum(1 for s in segs if s["end"] is None),
                         "end_after_as_of": sum(1 for s in segs if s["end"] and s["end"] > as_of),
                         "start_after_as_of": sum(1 for s in segs if s["start"] > as_of),
                         "no_amount": sum(1 for s in segs if s["amount"] is None),
                         "res_age_start": {a: ages.count(a) for a in sorted(set(ages))}})
        for region, year, m in figures:
            print(region, year, m)

    if not args.check:
        for name in sorted(files):
            with open(os.path.join(HERE, name), "wb") as f:
                f.write(files[name])
    for name in sorted(files):
        print(f"{name:34s} {counts.get(name, '-')}")


if __name__ == "__main__":
    main()
