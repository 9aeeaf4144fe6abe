"""Generate the trust practice set's two CSVs, deterministically (fixed seeds, no clock).

    python -m tests.analysis.practice.make_trust     # rewrites data/crm_deals.csv, data/cafe_sales.csv

crm_deals.csv   CRM pipeline export, 900 deals created Jan 2024 – Dec 2025: "Deal ID", "Deal Name",
                Owner (sales rep), Team (Enterprise/Mid-Market/SMB), Region, Stage
                (Prospecting/Proposal/Negotiation/Closed Won/Closed Lost), "Amount (USD)" "$12,400",
                "Created Date", "Close Date" (blank while open), "Lead Source", "Product Line",
                Discount % 0–30, Renewal Yes/No
cafe_sales.csv  point-of-sale export of a small café chain, 2600 line items in 2025: receipt_no, sold_at
                timestamps, store, item, category, qty, unit_price, discount (0 when none),
                payment (Card/Cash/Mobile), refunded Y/N, refund_amt (0 when none), tip (blank when none)

Both end on the last day of a month, so "last month" is unambiguous.
"""
from __future__ import annotations

import datetime as dt
import random

from tests.analysis.practice import write_tables

OWNERS = {"Dana Brooks": ("Enterprise", 1.2), "Raj Patel": ("Enterprise", 1.0), "Elena Petrova": ("Mid-Market", 1.1),
          "Tom Becker": ("Mid-Market", 0.9), "Grace Kim": ("SMB", 1.0), "Omar Haddad": ("SMB", 0.8),
          "Lucy Adams": ("SMB", 0.7)}
SIZE = {"Enterprise": 48000, "Mid-Market": 16000, "SMB": 4500}


def pick(rng: random.Random, weighted: dict):
    return rng.choices(list(weighted), list(weighted.values()))[0]


def _deal(rng: random.Random, i: int, created: dt.date, last: dt.date) -> list:
    owner = pick(rng, {o: w for o, (_t, w) in OWNERS.items()})
    team = OWNERS[owner][0]
    region = pick(rng, {"North America": 0.45, "EMEA": 0.3, "APAC": 0.15, "LATAM": 0.1})
    product = pick(rng, {"Analytics": 0.35, "Payments": 0.3, "Security": 0.2, "Support Plan": 0.15})
    source = pick(rng, {"Inbound": 0.35, "Outbound": 0.25, "Referral": 0.15, "Partner": 0.1, "Event": 0.15})
    amount = round(SIZE[team] * rng.lognormvariate(0, 0.5) / 100) * 100
    close = created + dt.timedelta(days=int(rng.uniform(14, 120) * (1.6 if team == "Enterprise" else 1)))
    if close > last or rng.random() < 0.08:
        stage, close_s = pick(rng, {"Prospecting": 0.4, "Proposal": 0.35, "Negotiation": 0.25}), ""
    else:
        won = rng.random() < {"Referral": 0.55, "Inbound": 0.42, "Partner": 0.45}.get(source, 0.3)
        stage, close_s = ("Closed Won" if won else "Closed Lost"), close.strftime("%m/%d/%Y")
    discount = rng.choice([0, 0, 0, 5, 10, 15, 20, 25, 30])
    return [f"D-{5001 + i}", f"{product} – {rng.choice(['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli'])} {i}",
            owner, team, region, stage, f"${amount:,.0f}", created.strftime("%m/%d/%Y"), close_s, source,
            product, discount, "Yes" if rng.random() < 0.22 else "No"]


def crm_deals(rng: random.Random) -> list[list]:
    rows: list[list] = [["Deal ID", "Deal Name", "Owner", "Team", "Region", "Stage", "Amount (USD)", "Created Date",
                         "Close Date", "Lead Source", "Product Line", "Discount %", "Renewal"]]
    first, last = dt.date(2024, 1, 1), dt.date(2025, 12, 31)
    created = sorted(first + dt.timedelta(days=int(730 * rng.random() ** 0.85)) for _ in range(899))
    created.append(dt.date(2025, 12, 31))
    for i, c in enumerate(created):
        rows.append(_deal(rng, i, c, last))
    return rows


MENU = {"Latte": ("Coffee", 4.6), "Cappuccino": ("Coffee", 4.4), "Espresso": ("Coffee", 3.0),
        "Cold Brew": ("Coffee", 4.9), "Chai Latte": ("Tea", 4.5), "Green Tea": ("Tea", 3.2),
        "Croissant": ("Bakery", 3.5), "Blueberry Muffin": ("Bakery", 3.2), "Bagel": ("Bakery", 2.9),
        "Avocado Toast": ("Food", 9.5), "Turkey Sandwich": ("Food", 10.5)}
STORES = {"Downtown": 1.4, "Riverside": 1.0, "Airport": 0.8, "University": 1.1}


def _line(rng: random.Random, i: int, when: dt.datetime) -> list:
    summer = when.month in (6, 7, 8)
    item = pick(rng, {"Latte": 3, "Cappuccino": 2, "Espresso": 1.5, "Cold Brew": 1.5 if summer else 0.5,
                      "Chai Latte": 1, "Green Tea": 0.7, "Croissant": 1.5, "Blueberry Muffin": 1, "Bagel": 0.8,
                      "Avocado Toast": 0.7, "Turkey Sandwich": 0.8})
    category, price = MENU[item]
    store = pick(rng, STORES)
    if store == "Airport":
        price = round(price * 1.25, 2)
    qty = rng.choices([1, 2, 3, 4], [0.7, 0.2, 0.07, 0.03])[0]
    discount = round(qty * price * rng.choice([0.1, 0.2]), 2) if rng.random() < 0.12 else 0
    payment = pick(rng, {"Card": 0.6, "Mobile": 0.25, "Cash": 0.15})
    refunded = rng.random() < (0.06 if category == "Food" else 0.025)
    refund = round(qty * price - discount, 2) if refunded else 0
    tip = f"{rng.choice([0.5, 1.0, 1.5, 2.0]):.2f}" if payment != "Cash" and rng.random() < 0.35 else ""
    return [f"R{100000 + i // 2}", when.strftime("%Y-%m-%d %H:%M:%S"), store, item, category, qty, f"{price:.2f}",
            discount, payment, "Y" if refunded else "N", refund, tip]


def cafe_sales(rng: random.Random) -> list[list]:
    rows: list[list] = [["receipt_no", "sold_at", "store", "item", "category", "qty", "unit_price", "discount",
                         "payment", "refunded", "refund_amt", "tip"]]
    first = dt.datetime(2025, 1, 1, 0, 0)
    times = []
    for _ in range(2599):
        day = first + dt.timedelta(days=rng.randrange(365))
        hour = rng.choices(range(6, 20), [3, 8, 10, 8, 5, 4, 6, 5, 3, 3, 2, 2, 1, 1])[0]
        times.append(day + dt.timedelta(hours=hour, minutes=rng.randrange(60), seconds=rng.randrange(60)))
    times.append(dt.datetime(2025, 12, 31, 17, 45, 0))
    for i, t in enumerate(sorted(times)):
        rows.append(_line(rng, i, t))
    return rows


DATASETS = [("crm_deals", crm_deals, 5101), ("cafe_sales", cafe_sales, 5102)]


def main() -> None:
    write_tables(DATASETS)


if __name__ == "__main__":
    main()
