"""Generate the dates practice set's three CSVs, deterministically (fixed seeds, no clock).

    python -m tests.analysis.practice.make_dates   # rewrites data/course_enrollments.csv,
                                                   # maintenance_requests.csv, food_deliveries.csv

course_enrollments.csv    online-course platform, 900 enrollments Jul 2023 – Dec 2024: "Enrollment ID", Student,
                          Course, Category, Enrolled, Started, Completed (US dates MM/DD/YYYY; Started and
                          Completed blank until they happen, none after 12/31/2024), Fee, Rating (1–5, blank
                          unless completed)
maintenance_requests.csv  apartment maintenance log, 800 requests Jul 2024 – Jun 2025: request_id, building,
                          unit, category, priority (low / normal / urgent), created_at, closed_at
                          ("2024-07-03 14:22"; closed_at blank while open), technician, cost
food_deliveries.csv       restaurant delivery orders, 1,200 orders Jan – Jun 2025: "Order #", Restaurant, Zone,
                          Placed, "Picked Up", Delivered (ISO timestamps "2025-01-04T18:45:00"; Picked Up and
                          Delivered blank for cancelled orders), Status (Delivered / Cancelled), Courier,
                          "Order Total", Tip

Each ends on the last day of a month, so relative periods are unambiguous. Three date columns a table, each
named by its event (an event verb or a snake_case _at), so a question's verb must pick the right one.
"""
from __future__ import annotations

import datetime as dt
import random

from tests.analysis.practice import write_tables

COURSES = {"Intro to Python": ("Data", 149), "SQL Basics": ("Data", 99), "Excel for Analysts": ("Data", 79),
           "Logo Design": ("Design", 129), "UX Fundamentals": ("Design", 199),
           "Email Marketing": ("Marketing", 89), "SEO 101": ("Marketing", 69)}
FIRST = ["Ava", "Liam", "Mia", "Noah", "Zoe", "Omar", "Ivy", "Leo", "Nina", "Sam", "Ruth", "Kai"]
LAST = ["Park", "Diaz", "Khan", "Lee", "Moss", "Ng", "Roy", "Shaw"]
BUILDINGS = {"Elm Court": 1.0, "Birch House": 1.3, "Cedar Point": 0.8, "Oak Terrace": 1.1}
CATEGORIES = {"Plumbing": 180.0, "Electrical": 220.0, "HVAC": 340.0, "Appliance": 150.0, "Pest Control": 95.0}
TECHS = ["J. Ortiz", "M. Chen", "R. Baker", "S. Patel"]
RESTAURANTS = ["Taco Loco", "Pho Real", "Burger Barn", "Curry House", "Sushi Go", "Pizza Pronto"]
ZONES = {"Downtown": 1.4, "Uptown": 1.0, "Riverside": 0.8, "Eastside": 0.7}
COURIERS = ["Dev", "Lena", "Marco", "Priya", "Tom", "Yusuf"]
HOURS = [11, 12, 12, 13, 14, 17, 18, 18, 19, 19, 19, 20, 20, 21, 22]


def _us(d: dt.date | None) -> str:
    return "" if d is None else d.strftime("%m/%d/%Y")


def _enrollments(rnd: random.Random) -> list[list]:
    rows: list[list] = [["Enrollment ID", "Student", "Course", "Category", "Enrolled", "Started", "Completed", "Fee",
                         "Rating"]]
    start, end = dt.date(2023, 7, 1), dt.date(2024, 12, 31)
    for i in range(900):
        course = rnd.choice(list(COURSES))
        category, price = COURSES[course]
        enrolled = start + dt.timedelta(days=int(rnd.triangular(0, 549, 420)))
        began = enrolled + dt.timedelta(days=rnd.randint(0, 20)) if rnd.random() < 0.85 else None
        done = began + dt.timedelta(days=rnd.randint(10, 90)) if began and rnd.random() < 0.6 else None
        began = began if began and began <= end else None
        done = done if began and done and done <= end else None
        fee = price if rnd.random() < 0.7 else round(price * 0.8, 2)
        rating = rnd.choice([3, 4, 4, 5, 5]) if done else ""
        rows.append([f"E{i + 1:04d}", f"{rnd.choice(FIRST)} {rnd.choice(LAST)}", course, category, _us(enrolled),
                     _us(began), _us(done), fee, rating])
    return rows


def _requests(rnd: random.Random) -> list[list]:
    rows: list[list] = [["request_id", "building", "unit", "category", "priority", "created_at", "closed_at",
                         "technician", "cost"]]
    start, end = dt.datetime(2024, 7, 1), dt.datetime(2025, 6, 30, 23, 59)
    for i in range(800):
        building = rnd.choice(list(BUILDINGS))
        category = rnd.choice(list(CATEGORIES))
        priority = rnd.choices(["low", "normal", "urgent"], [3, 5, 2])[0]
        day = int(rnd.uniform(0, 365) if rnd.random() < 0.7 else rnd.triangular(0, 365, 200))
        created = start + dt.timedelta(days=day, hours=rnd.choice([8, 9, 9, 10, 11, 13, 15, 17, 19, 21]),
                                       minutes=rnd.randrange(60))
        hours = rnd.uniform(2, 30) if priority == "urgent" else rnd.uniform(12, 24 * 12)
        closed: dt.datetime | None = created + dt.timedelta(hours=hours)
        if closed is not None and (closed > end or rnd.random() < 0.05):
            closed = None
        cost = round(CATEGORIES[category] * rnd.uniform(0.4, 1.8) * BUILDINGS[building], 2) if closed else 0
        rows.append([f"MR-{i + 1:04d}", building, f"{rnd.randint(1, 6)}{rnd.randint(0, 1)}{rnd.randint(1, 9)}",
                     category, priority, created.strftime("%Y-%m-%d %H:%M"),
                     closed.strftime("%Y-%m-%d %H:%M") if closed else "", rnd.choice(TECHS), cost])
    return rows


def _deliveries(rnd: random.Random) -> list[list]:
    rows: list[list] = [["Order #", "Restaurant", "Zone", "Placed", "Picked Up", "Delivered", "Status", "Courier",
                         "Order Total", "Tip"]]
    start = dt.datetime(2025, 1, 1)
    for i in range(1200):
        zone = rnd.choices(list(ZONES), list(ZONES.values()))[0]
        day = rnd.randrange(181)
        weekend = (start + dt.timedelta(days=day)).weekday() >= 4
        if not weekend and rnd.random() < 0.3:  # Fridays and weekends are busier
            day = rnd.randrange(181)
        placed = start + dt.timedelta(days=day, hours=rnd.choice(HOURS), minutes=rnd.randrange(60))
        placed = min(placed, dt.datetime(2025, 6, 30, 22, 30))
        cancelled = rnd.random() < 0.07
        picked = placed + dt.timedelta(minutes=rnd.randint(8, 30))
        delivered = picked + dt.timedelta(minutes=int(rnd.uniform(8, 35) / ZONES[zone]))
        total = round(rnd.uniform(14, 75) * (1.2 if placed.hour >= 17 else 1.0), 2)
        tip = 0 if cancelled else round(total * rnd.choice([0, 0.1, 0.15, 0.15, 0.2]), 2)
        iso = "%Y-%m-%dT%H:%M:00"
        rows.append([f"{10001 + i}", rnd.choice(RESTAURANTS), zone, placed.strftime(iso),
                     "" if cancelled else picked.strftime(iso), "" if cancelled else delivered.strftime(iso),
                     "Cancelled" if cancelled else "Delivered", rnd.choice(COURIERS), total, tip])
    return rows


def main() -> None:
    write_tables([("course_enrollments", _enrollments, 71), ("maintenance_requests", _requests, 72),
                  ("food_deliveries", _deliveries, 73)])


if __name__ == "__main__":
    main()
