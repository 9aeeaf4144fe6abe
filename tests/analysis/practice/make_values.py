"""Generate the values practice set's two CSVs, deterministically (fixed seeds, no clock).

    python -m tests.analysis.practice.make_values   # rewrites data/clinic_appointments.csv, data/ar_invoices.csv

clinic_appointments.csv  clinic scheduling export, 1800 appointments Jan 2024 – Jun 2025: "Appt ID",
                         "Appt Date", "Appt Time", Clinic, Provider ("Dr. …"), Dept, "Visit Type"
                         Consult/Follow-Up/Telehealth/Procedure, Status Completed/Cancelled/No Show/
                         Rescheduled, "Pt Age", "New Pt" 1/0, Insured TRUE/FALSE, "Reminder Sent"
                         Yes/No, "Wait (min)" blank unless completed, Copay "$25.00" blank unless completed
ar_invoices.csv          accounts-receivable export, 1300 invoices in 2024: "Inv No", "Inv Date",
                         "Due Date", Customer, Tier Ent/Mid/SMB, Region, "Sales Rep", "Product Line",
                         Qty, Amt "1,234.50", "Disc %" 0 when none, Terms Net 30/Net 60/Due on Receipt,
                         Status Paid/Open/Overdue/Partially Paid/Void, "Days Past Due" (> 0 only when
                         Overdue), "Pay Method" ACH/Card/Check/Wire blank unless paid, Disputed Y/N,
                         "Auto-Pay" 1/0

Both end on the last day of a month, so "last month" is unambiguous.
"""
from __future__ import annotations

import datetime as dt
import random

from tests.analysis.practice import write_tables

PROVIDERS = {"Dr. Alvarez": 1.2, "Dr. Brooks": 1.1, "Dr. Chen": 1.0, "Dr. Dubois": 0.9, "Dr. Eze": 0.8,
             "Dr. Fischer": 0.7}
DEPTS = {"General Practice": 0.34, "Pediatrics": 0.2, "Cardiology": 0.14, "Dermatology": 0.16,
         "Orthopedics": 0.16}


def pick(rng: random.Random, weighted: dict):
    return rng.choices(list(weighted), list(weighted.values()))[0]


def _appointment(rng: random.Random, i: int, day: dt.date) -> list:
    clinic = pick(rng, {"Downtown": 0.45, "Northside": 0.33, "Westgate": 0.22})
    dept = pick(rng, DEPTS)
    visit = pick(rng, {"Consult": 0.3, "Follow-Up": 0.38, "Telehealth": 0.2, "Procedure": 0.12})
    reminder = rng.random() < 0.7
    age = rng.randint(1, 17) if dept == "Pediatrics" else int(min(95, max(18, rng.gauss(48, 18))))
    no_show_p = 0.06 if reminder else 0.16
    status = pick(rng, {"Completed": 0.8 - no_show_p, "Cancelled": 0.12, "No Show": no_show_p,
                        "Rescheduled": 0.08})
    insured = rng.random() < 0.82
    done = status == "Completed"
    wait = int(max(0, rng.gauss(8 if visit == "Telehealth" else 18, 9))) if done else ""
    copay = f"${(20 if insured else 60) + 5 * rng.randint(0, 4):.2f}" if done else ""
    hour = rng.choice([8, 9, 10, 11, 13, 14, 15, 16])
    return [f"A{50001 + i}", day.isoformat(), f"{hour:02d}:{rng.choice(['00', '15', '30', '45'])}", clinic,
            pick(rng, PROVIDERS), dept, visit, status, age, int(rng.random() < 0.22),
            "TRUE" if insured else "FALSE", "Yes" if reminder else "No", wait, copay]


def clinic_appointments(rng: random.Random) -> list[list]:
    rows: list[list] = [["Appt ID", "Appt Date", "Appt Time", "Clinic", "Provider", "Dept", "Visit Type",
                         "Status", "Pt Age", "New Pt", "Insured", "Reminder Sent", "Wait (min)", "Copay"]]
    first, last = dt.date(2024, 1, 1), dt.date(2025, 6, 30)
    span = (last - first).days + 1
    days = []
    while len(days) < 1799:
        d = first + dt.timedelta(days=rng.randrange(span))
        if d.weekday() == 6 or (d.weekday() == 5 and rng.random() < 0.6):
            continue  # closed Sundays, lighter Saturdays
        days.append(d)
    days.append(last - dt.timedelta(days=1))
    for i, d in enumerate(sorted(days)):
        rows.append(_appointment(rng, i, d))
    return rows


CUSTOMERS = {"Acme Corp": ("Ent", "Northeast"), "Globex": ("Ent", "Midwest"), "Initech": ("Mid", "Southeast"),
             "Umbrella Health": ("Ent", "West"), "Stark Supply": ("Mid", "Northeast"),
             "Wayne Logistics": ("Mid", "Midwest"), "Bluth Co": ("SMB", "West"), "Pied Piper": ("SMB", "West"),
             "Vandelay Imports": ("SMB", "Northeast"), "Dunder Paper": ("SMB", "Northeast"),
             "Soylent Foods": ("Mid", "Southeast"), "Hooli": ("Ent", "West"),
             "Prestige Worldwide": ("SMB", "Southeast"), "Massive Dynamic": ("Mid", "Midwest")}
REPS = {"Northeast": ["J. Park", "R. Singh"], "Midwest": ["T. Moreau"], "Southeast": ["L. Grant"],
        "West": ["A. Kowalski", "M. Okafor"]}
LINES = {"Hardware": (400, 0.28), "Software": (1200, 0.3), "Services": (2500, 0.24), "Support": (300, 0.18)}


def _invoice(rng: random.Random, i: int, day: dt.date, last: dt.date) -> list:
    customer = rng.choice(list(CUSTOMERS))
    tier, region = CUSTOMERS[customer]
    line = pick(rng, {k: v[1] for k, v in LINES.items()})
    qty = rng.randint(1, 25 if line == "Hardware" else 8)
    disc = rng.choice([5, 10, 15]) if rng.random() < (0.4 if tier == "Ent" else 0.2) else 0
    unit = LINES[line][0] * rng.uniform(0.3, 1.6) * (1.6 if tier == "Ent" else 1.0)
    amt = round(qty * unit * (1 - disc / 100), 2)
    terms = pick(rng, {"Net 30": 0.55, "Net 60": 0.25, "Due on Receipt": 0.2})
    due = day + dt.timedelta(days={"Net 30": 30, "Net 60": 60, "Due on Receipt": 0}[terms])
    autopay = rng.random() < (0.45 if tier == "SMB" else 0.25)
    if rng.random() < 0.03:
        status = "Void"
    elif due < last and (autopay or rng.random() < 0.86):
        status = "Paid" if rng.random() < 0.95 else "Partially Paid"
    else:
        status = "Overdue" if due < last else "Open"
    past_due = (last - due).days if status == "Overdue" else 0
    method = ("ACH" if autopay else pick(rng, {"ACH": 0.35, "Card": 0.3, "Check": 0.25, "Wire": 0.1})) \
        if status == "Paid" else ""
    return [f"INV-{24001 + i}", day.isoformat(), due.isoformat(), customer, tier, region,
            rng.choice(REPS[region]), line, qty, f"{amt:,.2f}", disc, terms, status, past_due, method,
            "Y" if rng.random() < 0.07 else "N", int(autopay)]


def ar_invoices(rng: random.Random) -> list[list]:
    rows: list[list] = [["Inv No", "Inv Date", "Due Date", "Customer", "Tier", "Region", "Sales Rep",
                         "Product Line", "Qty", "Amt", "Disc %", "Terms", "Status", "Days Past Due",
                         "Pay Method", "Disputed", "Auto-Pay"]]
    first, last = dt.date(2024, 1, 1), dt.date(2024, 12, 31)
    days = sorted(first + dt.timedelta(days=rng.randrange(366)) for _ in range(1299))
    days.append(last)
    for i, d in enumerate(days):
        rows.append(_invoice(rng, i, d, last))
    return rows


DATASETS = [("clinic_appointments", clinic_appointments, 5101), ("ar_invoices", ar_invoices, 5102)]


def main() -> None:
    write_tables(DATASETS)


if __name__ == "__main__":
    main()
