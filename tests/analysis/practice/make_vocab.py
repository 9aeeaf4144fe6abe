"""Generate the vocab practice set's three CSVs, deterministically (fixed seeds, no clock).

    python -m tests.analysis.practice.make_vocab   # rewrites data/plant_output.csv, staff_hours.csv,
                                                   # home_listings.csv

plant_output.csv   one row per production line and shift, Jan – Jun 2025: Date (ISO), Plant (a region code:
                   NE, SE, MW, SW), Line, Shift (D / N), "Units Produced", "Units Rejected", "Units Scrapped",
                   "Run Hrs", "Planned Hrs", "Crew Size"
staff_hours.csv    one row per employee and month, Jan – Jun 2025: Month (first day, ISO), "Emp ID", Name,
                   Dept (ENG, MKT, FIN, OPS, HR), Office (NYC, LDN, SFO), Type (FT, PT, CTR), "Hours Billed",
                   "Hours Available", Pay, Expenses; some people join or leave during the half year
home_listings.csv  one row per house listed in 2024: "Listing ID", Region (NE, SE, MW, W), Type (SFH, CONDO,
                   TH), Agent, "List Date", "Sale Date" (blank while unsold), "List Price", "Sale Price" (blank
                   while unsold), Financing (CASH, CONV, FHA, VA; blank while unsold), Beds

Each ends on the last day of a month, so relative periods are unambiguous.
"""
from __future__ import annotations

import datetime as dt
import random

from tests.analysis.practice import write_tables

PLANTS = {"NE": (["L1", "L2"], 1.2), "SE": (["L3", "L4"], 1.0), "MW": (["L5", "L6"], 0.9),
          "SW": (["L7", "L8"], 0.8)}
DEPTS = {"ENG": 0.82, "MKT": 0.64, "FIN": 0.7, "OPS": 0.75, "HR": 0.55}
OFFICES = ["NYC", "LDN", "SFO"]
FIRST = ["Ava", "Ben", "Cara", "Dan", "Eve", "Finn", "Gia", "Hugo", "Ivy", "Jon", "Kai", "Lena"]
LAST = ["Lee", "Park", "Shaw", "Diaz", "Okafor", "Berg", "Rossi", "Khan", "Nolan", "Sato"]
REGIONS = {"NE": 1.3, "SE": 0.9, "MW": 0.8, "W": 1.5}
TYPES = {"SFH": 1.0, "CONDO": 0.7, "TH": 0.8}
AGENTS = ["M. Grant", "S. Patel", "J. Ortiz", "L. Chen", "R. Adams", "K. Brown"]


def _plants(rnd: random.Random) -> list[list]:
    rows: list[list] = [["Date", "Plant", "Line", "Shift", "Units Produced", "Units Rejected", "Units Scrapped",
                         "Run Hrs", "Planned Hrs", "Crew Size"]]
    day = dt.date(2025, 1, 1)
    while day <= dt.date(2025, 6, 30):
        for plant, (lines, size) in PLANTS.items():
            for line in lines:
                for shift in ("D", "N"):
                    planned = 8.0
                    run = round(planned - rnd.choice([0, 0, 0.5, 1, 1.5, 3]), 1)
                    made = int(run * rnd.uniform(45, 60) * size)
                    bad = 0.06 if shift == "N" else 0.035
                    rejected = int(made * rnd.uniform(0.3, 1.7) * bad)
                    rows.append([day.isoformat(), plant, line, shift, made, rejected, int(rejected * rnd.random() / 2),
                                 run, planned, rnd.randint(4, 9)])
        day += dt.timedelta(days=1)
    return rows


def _staff(rnd: random.Random) -> list[list]:
    rows: list[list] = [["Month", "Emp ID", "Name", "Dept", "Office", "Type", "Hours Billed", "Hours Available",
                         "Pay", "Expenses"]]
    people = []
    for i in range(48):
        dept = rnd.choice(list(DEPTS))
        kind = rnd.choices(["FT", "PT", "CTR"], [6, 2, 2])[0]
        first, last = rnd.randint(1, 4) if i > 36 else 1, rnd.randint(4, 6) if i < 8 else 6
        people.append((f"E{i + 101}", f"{rnd.choice(FIRST)} {rnd.choice(LAST)}", dept, rnd.choice(OFFICES), kind,
                       first, last, round(rnd.uniform(4500, 11000), -2)))
    for month in range(1, 7):
        for emp, name, dept, office, kind, first, last, pay in people:
            if not first <= month <= last:
                continue
            available = {"FT": 160.0, "PT": 80.0, "CTR": 120.0}[kind]
            billed = round(available * min(1.0, DEPTS[dept] * rnd.uniform(0.8, 1.2)), 1)
            monthly = pay * (0.5 if kind == "PT" else 1.0)
            rows.append([dt.date(2025, month, 1).isoformat(), emp, name, dept, office, kind, billed, available,
                         monthly, round(rnd.uniform(0, 900) * (1.6 if dept == "MKT" else 1.0), 2)])
    return rows


def _homes(rnd: random.Random) -> list[list]:
    rows: list[list] = [["Listing ID", "Region", "Type", "Agent", "List Date", "Sale Date", "List Price",
                         "Sale Price", "Financing", "Beds"]]
    for i in range(520):
        region = rnd.choice(list(REGIONS))
        kind = rnd.choices(list(TYPES), [5, 3, 2])[0]
        listed = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(335))
        beds = rnd.choice([1, 2, 2, 3, 3, 3, 4, 5]) if kind != "CONDO" else rnd.choice([1, 2, 2, 3])
        price = round(rnd.uniform(180000, 420000) * REGIONS[region] * TYPES[kind] * (0.7 + beds / 10), -3)
        days = int(rnd.uniform(5, 90) * (1.4 if region == "MW" else 1.0))
        sold = listed + dt.timedelta(days=days)
        if sold > dt.date(2024, 12, 31) or rnd.random() < 0.1:
            rows.append([f"LST-{i + 1:04d}", region, kind, rnd.choice(AGENTS), listed.isoformat(), "", price, "",
                         "", beds])
            continue
        financing = rnd.choices(["CASH", "CONV", "FHA", "VA"], [3, 8, 3, 1])[0]
        rows.append([f"LST-{i + 1:04d}", region, kind, rnd.choice(AGENTS), listed.isoformat(), sold.isoformat(),
                     price, round(price * rnd.uniform(0.93, 1.04), -2), financing, beds])
    return rows


def main() -> None:
    write_tables([("plant_output", _plants, 71), ("staff_hours", _staff, 72), ("home_listings", _homes, 73)])


if __name__ == "__main__":
    main()
