"""Generate the trust2 practice set's three CSVs, deterministically (fixed seeds, no clock).

    python -m tests.analysis.practice.make_trust2
    # rewrites data/trust2_gym_checkins.csv, data/trust2_library_loans.csv, data/trust2_field_jobs.csv

trust2_gym_checkins.csv   one month (March 2026) of gym check-ins, 1400 rows: "Checkin ID", "Member ID",
                          Membership (Basic/Plus/Premium), Club (Northside/Eastgate/Harbor), Class (Yoga/Spin/
                          HIIT/Pilates/Open Gym), "Check In" timestamps, Minutes, Trainer (blank for Open Gym),
                          "Guest Passes" 0–2, "Paid Extra" Yes/No, "Add-on Fee" dollars (0 when none)
trust2_library_loans.csv  a library's loans with NO date column, 1200 rows: "Loan No", Branch (Central/Westside/
                          Hillcrest/Lakeview), Title, Genre, Format (Print/eBook/Audiobook), "Patron Type"
                          (Adult/Teen/Child/Senior), "Days Borrowed", Renewals, Overdue Y/N, "Late Fee"
trust2_field_jobs.csv     a field-service firm's jobs in 2025, 900 rows: "Job ID", Technician, Customer, City
                          (Denver/Boulder/Aurora/Golden), "Job Type" (Install/Repair/Maintenance),
                          "Scheduled Date", Hours, "Parts Cost", "Invoice Total", Status (Completed/Cancelled/
                          Rescheduled), "Customer Rating" 1–5 (blank when not rated)
"""
from __future__ import annotations

import datetime as dt
import random

from tests.analysis.practice import write_tables

CLASSES = {"Yoga": (0.25, 60), "Spin": (0.2, 45), "HIIT": (0.15, 40), "Pilates": (0.1, 55), "Open Gym": (0.3, 75)}
TRAINERS = {"Yoga": ["Priya Shah", "Mia Wong"], "Spin": ["Alex Moreno", "Ben Carter"],
            "HIIT": ["Ben Carter", "Sam Okafor"], "Pilates": ["Mia Wong"], "Open Gym": [""]}


def pick(rng: random.Random, weighted: dict):
    return rng.choices(list(weighted), list(weighted.values()))[0]


def gym_checkins(rng: random.Random) -> list[list]:
    rows: list[list] = [["Checkin ID", "Member ID", "Membership", "Club", "Class", "Check In", "Minutes", "Trainer",
                         "Guest Passes", "Paid Extra", "Add-on Fee"]]
    members = {f"M-{1001 + i}": pick(rng, {"Basic": 0.5, "Plus": 0.3, "Premium": 0.2}) for i in range(320)}
    first = dt.datetime(2026, 3, 1)
    times = sorted(first + dt.timedelta(days=rng.randrange(31), hours=rng.choice(range(6, 21)),
                                        minutes=rng.randrange(60)) for _ in range(1399))
    times.append(dt.datetime(2026, 3, 31, 20, 30))
    for i, when in enumerate(times):
        member = rng.choice(list(members))
        cls = pick(rng, {c: w for c, (w, _m) in CLASSES.items()})
        minutes = max(15, int(rng.gauss(CLASSES[cls][1], 12)))
        extra = rng.random() < (0.1 if members[member] == "Premium" else 0.25)
        fee = rng.choice([5, 10, 15]) if extra else 0
        rows.append([f"C{20000 + i}", member, members[member], pick(rng, {"Northside": 1.2, "Eastgate": 1.0,
                     "Harbor": 0.7}), cls, when.strftime("%Y-%m-%d %H:%M"), minutes, rng.choice(TRAINERS[cls]),
                     rng.choices([0, 1, 2], [0.85, 0.12, 0.03])[0], "Yes" if extra else "No", fee])
    return rows


BOOKS = {"The Silent Harbor": "Mystery", "Orbit of Ash": "Sci-Fi", "Garden Year": "Nonfiction",
         "Little Fox Finds Home": "Children", "Crown of Rivers": "Fantasy", "The Last Ledger": "Mystery",
         "Starfall Protocol": "Sci-Fi", "Bread and Salt": "Nonfiction", "Moonlit Meadow": "Children",
         "Dragons of Emberfall": "Fantasy", "Quiet Money": "Nonfiction", "Case of the Blue Door": "Mystery"}


def library_loans(rng: random.Random) -> list[list]:
    rows: list[list] = [["Loan No", "Branch", "Title", "Genre", "Format", "Patron Type", "Days Borrowed",
                         "Renewals", "Overdue", "Late Fee"]]
    titles = list(BOOKS)
    for i in range(1200):
        title = rng.choices(titles, [1 + (j % 5) for j in range(len(titles))])[0]
        patron = "Child" if BOOKS[title] == "Children" and rng.random() < 0.7 else pick(
            rng, {"Adult": 0.55, "Teen": 0.2, "Child": 0.1, "Senior": 0.15})
        fmt = pick(rng, {"Print": 0.6, "eBook": 0.28, "Audiobook": 0.12})
        renewals = rng.choices([0, 1, 2], [0.65, 0.25, 0.1])[0]
        days = int(rng.uniform(3, 21)) + 14 * renewals
        overdue = fmt == "Print" and rng.random() < 0.15
        fee = round(0.25 * rng.randint(1, 20), 2) if overdue else 0
        rows.append([f"L{70001 + i}", pick(rng, {"Central": 1.5, "Westside": 1.0, "Hillcrest": 0.8, "Lakeview": 0.6}),
                     title, BOOKS[title], fmt, patron, days, renewals, "Y" if overdue else "N", fee])
    return rows


TECHS = ["Maria Lopez", "James Chen", "Aisha Bello", "Derek Olsen", "Nina Kovacs"]
CUSTOMERS = ["Alpine Dental", "Redrock Bakery", "Summit Schools", "Cherry Creek Apts", "Mesa Labs", "Front Range Gym",
             "Pine Hotel", "Union Station Cafe"]


def field_jobs(rng: random.Random) -> list[list]:
    rows: list[list] = [["Job ID", "Technician", "Customer", "City", "Job Type", "Scheduled Date", "Hours",
                         "Parts Cost", "Invoice Total", "Status", "Customer Rating"]]
    first = dt.date(2025, 1, 1)
    dates = sorted(first + dt.timedelta(days=rng.randrange(365)) for _ in range(899)) + [dt.date(2025, 12, 31)]
    for i, day in enumerate(dates):
        jtype = pick(rng, {"Install": 0.25, "Repair": 0.45, "Maintenance": 0.3})
        hours = round(max(0.5, rng.gauss({"Install": 5, "Repair": 2.5, "Maintenance": 1.5}[jtype], 1)), 1)
        parts = round(rng.uniform(20, 900 if jtype == "Install" else 250), 2)
        status = pick(rng, {"Completed": 0.85, "Cancelled": 0.07, "Rescheduled": 0.08})
        invoice = round(parts * 1.3 + hours * 95, 2) if status == "Completed" else 0
        rating = rng.choices(["5", "4", "3", "2", "1"], [5, 3, 1, 0.5, 0.3])[0] if (
            status == "Completed" and rng.random() < 0.6) else ""
        rows.append([f"J-{3001 + i}", rng.choice(TECHS), rng.choice(CUSTOMERS),
                     pick(rng, {"Denver": 2, "Boulder": 1, "Aurora": 1, "Golden": 0.5}), jtype,
                     day.isoformat(), hours, parts, invoice, status, rating])
    return rows


DATASETS = [("trust2_gym_checkins", gym_checkins, 7201), ("trust2_library_loans", library_loans, 7202),
            ("trust2_field_jobs", field_jobs, 7203)]


def main() -> None:
    write_tables(DATASETS)


if __name__ == "__main__":
    main()
