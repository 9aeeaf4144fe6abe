"""Generate the "shape2" practice set's three CSVs, deterministically (fixed seed, no clock).

    python -m tests.analysis.practice.make_shape2

shape2_staff.csv      90 employees: emp_id, name, department, gender Female/Male, hire_date, tenure_years,
                      age, salary, hours_per_week, output_units, performance_score, remote Yes/No
shape2_orders.csv     1200 orders 2024-01 … 2025-06: order_id, order_date, customer (40), region, channel
                      Online/In-Store, category, units, order_value, cost, discount_pct, delivery_days
shape2_campaigns.csv  24 weeks × 4 channels: week_start, channel, budget, spend, clicks, signups
"""
from __future__ import annotations

import datetime as dt
import random

from tests.analysis.practice import write_tables

FIRST = ["Ava", "Ben", "Cara", "Dan", "Eve", "Finn", "Gia", "Hal", "Ivy", "Jon", "Kai", "Lia", "Max", "Nia", "Oto"]
LAST = ["Reed", "Stone", "Park", "Lopez", "Nash", "Quinn"]
DEPTS = ["Engineering", "Sales", "Support", "Finance", "Operations"]


def staff(rng: random.Random) -> list[list]:
    names = [f"{f} {s}" for s in LAST for f in FIRST]
    rng.shuffle(names)
    rows = []
    for i, name in enumerate(names[:90], start=1):
        dept = DEPTS[i % 5]
        tenure = round(rng.uniform(0.3, 18), 1)
        age = min(64, max(22, round(23 + tenure * 1.1 + rng.uniform(0, 14))))
        salary = round(48000 + 2600 * tenure + {"Engineering": 22000, "Sales": 8000}.get(dept, 0)
                       + rng.gauss(0, 7000), -2)
        hours = round(rng.uniform(30, 50), 1)
        output = round(hours * rng.uniform(2.2, 3.4))
        score = round(min(5.0, max(1.0, 2.2 + salary / 60000 + rng.gauss(0, 0.5))), 1)
        hired = dt.date(2026, 6, 30) - dt.timedelta(days=round(tenure * 365.25))
        rows.append([f"E{i:03d}", name, dept, rng.choice(["Female", "Male"]), hired.isoformat(), tenure, age,
                     int(salary), hours, output, score, "Yes" if rng.random() < 0.35 else "No"])
    return [["emp_id", "name", "department", "gender", "hire_date", "tenure_years", "age", "salary",
             "hours_per_week", "output_units", "performance_score", "remote"]] + rows


CUSTOMERS = [f"{a} {b}" for a in ("Acme", "Blue", "Cedar", "Delta", "Echo", "Fern", "Gold", "Harbor")
             for b in ("Foods", "Labs", "Retail", "Works", "Group")]
REGIONS = ["North", "South", "East", "West"]
CATS = {"Furniture": 320, "Electronics": 410, "Office": 60, "Kitchen": 95, "Garden": 140}


def orders(rng: random.Random) -> list[list]:
    start = dt.date(2024, 1, 1)
    rows = []
    for i in range(1, 1201):
        day = start + dt.timedelta(days=rng.randrange(547))
        cat = rng.choice(list(CATS))
        channel = "Online" if rng.random() < 0.58 else "In-Store"
        units = rng.randint(1, 9)
        discount = rng.choice([0, 0, 5, 10, 15, 20])
        value = round(CATS[cat] * units * rng.uniform(0.7, 1.3) * (1 - discount / 100), 2)
        cost = round(value * rng.uniform(0.55, 0.8) / (1 - discount / 200), 2)
        days = max(1, round(rng.gauss(4 if channel == "Online" else 2, 1.6)))
        rows.append([f"O{i:05d}", day.isoformat(), rng.choice(CUSTOMERS), rng.choice(REGIONS), channel, cat,
                     units, value, cost, discount, days])
    rows.sort(key=lambda r: r[1])
    return [["order_id", "order_date", "customer", "region", "channel", "category", "units", "order_value",
             "cost", "discount_pct", "delivery_days"]] + rows


def campaigns(rng: random.Random) -> list[list]:
    rows = []
    base = {"Search": (4000, 0.09), "Social": (3000, 0.05), "Display": (2000, 0.02), "Email": (800, 0.15)}
    for w in range(24):
        week = dt.date(2025, 1, 6) + dt.timedelta(weeks=w)
        for ch, (budget, rate) in base.items():
            spend = round(budget * rng.uniform(0.7, 1.25), 2)
            clicks = round(spend * rng.uniform(0.8, 1.6))
            signups = round(clicks * rate * rng.uniform(0.6, 1.4))
            rows.append([week.isoformat(), ch, budget, spend, clicks, signups])
    return [["week_start", "channel", "budget", "spend", "clicks", "signups"]] + rows


def main() -> None:
    write_tables((("shape2_staff", staff, 201), ("shape2_orders", orders, 202), ("shape2_campaigns", campaigns, 203)))


if __name__ == "__main__":
    main()
