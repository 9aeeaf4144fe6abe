"""Generate the third derived-measures practice set's three CSVs, deterministically (fixed seeds, no clock).

    python -m tests.analysis.practice.make_derived3   # rewrites data/derived3_purchase_orders.csv,
                                                      # derived3_van_rentals.csv, derived3_harvests.csv

derived3_purchase_orders.csv  a buyer's purchase orders, 2024: "PO #", Vendor, Buyer, Category, Ordered,
                              "Need By", Received (blank while open), Qty, "Unit Cost", "PO Total ($)", Status
                              (Open / Received)
derived3_van_rentals.csv      vehicle rental agreements, Jul – Dec 2024: "Agreement No", Branch, "Vehicle Class",
                              "Customer Type", "Date Out", "Date In" (blank while out), "Odometer Out",
                              "Odometer In" (blank while out), "Rental Days" (blank while out), "Daily Rate",
                              "Damage Charge" (0 unless damaged), "Total Billed" (blank while out)
derived3_harvests.csv         one row per field harvest, May – Oct 2024: "Harvest Date", Farm, Field, Crop,
                              Acres, "Net Wt (lb)", "Price ($/lb)", "Picker Hours", Grade (A / B / Cull)

Each ends on the last day of a month, so relative periods are unambiguous.
"""
from __future__ import annotations

import datetime as dt
import random

from tests.analysis.practice import write_tables

VENDORS = {"Acme Supply": 0.2, "Birch Industrial": 0.45, "Coastal Parts": 0.3, "Delta Electric": 0.6,
           "Evergreen Tools": 0.15}
BUYERS = ["Nina Ruiz", "Sam Cole", "Priya Das", "Leo Wong"]
CATEGORIES = {"Electrical": (5, 120), "Plumbing": (3, 80), "Safety": (2, 40), "Fasteners": (0.1, 2.5),
              "Tools": (20, 400)}
BRANCHES = ["Airport", "Downtown", "Northside"]
CLASSES = {"Cargo Van": 89.0, "Pickup": 79.0, "SUV": 69.0, "Compact": 45.0}
FARMS = {"Hillside Farm": 1.1, "Oak Creek": 0.9, "Sunny Acres": 1.0}
CROPS = {"Tomatoes": (9000, 1.8), "Strawberries": (4000, 3.5), "Sweet Corn": (7000, 0.6), "Peppers": (6000, 1.4),
         "Zucchini": (10000, 0.9)}


def _orders(rnd: random.Random) -> list[list]:
    rows: list[list] = [["PO #", "Vendor", "Buyer", "Category", "Ordered", "Need By", "Received", "Qty",
                         "Unit Cost", "PO Total ($)", "Status"]]
    for i in range(520):
        vendor = rnd.choice(list(VENDORS))
        category = rnd.choice(list(CATEGORIES))
        low, high = CATEGORIES[category]
        ordered = dt.date(2024, 1, 2) + dt.timedelta(days=rnd.randrange(362))
        need = ordered + dt.timedelta(days=rnd.choice([7, 10, 14, 21]))
        slip = rnd.randint(3, 15) if rnd.random() < VENDORS[vendor] else -rnd.randint(0, 5)
        received = need + dt.timedelta(days=slip)
        is_open = received > dt.date(2024, 12, 31) or rnd.random() < 0.04
        qty = rnd.choice([5, 10, 20, 25, 50, 100, 200])
        cost = round(rnd.uniform(low, high), 2)
        rows.append([f"PO-{24000 + i}", vendor, rnd.choice(BUYERS), category, ordered.isoformat(), need.isoformat(),
                     "" if is_open else received.isoformat(), qty, cost, round(qty * cost, 2),
                     "Open" if is_open else "Received"])
    return rows


def _rentals(rnd: random.Random) -> list[list]:
    rows: list[list] = [["Agreement No", "Branch", "Vehicle Class", "Customer Type", "Date Out", "Date In",
                         "Odometer Out", "Odometer In", "Rental Days", "Daily Rate", "Damage Charge", "Total Billed"]]
    for i in range(600):
        vclass = rnd.choice(list(CLASSES))
        out = dt.date(2024, 7, 1) + dt.timedelta(days=rnd.randrange(184))
        days = rnd.randint(1, 9)
        back = out + dt.timedelta(days=days)
        odo = rnd.randint(8000, 90000)
        miles = int(days * rnd.uniform(20, 160) * (1.3 if vclass == "Cargo Van" else 1.0))
        rate = CLASSES[vclass] + rnd.choice([0, 0, 10, -5])
        damage = round(rnd.uniform(80, 1200), 2) if rnd.random() < (0.14 if vclass == "Pickup" else 0.07) else 0
        still_out = back > dt.date(2024, 12, 31)
        total = round(days * rate + damage, 2)
        rows.append([f"RA{70000 + i}", rnd.choice(BRANCHES), vclass, rnd.choice(["Walk-in", "Business"]),
                     out.isoformat(), "" if still_out else back.isoformat(), odo, "" if still_out else odo + miles,
                     "" if still_out else days, rate, 0 if still_out else damage, "" if still_out else total])
    return rows


def _harvests(rnd: random.Random) -> list[list]:
    rows: list[list] = [["Harvest Date", "Farm", "Field", "Crop", "Acres", "Net Wt (lb)", "Price ($/lb)",
                         "Picker Hours", "Grade"]]
    day = dt.date(2024, 5, 1)
    while day <= dt.date(2024, 10, 31):
        for farm, pull in FARMS.items():
            if rnd.random() < 0.45:
                continue
            crop = rnd.choice(list(CROPS))
            per_acre, price = CROPS[crop]
            acres = round(rnd.uniform(0.5, 4.0), 1)
            weight = round(acres * per_acre * pull * rnd.uniform(0.05, 0.15))
            rows.append([day.isoformat(), farm, f"F{rnd.randint(1, 6)}", crop, acres, weight,
                         round(price * rnd.uniform(0.85, 1.2), 2), round(weight / rnd.uniform(40, 90), 1),
                         rnd.choice(["A", "A", "A", "B", "B", "Cull"])])
        day += dt.timedelta(days=1)
    return rows


def main() -> None:
    write_tables([("derived3_purchase_orders", _orders, 91), ("derived3_van_rentals", _rentals, 92),
                  ("derived3_harvests", _harvests, 93)])


if __name__ == "__main__":
    main()
