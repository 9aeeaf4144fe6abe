"""Write the "follow3" practice set's three CSVs, deterministically (fixed seed, no clock).

    python -m tests.analysis.practice.make_follow3   # rewrites data/follow3_purchase_orders.csv,
                                                     # data/follow3_bakery_orders.csv, data/follow3_delivery_runs.csv

follow3_purchase_orders.csv  purchase orders 2024-01-01 .. 2025-06-30 (ISO dates): PO number, PO date, vendor,
                             buyer (full names), department, site (East, West, Central), category, amount in
                             dollars (plain numbers), status (Received, Open, Cancelled)
follow3_bakery_orders.csv    bakery orders 2025-01-01 .. 2025-10-31: order id, order date, customer (shop and
                             people names), channel (Walk-in, Online, Wholesale), category, qty, revenue, cost,
                             refund (0 unless refunded)
follow3_delivery_runs.csv    courier runs 2025-03-01 .. 2025-08-31: run id, run date, driver (first names), zone,
                             vehicle, stops, distance km, duration min, late Y/N, fuel cost
"""
from __future__ import annotations

import datetime as dt
import random

from tests.analysis.practice import write_tables


def _pick(rng: random.Random, weighted: dict):
    return rng.choices(list(weighted), list(weighted.values()))[0]


def _day(rng: random.Random, first: dt.date, last: dt.date, i: int) -> dt.date:
    """A day of the span; the first row falls on the last day, so the data's end is fixed."""
    span = (last - first).days
    return first + dt.timedelta(days=rng.randrange(span + 1) if i else span)


VENDORS = {"Acme Supply": 0.24, "Brightline IT": 0.18, "Costa Office": 0.2, "Delta Facilities": 0.14,
           "Everest Print": 0.12, "Fulton Furniture": 0.12}
BUYERS = ["Nora Blake", "Owen Price", "Paula Grant", "Quinn Moss", "Rita Shaw"]


def purchase_orders(rng: random.Random, n: int = 1400) -> list[list]:
    depts = {"IT": 0.25, "Facilities": 0.22, "Marketing": 0.18, "Operations": 0.25, "Finance": 0.1}
    sites = {"East": 0.4, "West": 0.35, "Central": 0.25}
    cats = {"Hardware": (0.22, 1800.0), "Software": (0.16, 2400.0), "Supplies": (0.3, 250.0),
            "Services": (0.2, 3200.0), "Furniture": (0.12, 1500.0)}
    statuses = {"Received": 0.78, "Open": 0.14, "Cancelled": 0.08}
    rows = []
    for i in range(n):
        day = _day(rng, dt.date(2024, 1, 1), dt.date(2025, 6, 30), i)
        cat = rng.choices(list(cats), [w for w, _ in cats.values()])[0]
        amount = round(cats[cat][1] * rng.lognormvariate(0, 0.6), 2)
        rows.append([f"PO-{24001 + i}", day.isoformat(), _pick(rng, VENDORS), rng.choice(BUYERS), _pick(rng, depts),
                     _pick(rng, sites), cat, amount, _pick(rng, statuses)])
    rows.sort(key=lambda r: (r[1], r[0]))
    return [["PO Number", "PO Date", "Vendor", "Buyer", "Department", "Site", "Category", "Amount", "Status"], *rows]


CUSTOMERS = ["Maple Cafe", "Harbor Deli", "Green Grocer", "Lucy Adams", "Mark Chen", "Sunrise Hotel", "Tom Ruiz",
             "Pine St Market"]


def bakery_orders(rng: random.Random, n: int = 1600) -> list[list]:
    channels = {"Walk-in": 0.5, "Online": 0.3, "Wholesale": 0.2}
    cats = {"Bread": (0.35, 6.0), "Pastry": (0.3, 4.5), "Cake": (0.12, 32.0), "Coffee": (0.23, 4.0)}
    rows = []
    for i in range(n):
        day = _day(rng, dt.date(2025, 1, 1), dt.date(2025, 10, 31), i)
        channel = _pick(rng, channels)
        cat = rng.choices(list(cats), [w for w, _ in cats.values()])[0]
        qty = rng.randint(10, 60) if channel == "Wholesale" else rng.randint(1, 6)
        revenue = round(qty * cats[cat][1] * rng.uniform(0.85, 1.25), 2)
        cost = round(revenue * rng.uniform(0.35, 0.6), 2)
        refund = round(revenue * rng.choice([0.5, 1.0]), 2) if rng.random() < 0.05 else 0
        rows.append([f"B{9001 + i}", day.isoformat(), rng.choice(CUSTOMERS), channel, cat, qty, revenue, cost,
                     refund])
    rows.sort(key=lambda r: (r[1], r[0]))
    return [["Order ID", "Order Date", "Customer", "Channel", "Category", "Qty", "Revenue", "Cost", "Refund"], *rows]


def delivery_runs(rng: random.Random, n: int = 1100) -> list[list]:
    drivers = {"Ada": 1.0, "Bruno": 1.15, "Chloe": 0.9, "Dmitri": 1.25, "Elif": 1.05, "Femi": 0.95, "Gwen": 1.1}
    zones = {"North": 0.22, "South": 0.2, "East": 0.2, "West": 0.18, "Central": 0.2}
    vehicles = {"Van": 0.55, "Bike": 0.25, "Truck": 0.2}
    rows = []
    for i in range(n):
        day = _day(rng, dt.date(2025, 3, 1), dt.date(2025, 8, 31), i)
        driver = rng.choice(list(drivers))
        vehicle = _pick(rng, vehicles)
        stops = rng.randint(3, 9) if vehicle == "Bike" else rng.randint(6, 25)
        km = round(stops * rng.uniform(1.2, 3.5) * (0.6 if vehicle == "Bike" else 1.0), 1)
        minutes = round(stops * rng.uniform(6, 11) * drivers[driver] + km * 1.5)
        late = "Y" if rng.random() < 0.08 + 0.1 * (drivers[driver] - 0.9) else "N"
        fuel = 0 if vehicle == "Bike" else round(km * (0.32 if vehicle == "Truck" else 0.18), 2)
        rows.append([f"R{3001 + i}", day.isoformat(), driver, _pick(rng, zones), vehicle, stops, km, minutes, late,
                     fuel])
    rows.sort(key=lambda r: (r[1], r[0]))
    return [["Run ID", "Run Date", "Driver", "Zone", "Vehicle", "Stops", "Distance Km", "Duration Min", "Late",
             "Fuel Cost"], *rows]


def main() -> None:
    write_tables((("follow3_purchase_orders", purchase_orders, 5301), ("follow3_bakery_orders", bakery_orders, 5302),
                  ("follow3_delivery_runs", delivery_runs, 5303)))


if __name__ == "__main__":
    main()
