"""Generate the question suite's four datasets, deterministically (fixed seeds, no clock).

    python -m tests.analysis.suite.make_data     # rewrites tests/analysis/suite/data/*.csv

sales.csv      transactions: dates, regions, segments, products, money (2,000 rows)
signups.csv    user sign-ups: US-style dates (03/15/2024), camelCase headers, booleans (1,500 rows)
traffic.csv    a daily time series: "Page Views", "Bounce Rate" (730 rows)
stores.csv     a wide table: 4 descriptive columns + 320 numeric ones (300 rows)
"""
from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

DATA = Path(__file__).parent / "data"


def sales(rng: random.Random) -> list[list]:
    regions = [("West", 1.4), ("East", 1.2), ("Central", 1.0), ("South", 0.8)]
    segments = [("Consumer", 0.5), ("Corporate", 0.3), ("Home Office", 0.2)]
    products = {"Furniture": [("Chair", 120), ("Desk", 340), ("Bookcase", 210)],
                "Technology": [("Phone", 450), ("Laptop", 1100), ("Monitor", 260)],
                "Office Supplies": [("Paper", 18), ("Binder", 9), ("Pens", 6)]}
    customers = [f"{a} {b}" for a in ("Ana", "Ben", "Chloe", "Dev", "Eva", "Finn", "Gus", "Hana", "Ivo", "Jill")
                 for b in ("Smith", "Okafor", "Lee", "Novak", "Garcia")]
    start = dt.date(2023, 1, 1)
    rows = [["Order ID", "Order Date", "Region", "Segment", "Category", "Product", "Customer Name", "Quantity",
             "Unit Price", "Discount", "Revenue", "Profit"]]
    for i in range(2000):
        d = start + dt.timedelta(days=rng.randrange(0, 547))  # to 2024-06-30
        region = rng.choices([r for r, _ in regions], [w for _, w in regions])[0]
        segment = rng.choices([s for s, _ in segments], [w for _, w in segments])[0]
        category = rng.choice(list(products))
        product, price = rng.choice(products[category])
        qty = rng.randint(1, 8)
        discount = rng.choice([0, 0, 0, 0.1, 0.2])
        revenue = round(qty * price * (1 - discount), 2)
        margin = {"Furniture": 0.08, "Technology": 0.18, "Office Supplies": 0.3}[category]
        profit = round(revenue * (margin - discount * 0.5) + rng.uniform(-5, 5), 2)
        rows.append([f"ORD-{10000 + i}", d.isoformat(), region, segment, category, product, rng.choice(customers),
                     qty, price, discount, revenue, profit])
    return rows


def signups(rng: random.Random) -> list[list]:
    rows = [["userId", "signupDate", "plan", "channel", "country", "age", "converted", "monthlyFee"]]
    start = dt.date(2023, 7, 1)
    for i in range(1500):
        d = start + dt.timedelta(days=int(rng.triangular(0, 365, 300)))
        plan = rng.choices(["Free", "Pro", "Team"], [0.6, 0.3, 0.1])[0]
        channel = rng.choices(["Organic", "Paid Search", "Referral", "Social"], [0.4, 0.25, 0.2, 0.15])[0]
        country = rng.choices(["US", "UK", "Germany", "France", "India"], [0.4, 0.15, 0.15, 0.1, 0.2])[0]
        age = max(18, min(70, int(rng.gauss(34, 9))))
        converted = plan != "Free" or rng.random() < 0.1
        fee = {"Free": 0, "Pro": 12, "Team": 49}[plan]
        rows.append([f"U{5000 + i}", d.strftime("%m/%d/%Y"), plan, channel, country, age,
                     "true" if converted else "false", fee])
    return rows


def traffic(rng: random.Random) -> list[list]:
    rows = [["Date", "Visitors", "Page Views", "Bounce Rate", "Signups", "Temperature"]]
    d = dt.date(2022, 1, 1)
    for i in range(730):
        season = 1 + 0.25 * (1 if d.month in (11, 12) else 0) - 0.15 * (1 if d.month in (7, 8) else 0)
        weekday = 0.7 if d.weekday() >= 5 else 1.0
        visitors = int((800 + i * 1.5) * season * weekday * rng.uniform(0.9, 1.1))
        summer = 8 if d.month in (6, 7, 8) else 0
        rows.append([d.isoformat(), visitors, int(visitors * rng.uniform(2.5, 3.5)), round(rng.uniform(0.3, 0.6), 3),
                     int(visitors * rng.uniform(0.01, 0.03)), round(10 + 12 * rng.uniform(-1, 1) + summer, 1)])
        d += dt.timedelta(days=1)
    return rows


def stores(rng: random.Random) -> list[list]:
    metrics = [f"sku_{k:03d}_units" for k in range(1, 321)]
    rows = [["store_id", "city", "state", "store_type", *metrics, "employees", "floor_area_sqft"]]
    cities = [("Austin", "TX"), ("Dallas", "TX"), ("Houston", "TX"), ("Denver", "CO"), ("Boulder", "CO"),
              ("Seattle", "WA"), ("Spokane", "WA"), ("Portland", "OR")]
    for i in range(300):
        city, state = rng.choice(cities)
        kind = rng.choice(["Mall", "Street", "Outlet"])
        rows.append([f"S{i:04d}", city, state, kind, *[rng.randint(0, 500) for _ in metrics], rng.randint(5, 60),
                     rng.randint(800, 12000)])
    return rows


def main() -> None:
    DATA.mkdir(exist_ok=True)
    tables = (("sales", sales, 1), ("signups", signups, 2), ("traffic", traffic, 3), ("stores", stores, 4))
    for name, fn, seed in tables:
        with open(DATA / f"{name}.csv", "w", newline="") as f:
            csv.writer(f).writerows(fn(random.Random(seed)))


if __name__ == "__main__":
    main()
