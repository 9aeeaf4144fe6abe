"""Generate the "two measures" practice set's three CSVs, deterministically (fixed seeds, no clock).

    python -m tests.analysis.practice.make_twomeas   # rewrites data/animal_shelter.csv,
                                                     # course_signups.csv, catering_orders.csv

animal_shelter.csv      one row per animal taken in, Jan 2024 – Jun 2025 (600): "Animal ID", Species
                        (Dog/Cat/Rabbit), Shelter, "Intake Date", "Intake Type" (Stray/Owner Surrender/
                        Transfer In), "Age (yrs)", "Outcome Date" (ISO, blank while in care), Outcome
                        (Adopted/Transferred/Returned to Owner, blank while in care), "Adoption Fee" (only when
                        adopted), "Vet Cost"
course_signups.csv  an online course school's enrollments in 2024 (800): "Enrollment ID", Student, Course,
                        Category, Channel, Country, "Enrolled On", "Completed On" (blank when not completed),
                        Refunded (Y/N), Price, "Amount Paid", Rating (1–5, only when completed)
catering_orders.csv     a caterer's orders booked Jan 2024 – Jun 2025 (500): "Order No", "Booked On", "Event
                        Date", Client, "Event Type", City, Planner, Guests, Status (Completed/Confirmed/
                        Cancelled), Revenue and "Food Cost" (blank when cancelled), "Staff Hours"

Each table has a flag or status column naming a subset of its rows (adoptions, completions, refunds,
cancellations) and a second date column (Outcome Date, Completed On, Event Date), so that questions can
ask for two measures at once, each with its own condition or its own date. Measures are continuous so
that a top-N has no ties at its cut.
"""
from __future__ import annotations

import datetime as dt
import random

from tests.analysis.practice import write_tables

SPECIES = {"Dog": (0.5, 2.0), "Cat": (0.4, 1.5), "Rabbit": (0.1, 0.6)}  # weight, vet cost scale
SHELTERS = {"Northside": 1.2, "Eastside": 1.0, "Downtown": 0.8}
FEES = {"Dog": 175.0, "Cat": 90.0, "Rabbit": 40.0}
COURSES = {"Intro to SQL": ("Data", 129.0, 0.6), "Python Basics": ("Data", 149.0, 0.5),
           "Excel for Analysts": ("Data", 79.0, 0.7), "Logo Design": ("Design", 99.0, 0.55),
           "UX Fundamentals": ("Design", 189.0, 0.45), "Project Management": ("Business", 159.0, 0.5),
           "Negotiation Skills": ("Business", 69.0, 0.65), "Spanish A1": ("Languages", 59.0, 0.35)}
CHANNELS = {"Organic": 4, "Paid Ads": 3, "Referral": 2, "Email": 2}
COUNTRIES = {"USA": 5, "UK": 2, "Canada": 2, "India": 3, "Germany": 1}
FIRST = ["Amy", "Raj", "Lena", "Tariq", "Sofia", "Ken", "Maya", "Owen", "Ines", "Paul", "Zoe", "Hugo", "Nia",
         "Carlos", "Yuki"]
LAST = ["Park", "Shah", "Novak", "Reed", "Costa", "Ito", "Brown", "Haas", "Silva", "Okafor"]
EVENTS = {"Wedding": (80, 180, 85.0), "Corporate": (20, 120, 42.0), "Birthday": (15, 60, 34.0),
          "Graduation": (25, 90, 30.0)}  # guests low, high, price per head
CITIES = {"Springfield": 3, "Riverton": 2, "Lakeview": 2, "Oakdale": 1}
PLANNERS = ["Dana Fox", "Eli Grant", "Mira Cole", "Sam Ortiz", "Tess Young"]
CLIENTS = ["Acorn Bank", "Blue Fin Co", "Cedar Law", "Dune Labs", "Elm School", "Fern & Co", "Gale Motors",
           "Hill Clinic", "Iris Media", "Jade Hotel Group", "Kite Studio", "Lark Insurance", "Moss Realty",
           "Nova Gym", "Opal Dental", "Pine Church", "Quill Books", "Rowan Family", "Sage Tech", "Tidewater Club",
           "Umber Arts", "Vale Family", "Willow Farm Shop", "Yarrow Events"]


def _weighted(rnd: random.Random, weights: dict) -> str:
    keys = list(weights)
    return rnd.choices(keys, [weights[k] if isinstance(weights[k], (int, float)) else weights[k][0]
                              for k in keys])[0]


def _shelter(rnd: random.Random) -> list[list]:
    rows: list[list] = [["Animal ID", "Species", "Shelter", "Intake Date", "Intake Type", "Age (yrs)",
                         "Outcome Date", "Outcome", "Adoption Fee", "Vet Cost"]]
    end = dt.date(2025, 6, 30)
    for i in range(600):
        species = _weighted(rnd, SPECIES)
        shelter = _weighted(rnd, SHELTERS)
        intake = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(547))
        kind = rnd.choices(["Stray", "Owner Surrender", "Transfer In"], [5, 3, 2])[0]
        age = round(rnd.uniform(0.2, 13.0) if species != "Rabbit" else rnd.uniform(0.2, 6.0), 1)
        out = intake + dt.timedelta(days=rnd.randint(2, 75))
        if out > end:
            out_text, outcome = "", ""
        else:
            back = 0.35 if kind == "Stray" else 0.05
            outcome = rnd.choices(["Adopted", "Transferred", "Returned to Owner"], [0.8 - back, 0.2, back])[0]
            out_text = out.isoformat()
        fee = round(FEES[species] * (1.4 if age < 1 else 1.0) * rnd.uniform(0.9, 1.1), 2) \
            if outcome == "Adopted" else ""
        vet = round(rnd.uniform(25, 220) * SPECIES[species][1] * SHELTERS[shelter], 2)
        rows.append([f"A{i + 1:04d}", species, shelter, intake.isoformat(), kind, age, out_text, outcome, fee,
                     vet])
    return rows


def _courses(rnd: random.Random) -> list[list]:
    rows: list[list] = [["Enrollment ID", "Student", "Course", "Category", "Channel", "Country", "Enrolled On",
                         "Completed On", "Refunded", "Price", "Amount Paid", "Rating"]]
    students = [f"{f} {s}" for f in FIRST for s in LAST]
    rnd.shuffle(students)
    students = students[:60]
    for i in range(800):
        course = rnd.choice(list(COURSES))
        category, price, finish = COURSES[course]
        enrolled = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(366))
        refunded = rnd.random() < 0.09
        done = enrolled + dt.timedelta(days=rnd.randint(8, 110))
        completed = not refunded and rnd.random() < finish and done <= dt.date(2024, 12, 31)
        paid = round(price * rnd.choice([1, 1, 1, 0.8, 0.5]) * rnd.uniform(0.97, 1.0), 2)
        rows.append([f"E{i + 1:05d}", rnd.choice(students), course, category, _weighted(rnd, CHANNELS),
                     _weighted(rnd, COUNTRIES), enrolled.isoformat(), done.isoformat() if completed else "",
                     "Y" if refunded else "N", price, paid,
                     rnd.choices([2, 3, 4, 5], [1, 2, 5, 4])[0] if completed else ""])
    return rows


def _catering(rnd: random.Random) -> list[list]:
    rows: list[list] = [["Order No", "Booked On", "Event Date", "Client", "Event Type", "City", "Planner",
                         "Guests", "Status", "Revenue", "Food Cost", "Staff Hours"]]
    end = dt.date(2025, 6, 30)
    for i in range(500):
        event = rnd.choices(list(EVENTS), [2, 4, 3, 1])[0]
        low, high, per_head = EVENTS[event]
        booked = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(547))
        held = booked + dt.timedelta(days=rnd.randint(7, 120))
        guests = rnd.randint(low, high)
        cancelled = rnd.random() < (0.18 if event == "Wedding" else 0.1)
        status = "Cancelled" if cancelled else ("Completed" if held <= end else "Confirmed")
        revenue = round(guests * per_head * rnd.uniform(0.9, 1.25), 2)
        food = round(revenue * rnd.uniform(0.3, 0.45), 2)
        hours = round(guests / 12 * rnd.uniform(3, 5), 1)
        rows.append([f"C-{i + 1:04d}", booked.isoformat(), held.isoformat(), rnd.choice(CLIENTS), event,
                     _weighted(rnd, CITIES), rnd.choice(PLANNERS), guests, status,
                     "" if cancelled else revenue, "" if cancelled else food, "" if cancelled else hours])
    return rows


def main() -> None:
    write_tables([("animal_shelter", _shelter, 71), ("course_signups", _courses, 72),
                  ("catering_orders", _catering, 73)])


if __name__ == "__main__":
    main()
