"""Generate the share2 practice set's three CSVs, deterministically (fixed seeds, no clock).

    python -m tests.analysis.practice.make_share2   # rewrites data/share2_gym_members.csv,
                                                    # share2_stock_lots.csv, share2_invoices.csv

share2_gym_members.csv  gym member roster, 900 members who joined Jan 2022 – Jun 2025: "Member ID", Gender
                        (Female/Male), Age, Plan (Basic/Plus/Premium), Contract (12-month / Month-to-month),
                        "Join Date" (ISO), Status (Active/Cancelled/Frozen), "Personal Training" (Yes/No),
                        Club, State (full names), "Monthly Fee", "Visits Last Month", Source
share2_stock_lots.csv   warehouse stock lots, 700 lots received Jan 2024 – Jun 2025: "Lot ID", Product,
                        Category, Warehouse, Supplier, "Received Date", "Expiry Date" (ISO), "Qty On Hand",
                        "Unit Cost", Status (OK / Expired / Damaged / On Hold)
share2_invoices.csv     sales invoices Jul 2024 – Jun 2025, 800 rows: "Invoice No", Customer, Region, Channel
                        (Online / Phone / Field Rep), Rep, "Invoice Date", "Due Date", "Paid Date" (blank while
                        unpaid), Paid (Yes/No), Amount, Refund (0 when none)

Each ends on the last day of a month, so relative periods are unambiguous.
"""
from __future__ import annotations

import datetime as dt
import random

from tests.analysis.practice import write_tables

PLANS = {"Basic": 29.0, "Plus": 49.0, "Premium": 79.0}
CLUBS = {"Downtown": "Texas", "Eastside": "Texas", "Airport": "Oklahoma", "Lakeview": "Louisiana"}
SOURCES = ["Friend Referral", "Online Ad", "Walk-in", "Corporate"]
PRODUCTS = {"Whole Milk": "Dairy", "Greek Yogurt": "Dairy", "Cheddar": "Dairy", "Sourdough": "Bakery",
            "Bagels": "Bakery", "Spinach": "Produce", "Apples": "Produce", "Peas": "Frozen", "Pizza": "Frozen",
            "Rice": "Dry Goods", "Pasta": "Dry Goods", "Oats": "Dry Goods"}
SHELF_DAYS = {"Dairy": 25, "Bakery": 8, "Produce": 12, "Frozen": 200, "Dry Goods": 400}
CUSTOMERS = ["Acme Corp", "Birch Ltd", "Cobalt Inc", "Dune Co", "Elm Partners", "Fjord LLC", "Granite SA",
             "Harbor Group", "Iris Labs", "Juniper Ltd", "Kite Media", "Lumen Co"]
REPS = ["Maria Lopez", "Tom Baker", "Priya Nair", "Sam Ortiz"]
REGIONS = {"North": 1.0, "South": 0.8, "East": 1.3, "West": 0.9}


def _members(rnd: random.Random) -> list[list]:
    rows: list[list] = [["Member ID", "Gender", "Age", "Plan", "Contract", "Join Date", "Status",
                         "Personal Training", "Club", "State", "Monthly Fee", "Visits Last Month", "Source"]]
    start = dt.date(2022, 1, 1)
    for i in range(900):
        plan = rnd.choices(list(PLANS), weights=[5, 3, 2])[0]
        contract = "12-month" if rnd.random() < 0.45 else "Month-to-month"
        fee = PLANS[plan] * (0.85 if contract == "12-month" else 1.0) + rnd.choice([0, 0, 5, 10])
        status = rnd.choices(["Active", "Cancelled", "Frozen"],
                             weights=[70, 30 if contract == "Month-to-month" else 12, 6])[0]
        club = rnd.choice(list(CLUBS))
        visits = 0 if status != "Active" else rnd.randint(0, 24)
        rows.append([f"M{i + 1:04d}", rnd.choice(["Female", "Male"]), rnd.randint(18, 72), plan, contract,
                     (start + dt.timedelta(days=rnd.randrange(1277))).isoformat(), status,
                     "Yes" if rnd.random() < (0.35 if plan == "Premium" else 0.12) else "No", club, CLUBS[club],
                     round(fee, 2), visits, rnd.choice(SOURCES)])
    return rows


def _lots(rnd: random.Random) -> list[list]:
    rows: list[list] = [["Lot ID", "Product", "Category", "Warehouse", "Supplier", "Received Date", "Expiry Date",
                         "Qty On Hand", "Unit Cost", "Status"]]
    end = dt.date(2025, 6, 30)
    for i in range(700):
        product = rnd.choice(list(PRODUCTS))
        category = PRODUCTS[product]
        received = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(547))
        expiry = received + dt.timedelta(days=int(SHELF_DAYS[category] * rnd.uniform(0.8, 1.3)))
        if expiry < end and rnd.random() < 0.5:
            status = "Expired"
        else:
            status = rnd.choices(["OK", "Damaged", "On Hold"], weights=[85, 8, 7])[0]
        rows.append([f"L{i + 1:05d}", product, category, rnd.choice(["Dallas", "Houston", "Austin"]),
                     rnd.choice(["Fresh Farms", "Sunrise Foods", "Prairie Supply"]), received.isoformat(),
                     expiry.isoformat(), rnd.randint(5, 400), round(rnd.uniform(0.4, 9.5), 2), status])
    return rows


def _invoices(rnd: random.Random) -> list[list]:
    rows: list[list] = [["Invoice No", "Customer", "Region", "Channel", "Rep", "Invoice Date", "Due Date",
                         "Paid Date", "Paid", "Amount", "Refund"]]
    end = dt.date(2025, 6, 30)
    for i in range(800):
        region = rnd.choice(list(REGIONS))
        channel = rnd.choices(["Online", "Phone", "Field Rep"], weights=[5, 3, 2])[0]
        issued = dt.date(2024, 7, 1) + dt.timedelta(days=rnd.randrange(365))
        due = issued + dt.timedelta(days=30)
        paid_on = issued + dt.timedelta(days=rnd.randint(3, 55))
        paid = paid_on <= end and rnd.random() < 0.88
        amount = round(rnd.uniform(80, 3200) * REGIONS[region] * (1.6 if channel == "Field Rep" else 1.0), 2)
        refund = round(amount * rnd.uniform(0.1, 1.0), 2) if rnd.random() < 0.07 else 0
        rows.append([f"INV-{i + 1:05d}", rnd.choice(CUSTOMERS), region, channel, rnd.choice(REPS),
                     issued.isoformat(), due.isoformat(), paid_on.isoformat() if paid else "",
                     "Yes" if paid else "No", amount, refund])
    return rows


def main() -> None:
    write_tables([("share2_gym_members", _members, 211), ("share2_stock_lots", _lots, 212),
                  ("share2_invoices", _invoices, 213)])


if __name__ == "__main__":
    main()
