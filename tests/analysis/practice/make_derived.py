"""Generate the derived practice set's three CSVs, deterministically (fixed seeds, no clock).

    python -m tests.analysis.practice.make_derived   # rewrites data/warehouse_picks.csv, vet_visits.csv,
                                                     # freight_invoices.csv

warehouse_picks.csv   WMS pick-task export, 1500 picks Jan – Jun 2025: "Pick ID", "Order #", Picker, Zone,
                      Shift, "Qty Ordered", "Qty Picked" (short when stock ran out), Lines, "Start Time" /
                      "End Time" US timestamps, "Travel (m)", Mispicks
vet_visits.csv        vet clinic visits, 1300 in 2024: "Visit ID", "Visit Date" (US date), Clinic, Vet, Species,
                      "Visit Type", "Check In" / "Check Out" timestamps (blank on a no-show), "Wait (min)",
                      "Invoice Total" as "$1,234.50" text, "Discount ($)", "Amount Paid", "No Show" Y/N,
                      "Follow-up Booked" Yes/No
freight_invoices.csv  carrier freight bills, 900 in 2024: "Invoice No", Carrier, Mode LTL/FTL, Origin, Dest,
                      "Ship Date", "Delivered", "Due Date", "Paid Date" (blank when unpaid, US dates), Miles,
                      "Weight (lbs)", Pallets, "Linehaul ($)", "Fuel Surcharge", "Accessorials", "Total Billed"
                      ("$1,234.00" text), Disputed TRUE/FALSE

Each ends on the last day of a month, so relative periods are unambiguous.
"""
from __future__ import annotations

import datetime as dt
import random

from tests.analysis.practice import write_tables

PICKERS = {"D. Alvarez": 1.3, "K. Okafor": 1.2, "M. Brennan": 1.0, "T. Nguyen": 1.0, "S. Patel": 0.8,
           "R. Kowalski": 0.7}
VETS = {"Dr. Hale": 1.2, "Dr. Moreno": 1.1, "Dr. Iqbal": 1.0, "Dr. Fischer": 0.8, "Dr. Lund": 0.6}
CARRIERS = {"Swift Haul": 1.3, "Blue Ridge Freight": 1.1, "Coastline Logistics": 1.0, "Prairie Express": 0.8,
            "Northstar Carriers": 0.6}


def pick(rng: random.Random, weighted: dict):
    return rng.choices(list(weighted), list(weighted.values()))[0]


def _us(t: dt.datetime) -> str:
    return t.strftime("%m/%d/%Y %H:%M")


def _pick(rng: random.Random, i: int, start: dt.datetime) -> list:
    picker = pick(rng, PICKERS)
    zone = pick(rng, {"A - Fast": 0.35, "B - Bulk": 0.25, "C - Mezz": 0.25, "Cold": 0.15})
    shift = "Day" if 6 <= start.hour < 18 else "Night"
    lines = rng.randint(1, 12)
    ordered = lines * rng.randint(1, 8)
    short = rng.random() < {"Cold": 0.16, "B - Bulk": 0.1}.get(zone, 0.06)
    picked = max(0, ordered - rng.randint(1, max(1, ordered // 3))) if short else ordered
    speed = PICKERS[picker]
    minutes = max(2, int(lines * rng.uniform(1.2, 3.5) / speed + ordered * 0.15))
    end = start + dt.timedelta(minutes=minutes, seconds=rng.randint(0, 59))
    travel = int(lines * rng.uniform(18, 60) * (1.6 if zone == "B - Bulk" else 1))
    mispicks = rng.choices([0, 1, 2], [0.9 if speed > 0.9 else 0.8, 0.08, 0.02])[0]
    return [f"PK-{50001 + i}", f"SO-{80000 + i // 2}", picker, zone, shift, ordered, picked, lines,
            _us(start), _us(end), travel, mispicks]


def warehouse_picks(rng: random.Random) -> list[list]:
    rows: list[list] = [["Pick ID", "Order #", "Picker", "Zone", "Shift", "Qty Ordered", "Qty Picked", "Lines",
                         "Start Time", "End Time", "Travel (m)", "Mispicks"]]
    first, last = dt.datetime(2025, 1, 1, 5), dt.datetime(2025, 6, 30, 21)
    span = int((last - first).total_seconds() // 60)
    starts = sorted(first + dt.timedelta(minutes=rng.randrange(span)) for _ in range(1499))
    starts.append(dt.datetime(2025, 6, 30, 14, 5))
    for i, s in enumerate(starts):
        rows.append(_pick(rng, i, s))
    return rows


def _visit(rng: random.Random, i: int, day: dt.date) -> list:
    clinic = pick(rng, {"Maple St": 0.4, "Riverside": 0.35, "Eastgate": 0.25})
    vet = pick(rng, VETS)
    species = pick(rng, {"Dog": 0.52, "Cat": 0.36, "Rabbit": 0.05, "Bird": 0.03, "Reptile": 0.04})
    kind = pick(rng, {"Wellness": 0.34, "Vaccination": 0.2, "Sick": 0.28, "Dental": 0.1, "Surgery": 0.08})
    no_show = rng.random() < (0.12 if kind in ("Wellness", "Vaccination") else 0.04)
    base = {"Wellness": 85, "Vaccination": 60, "Sick": 180, "Dental": 420, "Surgery": 1300}[kind]
    arrive = dt.datetime.combine(day, dt.time(8)) + dt.timedelta(minutes=15 * rng.randrange(36))
    if no_show:
        return [f"V{30001 + i}", day.strftime("%m/%d/%Y"), clinic, vet, species, kind, "", "", "",
                "$0.00", 0, 0, "Y", "No"]
    wait = int(rng.lognormvariate(2.4 if clinic != "Riverside" else 2.8, 0.5))
    stay = {"Surgery": 240, "Dental": 120}.get(kind, 30) * rng.uniform(0.6, 1.6)
    check_out = arrive + dt.timedelta(minutes=wait + int(stay))
    total = round(base * rng.lognormvariate(0, 0.35), 2)
    discount = round(total * rng.choice([0.1, 0.15]), 2) if rng.random() < 0.2 else 0
    owed = total - discount
    paid = round(owed if rng.random() < 0.85 else owed * rng.uniform(0.3, 0.9), 2)
    follow = "Yes" if rng.random() < (0.55 if kind in ("Sick", "Surgery", "Dental") else 0.15) else "No"
    return [f"V{30001 + i}", day.strftime("%m/%d/%Y"), clinic, vet, species, kind, _us(arrive), _us(check_out),
            wait, f"${total:,.2f}", discount, paid, "N", follow]


def vet_visits(rng: random.Random) -> list[list]:
    rows: list[list] = [["Visit ID", "Visit Date", "Clinic", "Vet", "Species", "Visit Type", "Check In",
                         "Check Out", "Wait (min)", "Invoice Total", "Discount ($)", "Amount Paid", "No Show",
                         "Follow-up Booked"]]
    first = dt.date(2024, 1, 1)
    days = sorted(first + dt.timedelta(days=rng.randrange(366)) for _ in range(1299))
    days.append(dt.date(2024, 12, 31))
    for i, d in enumerate(days):
        rows.append(_visit(rng, i, d))
    return rows


def _freight(rng: random.Random, i: int, ship: dt.date, last: dt.date) -> list:
    carrier = pick(rng, CARRIERS)
    mode = "FTL" if rng.random() < 0.35 else "LTL"
    origin = pick(rng, {"Dallas, TX": 0.3, "Memphis, TN": 0.25, "Columbus, OH": 0.25, "Reno, NV": 0.2})
    dest = pick(rng, {"Atlanta, GA": 0.25, "Denver, CO": 0.2, "Chicago, IL": 0.3, "Phoenix, AZ": 0.25})
    miles = rng.randint(180, 1900)
    pallets = rng.randint(12, 26) if mode == "FTL" else rng.randint(1, 8)
    weight = int(pallets * rng.uniform(600, 1400))
    rate = (2.1 if mode == "FTL" else 0.9) * {"Swift Haul": 0.95, "Prairie Express": 1.12}.get(carrier, 1)
    linehaul = round(miles * rate * (1 if mode == "FTL" else pallets ** 0.5), 2)
    fuel = round(linehaul * rng.uniform(0.18, 0.3), 2)
    acc = rng.choice([0, 0, 0, 75, 125, 250])
    total = linehaul + fuel + acc
    delivered = ship + dt.timedelta(days=max(1, int(miles / 500 + rng.choice([0, 0, 1, 1, 2, 4]))))
    invoice = delivered + dt.timedelta(days=rng.randint(0, 3))
    due = invoice + dt.timedelta(days=30)
    late = rng.random() < {"Prairie Express": 0.35, "Northstar Carriers": 0.3}.get(carrier, 0.15)
    paid = due + dt.timedelta(days=rng.randint(1, 25)) if late else invoice + dt.timedelta(days=rng.randint(5, 29))
    paid_s = paid.strftime("%m/%d/%Y") if paid <= last else ""
    disputed = "TRUE" if rng.random() < 0.07 else "FALSE"
    return [f"FI-{24001 + i}", carrier, mode, origin, dest, ship.strftime("%m/%d/%Y"),
            delivered.strftime("%m/%d/%Y"), due.strftime("%m/%d/%Y"), paid_s, miles, weight, pallets,
            linehaul, fuel, acc, f"${total:,.2f}", disputed]


def freight_invoices(rng: random.Random) -> list[list]:
    rows: list[list] = [["Invoice No", "Carrier", "Mode", "Origin", "Dest", "Ship Date", "Delivered", "Due Date",
                         "Paid Date", "Miles", "Weight (lbs)", "Pallets", "Linehaul ($)", "Fuel Surcharge",
                         "Accessorials", "Total Billed", "Disputed"]]
    first, last = dt.date(2024, 1, 1), dt.date(2024, 12, 31)
    days = sorted(first + dt.timedelta(days=rng.randrange(355)) for _ in range(900))
    for i, d in enumerate(days):
        rows.append(_freight(rng, i, d, last))
    return rows


DATASETS = [("warehouse_picks", warehouse_picks, 4301), ("vet_visits", vet_visits, 4302),
            ("freight_invoices", freight_invoices, 4303)]


def main() -> None:
    write_tables(DATASETS)


if __name__ == "__main__":
    main()
