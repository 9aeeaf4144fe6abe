"""Generate the "rank" practice set's CSVs, deterministically (fixed seed, no clock).

    python -m tests.analysis.practice.make_rank   # rewrites data/store_orders.csv, data/parcel_shipments.csv,
                                                  # data/call_log.csv, data/staff_list.csv

store_orders.csv      web-shop orders 2024: "Order No" SO-0001…, "Order Date", Customer, "Sales Rep", Region,
                      Product, Category, Qty, "Unit Price", "Order Value" (money, two decimals; 400 rows)
parcel_shipments.csv  parcels, no money column: shipment_id, shipped_on, carrier, destination, weight_kg,
                      volume_m3, pieces, transit_days (300 rows)
call_log.csv          a support line: call_id, started_at, agent, team, wait_seconds, talk_minutes,
                      resolved Yes/No, csat 1–5 (500 rows)
staff_list.csv        HR: Employee, Department, "Hire Date", "Annual Salary", Age, "Performance Score",
                      Remote Yes/No (120 rows)
Measures are continuous so that a top-N has no ties at its cut.
"""
from __future__ import annotations

import datetime as dt
import random

from tests.analysis.practice import write_tables

PEOPLE = ["Ana Ruiz", "Ben Okafor", "Chloe Martin", "Dev Patel", "Elena Rossi", "Farid Haddad", "Grace Kim",
          "Hugo Laurent", "Ines Costa", "Jack Byrne", "Kira Sato", "Liam Walsh", "Maya Cohen", "Nils Berg",
          "Olga Petrova", "Pablo Ortiz", "Quinn Reyes", "Rosa Diaz", "Sam Lee", "Tara Singh", "Umar Shah",
          "Vera Novak", "Will Grant", "Yara Haddad"]
PRODUCTS = {"Laptop Stand": ("Accessories", 39.0), "USB-C Hub": ("Accessories", 54.0),
            "Mechanical Keyboard": ("Peripherals", 129.0), "Wireless Mouse": ("Peripherals", 29.0),
            "27in Monitor": ("Displays", 289.0), "4K Monitor": ("Displays", 449.0),
            "Desk Lamp": ("Furniture", 45.0), "Standing Desk": ("Furniture", 529.0),
            "Office Chair": ("Furniture", 319.0), "Webcam": ("Peripherals", 79.0)}
REGIONS = ["North", "South", "East", "West", "Central"]


def store_orders(rng: random.Random) -> list[list]:
    reps = PEOPLE[:7]
    customers = [f"{a} {b}" for a in ("Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli")
                 for b in ("Ltd", "Inc")]
    rows = [["Order No", "Order Date", "Customer", "Sales Rep", "Region", "Product", "Category", "Qty",
             "Unit Price", "Order Value"]]
    start = dt.date(2024, 1, 1)
    for i in range(1, 401):
        product = rng.choice(list(PRODUCTS))
        cat, price = PRODUCTS[product]
        unit = round(price * rng.uniform(0.9, 1.1), 2)
        qty = rng.randint(1, 12)
        rows.append([f"SO-{i:04d}", (start + dt.timedelta(days=rng.randrange(366))).isoformat(),
                     rng.choice(customers), rng.choice(reps), rng.choice(REGIONS), product, cat, qty, unit,
                     round(unit * qty * rng.uniform(0.97, 1.0), 2)])
    return rows


def parcel_shipments(rng: random.Random) -> list[list]:
    rows = [["shipment_id", "shipped_on", "carrier", "destination", "weight_kg", "volume_m3", "pieces",
             "transit_days"]]
    start = dt.date(2024, 1, 1)
    for i in range(1, 301):
        carrier = rng.choice(["DHL", "UPS", "FedEx", "GLS"])
        rows.append([f"P{i:04d}", (start + dt.timedelta(days=rng.randrange(366))).isoformat(), carrier,
                     rng.choice(["Berlin", "Paris", "Madrid", "Rome", "Vienna", "Warsaw"]),
                     round(rng.lognormvariate(2, 0.8), 3), round(rng.lognormvariate(-2, 0.7), 4),
                     rng.randint(1, 9), round(rng.uniform(1, 9) + {"DHL": 0, "UPS": 1, "FedEx": 2, "GLS": 3}[carrier],
                                              2)])
    return rows


def call_log(rng: random.Random) -> list[list]:
    agents = {"Ana Ruiz": "Billing", "Ben Okafor": "Billing", "Chloe Martin": "Tech", "Dev Patel": "Tech",
              "Elena Rossi": "Sales", "Farid Haddad": "Sales"}
    slow = {"Billing": 40, "Tech": 160, "Sales": 90}
    rows = [["call_id", "started_at", "agent", "team", "wait_seconds", "talk_minutes", "resolved", "csat"]]
    start = dt.datetime(2024, 3, 1, 8)
    for i in range(1, 501):
        agent = rng.choice(list(agents))
        team = agents[agent]
        when = start + dt.timedelta(minutes=rng.randrange(60 * 24 * 90))
        rows.append([f"CL{i:04d}", when.isoformat(sep=" "), agent, team,
                     round(rng.expovariate(1 / slow[team]) + PEOPLE.index(agent) * 7, 1),
                     round(rng.lognormvariate(1.8, 0.6) + (3 if team == "Tech" else 0), 2),
                     "Yes" if rng.random() < 0.8 else "No", rng.randint(1, 5)])
    return rows


def staff_list(rng: random.Random) -> list[list]:
    rows = [["Employee", "Department", "Hire Date", "Annual Salary", "Age", "Performance Score", "Remote"]]
    first = ["Alex", "Blair", "Casey", "Drew", "Emery", "Finley", "Gray", "Harper", "Indy", "Jordan", "Kai", "Logan"]
    last = ["Adams", "Brown", "Clark", "Davis", "Evans", "Fox", "Green", "Hill", "Irwin", "Jones"]
    names = [f"{a} {b}" for a in first for b in last]
    rng.shuffle(names)
    start = dt.date(2012, 1, 1)
    for name in names[:120]:
        dept = rng.choice(["Engineering", "Sales", "Support", "Finance", "HR"])
        rows.append([name, dept, (start + dt.timedelta(days=rng.randrange(4700))).isoformat(),
                     round(rng.uniform(38000, 160000) + (20000 if dept == "Engineering" else 0), 2),
                     rng.randint(21, 64), round(rng.uniform(1, 5), 2), "Yes" if rng.random() < 0.35 else "No"])
    return rows


def main() -> None:
    write_tables([("store_orders", store_orders, 71), ("parcel_shipments", parcel_shipments, 72),
                  ("call_log", call_log, 73), ("staff_list", staff_list, 74)])


if __name__ == "__main__":
    main()
