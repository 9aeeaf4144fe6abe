"""Generate the values10 practice set's three CSVs, deterministically (fixed seeds, no clock).

    python -m tests.analysis.practice.make_values10   # rewrites data/values_solar_deals.csv,
                                                      # values_job_costs.csv, values_car_rentals.csv

values_solar_deals.csv   residential solar pipeline, 900 deals created Jan 2024 – Jun 2025: "Deal ID",
                         "Sales Rep" (first and last name), Region, Created, Status (the current stage:
                         Lead / Signed / Installed / Cancelled), "Signed On" (blank for leads), Installed
                         (the install date, blank until installed), "Contract Value" (blank for leads), Panels
values_job_costs.csv     construction cost lines, 800 invoices in 2024: "Line ID", Project ("Maple Ridge
                         Apartments", …), "Cost Code" ("03 - Concrete", …), Vendor, "Invoice Date", Phase
                         ("Phase #1" … "Phase #3"), Amount, Approved Yes/No
values_car_rentals.csv   car rental contracts, 700 rentals Jan – Jun 2025: "Rental ID", Vehicle ("Unit #101" …),
                         Class, Branch, Agent (first and last name), "Out Date", Returned (blank while the car
                         is still out), "Total Charge", "Damage Charge"

Each ends on the last day of a month, so relative periods are unambiguous.
"""
from __future__ import annotations

import datetime as dt
import random

from tests.analysis.practice import write_tables

REPS = ["Marco Rossi", "Sarah Kim", "Priya Patel", "Tom Becker", "Lena Ortiz"]
REGIONS = ["North", "South", "Coast"]
PROJECTS = {"Maple Ridge Apartments": 1.6, "Oak Street Clinic": 1.0, "Harbor View Offices": 1.3,
            "Riverside Elementary School": 0.9}
CODES = {"01 - General Conditions": ("Main Contractor", 0.6), "03 - Concrete": ("Apex Materials", 1.5),
         "05 - Metals": ("Summit Steel", 1.2), "06 - Wood & Plastics": ("Valley Lumber", 0.8),
         "09 - Finishes": ("ProFinish Interiors", 0.9), "22 - Plumbing": ("City Pipe Inc", 0.7),
         "26 - Electrical": ("Bright Spark LLC", 1.0)}
CLASSES = {"Economy": 45.0, "SUV": 80.0, "Van": 95.0, "Luxury": 150.0}
UNITS = {f"Unit #{101 + i}": cls for i, cls in enumerate(
    ["Economy", "Economy", "Economy", "SUV", "SUV", "SUV", "Van", "Van", "Luxury", "Luxury", "Economy", "SUV"])}
BRANCHES = ["Airport", "Downtown", "Harbor Point"]
AGENTS = ["Nina Alvarez", "Omar Haddad", "Julia Berg", "Kenji Sato"]
END_2025 = dt.date(2025, 6, 30)


def _deals(rnd: random.Random) -> list[list]:
    rows: list[list] = [["Deal ID", "Sales Rep", "Region", "Created", "Status", "Signed On", "Installed",
                         "Contract Value", "Panels"]]
    for i in range(900):
        created = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(547))
        signed: dt.date | None = created + dt.timedelta(days=rnd.randint(3, 45))
        installed: dt.date | None = None
        status = "Lead"
        if rnd.random() < 0.25 or signed > END_2025:  # type: ignore[operator]
            signed = None
        elif rnd.random() < 0.1:
            status = "Cancelled"
        else:
            status = "Signed"
            installed = signed + dt.timedelta(days=rnd.randint(14, 70))  # type: ignore[operator]
            if installed > END_2025 or rnd.random() < 0.1:
                installed = None
            else:
                status = "Installed"
        panels = rnd.randint(12, 40)
        value = "" if signed is None else round(panels * rnd.uniform(520, 780), 2)
        rows.append([f"D-{1001 + i}", rnd.choice(REPS), rnd.choice(REGIONS), created.isoformat(), status,
                     signed.isoformat() if signed else "", installed.isoformat() if installed else "", value, panels])
    return rows


def _costs(rnd: random.Random) -> list[list]:
    rows: list[list] = [["Line ID", "Project", "Cost Code", "Vendor", "Invoice Date", "Phase", "Amount",
                         "Approved"]]
    for i in range(800):
        project = rnd.choice(list(PROJECTS))
        code = rnd.choice(list(CODES))
        vendor, scale = CODES[code]
        day = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(366))
        phase = f"Phase #{min(3, 1 + day.month // 5)}"
        amount = round(rnd.uniform(800, 25000) * scale * PROJECTS[project], 2)
        rows.append([f"CL-{i + 1:04d}", project, code, vendor, day.isoformat(), phase, amount,
                     "No" if rnd.random() < 0.15 else "Yes"])
    return rows


def _rentals(rnd: random.Random) -> list[list]:
    rows: list[list] = [["Rental ID", "Vehicle", "Class", "Branch", "Agent", "Out Date", "Returned", "Total Charge",
                         "Damage Charge"]]
    for i in range(700):
        unit = rnd.choice(list(UNITS))
        cls = UNITS[unit]
        out = dt.date(2025, 1, 1) + dt.timedelta(days=rnd.randrange(181))
        days = rnd.randint(1, 10)
        back = out + dt.timedelta(days=days)
        returned = "" if back > END_2025 or rnd.random() < 0.03 else back.isoformat()
        damage = rnd.choice([0, 0, 0, 0, 0, 0, 0, 150, 400, 900]) if returned else 0
        rows.append([f"R-{i + 1:04d}", unit, cls, rnd.choice(BRANCHES), rnd.choice(AGENTS), out.isoformat(), returned,
                     round(days * CLASSES[cls] * rnd.uniform(0.9, 1.15), 2), damage])
    return rows


def main() -> None:
    write_tables([("values_solar_deals", _deals, 101), ("values_job_costs", _costs, 102),
                  ("values_car_rentals", _rentals, 103)])


if __name__ == "__main__":
    main()
