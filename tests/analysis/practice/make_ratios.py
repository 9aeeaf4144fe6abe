"""Generate the ratios practice set's three CSVs, deterministically (fixed seeds, no clock).

    python -m tests.analysis.practice.make_ratios   # rewrites data/fleet_trips.csv, store_months.csv,
                                                    # bug_tracker.csv

fleet_trips.csv   delivery-van trip log, 700 trips Jan – Jun 2025: "Trip ID", Vehicle, Driver, Depot,
                  "Depart Date", "Return Date" (ISO dates), Miles, Gallons, "Fuel Cost", Tolls, Stops,
                  "Failed Stops", Late (Yes/No), Revenue
store_months.csv  one row per store and month, 2024: Store, Region, Month (first day, ISO), Budget,
                  "Actual Spend", Sales, COGS, Headcount, Visitors, Transactions
bug_tracker.csv   issue tracker export, 600 bugs in 2024: "Bug ID", Component, Priority, Reporter, Opened,
                  Closed (blank while open; ISO dates), Status (Open / Fixed / Won't Fix), Reopened (Y/N),
                  "Estimate (h)", "Hours Logged"

Each ends on the last day of a month, so relative periods are unambiguous.
"""
from __future__ import annotations

import datetime as dt
import random

from tests.analysis.practice import write_tables

VANS = {"VAN-01": 18.0, "VAN-02": 21.0, "VAN-03": 14.5, "VAN-04": 24.0, "VAN-05": 16.0}
DRIVERS = ["Ana Ruiz", "Ben Cole", "Chen Wu", "Dara Singh", "Eli Moss", "Femi Ade"]
DEPOTS = {"North": 1.2, "South": 1.0, "East": 0.8}
STORES = {"Maple St": ("East", 1.3), "Harbor Mall": ("East", 1.0), "Pine Plaza": ("West", 0.9),
          "Lakeside": ("West", 1.1), "Old Town": ("Central", 0.7), "Riverside": ("Central", 1.0)}
COMPONENTS = {"Checkout": 1.4, "Search": 1.0, "Login": 0.7, "Reports": 1.2, "Mobile App": 1.6}
PRIORITIES = {"P1": 2, "P2": 5, "P3": 9, "P4": 20}


def _trips(rnd: random.Random) -> list[list]:
    rows: list[list] = [["Trip ID", "Vehicle", "Driver", "Depart Date", "Return Date", "Depot", "Miles", "Gallons",
                         "Fuel Cost", "Tolls", "Stops", "Failed Stops", "Late", "Revenue"]]
    start = dt.date(2025, 1, 1)
    for i in range(700):
        van = rnd.choice(list(VANS))
        depot = rnd.choice(list(DEPOTS))
        depart = start + dt.timedelta(days=rnd.randrange(181))
        back = depart + dt.timedelta(days=rnd.choice([0, 0, 0, 1, 1, 2, 3]))
        miles = round(rnd.uniform(40, 380) * DEPOTS[depot], 1)
        gallons = round(miles / (VANS[van] * rnd.uniform(0.9, 1.1)), 2)
        stops = rnd.randint(5, 30)
        failed = min(stops, int(rnd.random() * 4 * (1.5 if depot == "East" else 1)))
        late = rnd.random() < (0.3 if depot == "North" else 0.12)
        rows.append([f"T{i + 1:05d}", van, rnd.choice(DRIVERS), depart.isoformat(), back.isoformat(), depot, miles,
                     gallons, round(gallons * rnd.uniform(3.2, 4.1), 2), rnd.choice([0, 0, 4.5, 9.0, 12.75]),
                     stops, failed, "Yes" if late else "No", round(stops * rnd.uniform(18, 34), 2)])
    return rows


def _stores(rnd: random.Random) -> list[list]:
    rows: list[list] = [["Store", "Region", "Month", "Budget", "Actual Spend", "Sales", "COGS", "Headcount",
                         "Visitors", "Transactions"]]
    for month in range(1, 13):
        for store, (region, size) in STORES.items():
            budget = round(40000 * size, -2)
            sales = round(rnd.uniform(90000, 140000) * size * (1 + month / 40), 2)
            visitors = int(rnd.uniform(6000, 11000) * size)
            rows.append([store, region, dt.date(2024, month, 1).isoformat(), budget,
                         round(budget * rnd.uniform(0.85, 1.15), 2), sales, round(sales * rnd.uniform(0.55, 0.7), 2),
                         max(4, int(14 * size + rnd.randint(-2, 2))), visitors,
                         int(visitors * rnd.uniform(0.18, 0.32))])
    return rows


def _bugs(rnd: random.Random) -> list[list]:
    rows: list[list] = [["Bug ID", "Component", "Priority", "Reporter", "Opened", "Closed", "Status", "Reopened",
                         "Estimate (h)", "Hours Logged"]]
    for i in range(600):
        comp = rnd.choice(list(COMPONENTS))
        prio = rnd.choice(list(PRIORITIES))
        opened = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(350))
        days = int(rnd.uniform(0.5, 2.0) * PRIORITIES[prio] * COMPONENTS[comp])
        closed = opened + dt.timedelta(days=days)
        still_open = closed > dt.date(2024, 12, 31) or rnd.random() < 0.08
        status = "Open" if still_open else ("Won't Fix" if rnd.random() < 0.1 else "Fixed")
        estimate = rnd.choice([1, 2, 4, 8, 16])
        rows.append([f"BUG-{i + 1:04d}", comp, prio, rnd.choice(["qa", "support", "dev", "customer"]),
                     opened.isoformat(), "" if still_open else closed.isoformat(), status,
                     "Y" if rnd.random() < (0.2 if comp == "Mobile App" else 0.07) else "N", estimate,
                     round(estimate * rnd.uniform(0.6, 1.8) * COMPONENTS[comp], 1)])
    return rows


def main() -> None:
    write_tables([("fleet_trips", _trips, 31), ("store_months", _stores, 32), ("bug_tracker", _bugs, 33)])


if __name__ == "__main__":
    main()
