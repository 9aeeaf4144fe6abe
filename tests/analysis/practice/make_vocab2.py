"""Generate the vocab2 practice set's three CSVs, deterministically (fixed seeds, no clock).

    python -m tests.analysis.practice.make_vocab2   # rewrites data/vocab_room_bookings.csv,
                                                    # vocab_pick_log.csv, vocab_contracts.csv

vocab_room_bookings.csv  a small hotel's booking export, 640 bookings created Jan – Dec 2024 (snake_case
                         headers): booking_id, created (ISO date the booking was made), check_in (ISO date),
                         nights, category (Standard / Deluxe / Suite), customer_segment (Corporate / Leisure /
                         Group), booked_by (the front-desk agent who took it), channel (Web / Phone / Agent),
                         status (Confirmed / Completed / Cancelled), nightly_rate, total (nights × rate)
vocab_pick_log.csv       a warehouse pick log, 900 pick lines, 2025-03-01 – 2025-05-31: "Pick Date", Picker,
                         Zone (A / B / C / Cold), "Order No", SKU, Ordered (units), Picked (units), Short (units)
vocab_contracts.csv      a procurement contract register, 260 contracts signed 2023-01-01 – 2024-12-31:
                         "Contract ID", Vendor, Department, "Cost Code" ("CC-110 Facilities" …), Signed (ISO
                         date), "Term (months)", "Contract Value", Status (Active / Expired / Terminated), Owner

Each ends on the last day of a month (the latest created, Pick Date and Signed fall on it), so relative periods
are unambiguous.
"""
from __future__ import annotations

import datetime as dt
import random

from tests.analysis.practice import write_tables

AGENTS = ["Maya Lin", "Omar Haddad", "Priya Nair", "Tom Becker"]
CATEGORIES = {"Standard": 110.0, "Deluxe": 165.0, "Suite": 260.0}
SEGMENTS = ["Corporate", "Leisure", "Group"]
PICKERS = ["Jo Park", "Luis Vega", "Nina Kowal", "Sam Okoro", "Ravi Shah"]
ZONES = ["A", "B", "C", "Cold"]
VENDORS = ["Acme Facilities", "BrightIT", "CleanCo", "Delta Logistics", "Evergreen Legal", "Fulcrum Marketing"]
DEPTS = ["Operations", "IT", "Marketing", "Finance", "HR"]
CODES = ["CC-110 Facilities", "CC-220 Software", "CC-330 Services", "CC-440 Travel"]
OWNERS = ["A. Grant", "B. Silva", "C. Moreau"]


def _bookings(rnd: random.Random) -> list[list]:
    rows: list[list] = [["booking_id", "created", "check_in", "nights", "category", "customer_segment", "booked_by",
                         "channel", "status", "nightly_rate", "total"]]
    start = dt.date(2024, 1, 1)
    for i in range(640):
        created = start + dt.timedelta(days=rnd.randrange(366)) if i else dt.date(2024, 12, 31)
        check_in = created + dt.timedelta(days=rnd.randint(1, 60))
        cat = rnd.choices(list(CATEGORIES), weights=[6, 3, 1])[0]
        nights = rnd.choice([1, 1, 2, 2, 3, 4, 7])
        rate = round(CATEGORIES[cat] * rnd.uniform(0.85, 1.25), 2)
        status = rnd.choices(["Confirmed", "Completed", "Cancelled"], weights=[3, 6, 1])[0]
        rows.append([f"BK{i + 1:05d}", created.isoformat(), check_in.isoformat(), nights, cat,
                     rnd.choices(SEGMENTS, weights=[4, 5, 2])[0], rnd.choice(AGENTS),
                     rnd.choices(["Web", "Phone", "Agent"], weights=[5, 3, 2])[0], status, rate,
                     round(nights * rate, 2)])
    return rows


def _picks(rnd: random.Random) -> list[list]:
    rows: list[list] = [["Pick Date", "Picker", "Zone", "Order No", "SKU", "Ordered", "Picked", "Short"]]
    start = dt.date(2025, 3, 1)
    for i in range(900):
        day = start + dt.timedelta(days=rnd.randrange(92)) if i else dt.date(2025, 5, 31)
        ordered = rnd.randint(1, 24)
        short = rnd.choice([0] * 8 + [1, 2, 3]) if rnd.random() < 0.3 else 0
        short = min(short, ordered)
        rows.append([day.isoformat(), rnd.choice(PICKERS), rnd.choice(ZONES), f"SO-{7000 + i // 3}",
                     f"SKU-{rnd.randint(100, 160)}", ordered, ordered - short, short])
    return rows


def _contracts(rnd: random.Random) -> list[list]:
    rows: list[list] = [["Contract ID", "Vendor", "Department", "Cost Code", "Signed", "Term (months)",
                         "Contract Value", "Status", "Owner"]]
    start = dt.date(2023, 1, 1)
    for i in range(260):
        signed = start + dt.timedelta(days=rnd.randrange(731)) if i else dt.date(2024, 12, 31)
        term = rnd.choice([6, 12, 12, 24, 36])
        status = "Active" if signed.year == 2024 else rnd.choice(["Expired", "Expired", "Terminated", "Active"])
        rows.append([f"CT-{1000 + i}", rnd.choice(VENDORS), rnd.choice(DEPTS), rnd.choice(CODES),
                     signed.isoformat(), term, round(rnd.uniform(2000, 90000) * term / 12, 2), status,
                     rnd.choice(OWNERS)])
    return rows


if __name__ == "__main__":
    write_tables([("vocab_room_bookings", _bookings, 2411), ("vocab_pick_log", _picks, 2412),
                  ("vocab_contracts", _contracts, 2413)])
