"""Generate the fourth derived-measures practice set's three CSVs, deterministically (fixed seeds, no clock).

    python -m tests.analysis.practice.make_derived4   # rewrites data/derived4_shift_log.csv,
                                                      # derived4_gym_members.csv, derived4_courier_jobs.csv

derived4_shift_log.csv     a factory's production shifts, Jan – Jun 2025: "Shift Date", Line, Shift (Day / Night),
                           Supervisor, Crew, "Sched Hrs", "Downtime (min)", "Planned Qty", "Units Made",
                           "Units Scrapped", "Energy kWh", "OT Hours"
derived4_gym_members.csv   a gym chain's memberships, Jan 2023 – Jun 2025: "Member ID", Club, Plan, Joined,
                           Cancelled (blank while active), "Monthly Fee", "Signup Fee", Age, Source,
                           "Visits (90d)", "PT Sessions", "PT Spend"
derived4_courier_jobs.csv  a city courier's jobs, Apr – Jun 2025: "Job #", Customer, Courier, Zone, Service,
                           Booked, "Picked Up", "Due By", "Delivered At" (blank unless delivered), Miles, Fee, Tip,
                           Attempts, Status (Delivered / Failed / Returned)

Each ends on the last day of a month, so relative periods are unambiguous.
"""
from __future__ import annotations

import datetime as dt
import random

from tests.analysis.practice import write_tables

LINES = {"Line 1": (60, 0.02), "Line 2": (55, 0.035), "Line 3": (48, 0.05), "Line 4": (70, 0.025)}
SUPERVISORS = ["Dana Holt", "Marco Silva", "Grace Kim", "Tom Becker", "Aisha Noor"]
CLUBS = {"Downtown": 1.25, "Riverside": 1.0, "Westgate": 0.8}
PLANS = {"Basic": (29.99, 0.35), "Plus": (44.99, 0.25), "Premium": (69.99, 0.15)}
SOURCES = ["Friend Referral", "Website", "Walk-in", "Corporate"]
COURIERS = {"Jay Patel": 0.08, "Rosa Lima": 0.15, "Ken Ito": 0.25, "Bea Clarke": 0.12, "Omar Haddad": 0.3}
ZONES = {"Central": 3.0, "North": 7.0, "South": 6.0, "East": 9.0, "West": 8.0}
SERVICES = {"Same Day": (240, 1.2), "Express": (90, 2.0), "Standard": (480, 0.9)}
CUSTOMERS = ["Bloom Florist", "City Dental", "Harbor Law", "Pixel Print", "Oak Pharmacy", "Nova Labs",
             "Green Grocer", "Atlas Realty", "Summit Gym", "Blue Bakery", "Metro Clinic", "Vista Optics",
             "Koi Sushi", "Lumen Studio", "Parkside Vet", "Iron Works", "Maple Books", "Crest Bank"]


def _shifts(rnd: random.Random) -> list[list]:
    rows: list[list] = [["Shift Date", "Line", "Shift", "Supervisor", "Crew", "Sched Hrs", "Downtime (min)",
                         "Planned Qty", "Units Made", "Units Scrapped", "Energy kWh", "OT Hours"]]
    day = dt.date(2025, 1, 1)
    while day <= dt.date(2025, 6, 30):
        for line, (rate, scrap) in LINES.items():
            for shift in ("Day", "Night"):
                if day.weekday() >= 5 and (shift == "Night" or rnd.random() < 0.6):
                    continue
                if rnd.random() < 0.15:
                    continue
                hours = rnd.choice([8, 8, 10, 12])
                crew = rnd.randint(4, 9)
                down = rnd.choice([0, 0, 0, 15, 30, 45, 60, 90, 120])
                planned = int(rate * hours * rnd.choice([0.95, 1.0, 1.05]))
                made = int(rate * (hours - down / 60) * rnd.uniform(0.85, 1.12) * (0.95 if shift == "Night" else 1))
                scrapped = int(made * scrap * rnd.uniform(0.3, 2.0))
                rows.append([day.isoformat(), line, shift, rnd.choice(SUPERVISORS), crew, hours, down, planned, made,
                             scrapped, round(made * rnd.uniform(1.6, 2.4), 1), rnd.choice([0, 0, 0, 1, 2, 2.5])])
        day += dt.timedelta(days=1)
    return rows


def _members(rnd: random.Random) -> list[list]:
    rows: list[list] = [["Member ID", "Club", "Plan", "Joined", "Cancelled", "Monthly Fee", "Signup Fee", "Age",
                         "Source", "Visits (90d)", "PT Sessions", "PT Spend"]]
    end = dt.date(2025, 6, 30)
    for i in range(640):
        club = rnd.choices(list(CLUBS), weights=list(CLUBS.values()))[0]
        plan = rnd.choices(list(PLANS), weights=[5, 3, 2])[0]
        fee, churn = PLANS[plan]
        joined = dt.date(2023, 1, 1) + dt.timedelta(days=rnd.randrange((end - dt.date(2023, 1, 1)).days + 1))
        cancelled = joined + dt.timedelta(days=rnd.randint(20, 700)) if rnd.random() < churn * 1.6 else None
        if cancelled is not None and cancelled > end:
            cancelled = None
        sessions = rnd.choice([0, 0, 0, 0, 2, 4, 6, 10, 12])
        visits = 0 if cancelled is not None else rnd.randint(0, 60)
        gone = "" if cancelled is None else cancelled.isoformat()
        rows.append([f"M{10400 + i}", club, plan, joined.isoformat(), gone, fee, rnd.choice([0, 0, 25, 49]),
                     rnd.randint(18, 71), rnd.choice(SOURCES), visits, sessions,
                     round(sessions * rnd.choice([45, 55, 60]), 2)])
    return rows


def _stamp(t: dt.datetime) -> str:
    return t.strftime("%Y-%m-%d %H:%M")


def _jobs(rnd: random.Random) -> list[list]:
    rows: list[list] = [["Job #", "Customer", "Courier", "Zone", "Service", "Booked", "Picked Up", "Due By",
                         "Delivered At", "Miles", "Fee", "Tip", "Attempts", "Status"]]
    day = dt.date(2025, 4, 1)
    n = 0
    while day <= dt.date(2025, 6, 30):
        for _ in range(rnd.randint(3, 9) if day.weekday() < 5 else rnd.randint(0, 3)):
            courier = rnd.choice(list(COURIERS))
            zone = rnd.choice(list(ZONES))
            service = rnd.choices(list(SERVICES), weights=[4, 2, 5])[0]
            window, mult = SERVICES[service]
            booked = dt.datetime.combine(day, dt.time(8)) + dt.timedelta(minutes=rnd.randrange(0, 9 * 60))
            picked = booked + dt.timedelta(minutes=rnd.randint(10, 75))
            due = booked + dt.timedelta(minutes=window)
            miles = round(ZONES[zone] * rnd.uniform(0.5, 1.6), 1)
            took = int(miles * rnd.uniform(4, 9) + rnd.randint(5, 30))
            if rnd.random() < COURIERS[courier]:
                took += rnd.randint(30, 200)
            attempts = rnd.choices([1, 2, 3], weights=[85, 12, 3])[0]
            status = "Delivered" if attempts < 3 and rnd.random() > 0.05 else rnd.choice(["Failed", "Returned"])
            delivered = picked + dt.timedelta(minutes=took) if status == "Delivered" else None
            fee = round((6.5 + miles * 1.4) * mult, 2)
            tip = rnd.choice([0, 0, 0, 2, 3, 5]) if status == "Delivered" else 0
            n += 1
            rows.append([f"J{5000 + n}", rnd.choice(CUSTOMERS), courier, zone, service, _stamp(booked), _stamp(picked),
                         _stamp(due), "" if delivered is None else _stamp(delivered), miles, fee, tip, attempts,
                         status])
        day += dt.timedelta(days=1)
    return rows


def main() -> None:
    write_tables([("derived4_shift_log", _shifts, 141), ("derived4_gym_members", _members, 142),
                  ("derived4_courier_jobs", _jobs, 143)])


if __name__ == "__main__":
    main()
