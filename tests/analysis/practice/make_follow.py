"""Write the "follow" practice set's two CSVs, deterministically (fixed seed, no clock).

    python -m tests.analysis.practice.make_follow     # rewrites data/gym_visits.csv, data/online_orders.csv

gym_visits.csv     one row per club visit in 2024 (timestamps, last one on 2024-12-31): member id, club,
                   class type, membership tier, duration in minutes, trainer (blank for open-gym
                   visits), guest Yes/No, spend as "$12.50" (blank when nothing was bought)
online_orders.csv  web-shop orders 2023-01-01 .. 2024-09-30 (US dates): order number, order and ship
                   date, region, channel, product category, units, unit price, "Discount %" as "15%",
                   Returned Y/N, a mostly blank coupon code
"""
from __future__ import annotations

import datetime as dt
import random

from tests.analysis.practice import write_tables


def _pick(rng: random.Random, weighted: dict):
    return rng.choices(list(weighted), list(weighted.values()))[0]


def gym_visits(rng: random.Random, n: int = 2400) -> list[list]:
    clubs = {"Downtown": 0.35, "Riverside": 0.25, "Northgate": 0.22, "Eastwood": 0.18}
    classes = {"Open Gym": 0.34, "Spin": 0.16, "Yoga": 0.16, "HIIT": 0.13, "Pilates": 0.11, "Boxing": 0.10}
    tiers = {"Basic": 0.5, "Plus": 0.32, "Premium": 0.18}
    trainers = ["Alex Moreno", "Bea Tanaka", "Chris Oduya", "Dana Kowalski", "Eli Brandt", "Farah Haddad"]
    members = [f"M{1000 + i}" for i in range(420)]
    member_tier = {m: _pick(rng, tiers) for m in members}
    start = dt.datetime(2024, 1, 1, 6, 0)
    rows = []
    for i in range(n):
        day = rng.randrange(366) if i else 365  # the last visit is on 2024-12-31
        when = start + dt.timedelta(days=day, minutes=rng.randrange(0, 16 * 60, 5))
        member = rng.choice(members)
        kind = _pick(rng, classes)
        trainer = "" if kind == "Open Gym" else rng.choice(trainers)
        duration = rng.choice([30, 45, 60]) if kind != "Open Gym" else rng.randrange(20, 121, 5)
        spend = "" if rng.random() < 0.55 else f"${rng.uniform(3, 45):.2f}"
        guest = "Yes" if rng.random() < 0.09 else "No"
        rows.append([member, when.strftime("%Y-%m-%d %H:%M"), _pick(rng, clubs), kind, member_tier[member],
                     duration, trainer, guest, spend])
    rows.sort(key=lambda r: r[1])
    return [["Member ID", "Visit Time", "Club", "Class Type", "Membership Tier", "Duration (min)", "Trainer",
             "Guest?", "Spend"], *rows]


def online_orders(rng: random.Random, n: int = 2000) -> list[list]:
    regions = {"North": 0.3, "South": 0.25, "East": 0.25, "West": 0.2}
    channels = {"Web": 0.5, "Mobile App": 0.32, "Marketplace": 0.18}
    categories = {"Electronics": (0.22, 180.0), "Home & Kitchen": (0.25, 45.0), "Toys": (0.15, 25.0),
                  "Apparel": (0.23, 35.0), "Sports": (0.15, 60.0)}
    first = dt.date(2023, 1, 1)
    span = (dt.date(2024, 9, 30) - first).days
    rows = []
    for i in range(n):
        ordered = first + dt.timedelta(days=rng.randrange(span + 1) if i else span)
        shipped = ordered + dt.timedelta(days=rng.choice([0, 1, 1, 2, 2, 3, 4, 6]))
        cat = rng.choices(list(categories), [w for w, _ in categories.values()])[0]
        price = round(categories[cat][1] * rng.uniform(0.5, 1.8), 2)
        discount = rng.choice([0, 0, 0, 5, 10, 15, 20])
        coupon = rng.choice(["SPRING10", "WELCOME5", "VIP20"]) if rng.random() < 0.12 else ""
        rows.append([f"SO-{50000 + i}", ordered.strftime("%m/%d/%Y"), shipped.strftime("%m/%d/%Y"),
                     _pick(rng, regions), _pick(rng, channels), cat, rng.choice([1, 1, 1, 2, 2, 3, 4, 6]),
                     price, f"{discount}%", "Y" if rng.random() < 0.08 else "N", coupon])
    rows.sort(key=lambda r: (r[1][6:], r[1][:5], r[0]))
    return [["Order #", "Order Date", "Ship Date", "Region", "Channel", "Product Category", "Units",
             "Unit Price", "Discount %", "Returned", "Coupon Code"], *rows]


def main() -> None:
    write_tables((("gym_visits", gym_visits, 4101), ("online_orders", online_orders, 4102)))


if __name__ == "__main__":
    main()
