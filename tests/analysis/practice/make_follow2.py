"""Write the "follow2" practice set's two CSVs, deterministically (fixed seed, no clock).

    python -m tests.analysis.practice.make_follow2   # rewrites data/furniture_sales.csv, data/salon_appointments.csv,
                                                     # data/grocery_txns.csv

furniture_sales.csv     furniture-store orders 2023-01-01 .. 2024-12-31 (ISO dates): order id, order
                        date, region, store (two cities per region), customer segment (Consumer,
                        Business, Premium), category, channel, sales rep (full names), units, sales and
                        profit in dollars (plain numbers; profit may be negative), status (Delivered,
                        Cancelled, Returned)
salon_appointments.csv  hair-salon appointments in 2024 (last one on 2024-12-31): appointment id, date,
                        salon, stylist (first names), service, client gender, client type (New,
                        Returning), booking channel, duration in minutes, service price, tip (0 when
                        none), status (Completed, Cancelled, No-show)
grocery_txns.csv        grocery-store till transactions 2023-07-01 .. 2024-12-31 (US dates), terse column
                        names: txn id, txn date, store, dept, loyalty member Y/N, pay method, cashier
                        (first names), qty, net amount as "$12.34", discount amount, voided Y/N
"""
from __future__ import annotations

import datetime as dt
import random

from tests.analysis.practice import write_tables


def _pick(rng: random.Random, weighted: dict):
    return rng.choices(list(weighted), list(weighted.values()))[0]


STORES = {"North": ["Chicago", "Minneapolis"], "South": ["Atlanta", "Dallas"], "East": ["Boston", "Philadelphia"],
          "West": ["Denver", "Portland"]}
CATEGORIES = {"Sofas": (0.18, 900.0), "Tables": (0.22, 450.0), "Chairs": (0.28, 120.0), "Beds": (0.14, 1100.0),
              "Storage": (0.18, 260.0)}
REPS = ["Bob Hartley", "Carol Nguyen", "Dave Ortiz", "Erin Walsh", "Frank Li", "Grace Kim"]


def furniture_sales(rng: random.Random, n: int = 1800) -> list[list]:
    regions = {"North": 0.28, "South": 0.26, "East": 0.27, "West": 0.19}
    segments = {"Consumer": 0.55, "Business": 0.3, "Premium": 0.15}
    channels = {"In-store": 0.5, "Online": 0.38, "Phone": 0.12}
    statuses = {"Delivered": 0.86, "Cancelled": 0.08, "Returned": 0.06}
    first = dt.date(2023, 1, 1)
    span = (dt.date(2024, 12, 31) - first).days
    rows = []
    for i in range(n):
        day = first + dt.timedelta(days=rng.randrange(span + 1) if i else span)
        region = _pick(rng, regions)
        cat = rng.choices(list(CATEGORIES), [w for w, _ in CATEGORIES.values()])[0]
        units = rng.choice([1, 1, 1, 2, 2, 3, 4]) if cat != "Chairs" else rng.choice([1, 2, 4, 4, 6, 8])
        sales = round(units * CATEGORIES[cat][1] * rng.uniform(0.7, 1.4), 2)
        profit = round(sales * rng.uniform(-0.08, 0.32), 2)
        rows.append([f"FS-{10001 + i}", day.isoformat(), region, rng.choice(STORES[region]), _pick(rng, segments),
                     cat, _pick(rng, channels), rng.choice(REPS), units, sales, profit, _pick(rng, statuses)])
    rows.sort(key=lambda r: (r[1], r[0]))
    return [["Order ID", "Order Date", "Region", "Store", "Customer Segment", "Category", "Channel", "Sales Rep",
             "Units", "Sales", "Profit", "Status"], *rows]


SERVICES = {"Haircut": (0.34, 30, 45.0), "Color": (0.18, 90, 120.0), "Highlights": (0.12, 120, 160.0),
            "Blowout": (0.16, 45, 40.0), "Beard Trim": (0.12, 20, 20.0), "Perm": (0.08, 150, 110.0)}


def salon_appointments(rng: random.Random, n: int = 1500) -> list[list]:
    salons = {"Uptown": 0.4, "Harbor": 0.33, "Midtown": 0.27}
    stylists = ["Jess", "Marco", "Priya", "Tom", "Lena", "Sam"]
    channels = {"Online": 0.52, "Phone": 0.3, "Walk-in": 0.18}
    statuses = {"Completed": 0.84, "Cancelled": 0.1, "No-show": 0.06}
    first = dt.date(2024, 1, 1)
    rows = []
    for i in range(n):
        day = first + dt.timedelta(days=rng.randrange(366) if i else 365)  # the last one is on 2024-12-31
        service = rng.choices(list(SERVICES), [w for w, _, _ in SERVICES.values()])[0]
        _, minutes, price = SERVICES[service]
        gender = "Male" if rng.random() < (0.85 if service == "Beard Trim" else 0.3) else "Female"
        status = _pick(rng, statuses)
        tip = round(price * rng.uniform(0.0, 0.25), 2) if status == "Completed" and rng.random() < 0.8 else 0
        rows.append([f"AP-{5001 + i}", day.isoformat(), _pick(rng, salons), rng.choice(stylists), service, gender,
                     "New" if rng.random() < 0.3 else "Returning", _pick(rng, channels),
                     minutes + rng.choice([-10, -5, 0, 0, 5, 10, 15]), round(price * rng.uniform(0.9, 1.2)), tip,
                     status])
    rows.sort(key=lambda r: (r[1], r[0]))
    return [["Appointment ID", "Date", "Salon", "Stylist", "Service", "Client Gender", "Client Type",
             "Booking Channel", "Duration (min)", "Service Price", "Tip", "Status"], *rows]


def grocery_txns(rng: random.Random, n: int = 2200) -> list[list]:
    stores = {"Maple St": 0.32, "Oak Ave": 0.28, "Pine Rd": 0.22, "Elm Blvd": 0.18}
    depts = {"Produce": (0.24, 6.0), "Dairy": (0.2, 4.5), "Bakery": (0.14, 5.0), "Meat": (0.16, 14.0),
             "Frozen": (0.14, 7.0), "Deli": (0.12, 9.0)}
    pays = {"Card": 0.55, "Cash": 0.2, "Mobile": 0.18, "EBT": 0.07}
    cashiers = ["Ana", "Ben", "Cleo", "Dev", "Ema", "Finn", "Gus"]
    first = dt.date(2023, 7, 1)
    span = (dt.date(2024, 12, 31) - first).days
    rows = []
    for i in range(n):
        day = first + dt.timedelta(days=rng.randrange(span + 1) if i else span)
        dept = rng.choices(list(depts), [w for w, _ in depts.values()])[0]
        qty = rng.choice([1, 1, 2, 2, 3, 4, 5, 8])
        gross = qty * depts[dept][1] * rng.uniform(0.6, 1.5)
        disc = round(gross * rng.choice([0, 0, 0, 0.05, 0.1, 0.2]), 2)
        rows.append([f"T{700001 + i}", day.strftime("%m/%d/%Y"), _pick(rng, stores), dept,
                     "Y" if rng.random() < 0.45 else "N", _pick(rng, pays), rng.choice(cashiers), qty,
                     f"${gross - disc:.2f}", disc, "Y" if rng.random() < 0.04 else "N"])
    rows.sort(key=lambda r: (r[1][6:], r[1][:5], r[0]))
    return [["Txn ID", "Txn Date", "Store", "Dept", "Loyalty Member", "Pay Method", "Cashier", "Qty", "Net Amt",
             "Disc Amt", "Voided"], *rows]


def main() -> None:
    write_tables((("furniture_sales", furniture_sales, 4301), ("salon_appointments", salon_appointments, 4302),
                  ("grocery_txns", grocery_txns, 4303)))


if __name__ == "__main__":
    main()
