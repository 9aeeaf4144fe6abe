"""Generate the second derived-measures practice set's three CSVs, deterministically (fixed seeds, no clock).

    python -m tests.analysis.practice.make_derived2   # rewrites data/loan_applications.csv,
                                                      # cinema_screenings.csv, course_lessons.csv

loan_applications.csv   bank loan pipeline, 650 applications in 2024: "App No", Branch, "Loan Officer",
                        Product (Mortgage / Auto / Personal), "Customer ID", "Applied On", "Decision Date"
                        (blank while pending), "Funded Date" (blank unless funded), "Amount Requested",
                        "Amount Approved" (0 when declined), Status (Approved / Declined / Pending /
                        Withdrawn), Defaulted (Y/N), "Credit Score"
cinema_screenings.csv   one row per screening, Oct – Dec 2024: Date, Cinema, Film, Genre, Screen,
                        Capacity, "Tickets Sold", "Ticket Revenue", "Concession Sales", "Film Rental Fee"
course_lessons.csv  online-course enrolments, 2024: "Enrollment ID", "Student ID", Course, Instructor,
                        Channel (Organic / Paid Ads / Referral / Partner), "Enrolled On", "Completed On"
                        (blank unless completed), "List Price", "Price Paid", "Lessons Total",
                        "Lessons Done", Refunded (TRUE/FALSE), Rating (1–5, blank when not rated)

Each ends on the last day of a month, so relative periods are unambiguous.
"""
from __future__ import annotations

import datetime as dt
import random

from tests.analysis.practice import write_tables

BRANCHES = {"Downtown": 1.2, "Eastgate": 1.0, "Hillcrest": 0.8, "Westfield": 0.9}
OFFICERS = ["M. Patel", "J. Okafor", "L. Chen", "R. Silva", "K. Novak"]
PRODUCTS = {"Mortgage": (150000, 450000, 0.55), "Auto": (8000, 45000, 0.7), "Personal": (1000, 25000, 0.6)}
CINEMAS = {"Grand Central": 1.2, "Parkway": 0.9, "Riverside Plex": 1.0}
FILMS = {"Night Harbor": "Thriller", "Paper Moons": "Drama", "Robo Rally": "Family", "Last Orbit": "Sci-Fi",
         "Laugh Track": "Comedy", "Frost Fall": "Family", "Deep Cut": "Thriller"}
SCREENS = {"Screen 1": 220, "Screen 2": 140, "Screen 3": 90, "IMAX": 300}
COURSES = {"Python Basics": (199, 24, "Dana Reyes"), "Excel for Finance": (149, 18, "Tom Hart"),
           "UX Design": (249, 30, "Ivy Lam"), "SQL Fundamentals": (179, 20, "Dana Reyes"),
           "Public Speaking": (99, 12, "Omar Said")}
CHANNELS = {"Organic": 0.0, "Paid Ads": 0.15, "Referral": 0.2, "Partner": 0.3}


def _loans(rnd: random.Random) -> list[list]:
    rows: list[list] = [["App No", "Branch", "Loan Officer", "Product", "Customer ID", "Applied On",
                         "Decision Date", "Funded Date", "Amount Requested", "Amount Approved", "Status",
                         "Defaulted", "Credit Score"]]
    for i in range(650):
        branch = rnd.choice(list(BRANCHES))
        product = rnd.choice(list(PRODUCTS))
        low, high, approve = PRODUCTS[product]
        applied = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(366))
        decided = applied + dt.timedelta(days=int(rnd.uniform(1, 20) * (2.0 if product == "Mortgage" else 1.0)))
        score = rnd.randint(520, 830)
        requested = round(rnd.uniform(low, high), -2)
        r = rnd.random()
        if decided > dt.date(2024, 12, 31):
            status = "Pending"
        elif r < 0.07:
            status = "Withdrawn"
        elif r < 0.07 + approve * BRANCHES[branch] * (0.6 + (score - 520) / 600):
            status = "Approved"
        else:
            status = "Declined"
        approved = round(requested * rnd.choice([1.0, 1.0, 0.9, 0.8]), -2) if status == "Approved" else 0
        funded = decided + dt.timedelta(days=rnd.randint(2, 15))
        funded_s = funded.isoformat() if status == "Approved" and funded <= dt.date(2024, 12, 31) else ""
        default = status == "Approved" and rnd.random() < (0.12 if score < 620 else 0.03)
        rows.append([f"LA-{i + 1:05d}", branch, rnd.choice(OFFICERS), product, f"C{rnd.randint(1, 480):04d}",
                     applied.isoformat(), "" if status == "Pending" else decided.isoformat(), funded_s, requested,
                     approved, status, "Y" if default else "N", score])
    return rows


def _screenings(rnd: random.Random) -> list[list]:
    rows: list[list] = [["Date", "Cinema", "Film", "Genre", "Screen", "Capacity", "Tickets Sold",
                         "Ticket Revenue", "Concession Sales", "Film Rental Fee"]]
    day = dt.date(2024, 10, 1)
    while day <= dt.date(2024, 12, 31):
        for cinema, pull in CINEMAS.items():
            for _ in range(rnd.randint(3, 6)):
                film = rnd.choice(list(FILMS))
                screen = rnd.choice(list(SCREENS))
                cap = SCREENS[screen]
                weekend = day.weekday() >= 4
                sold = min(cap, int(cap * rnd.uniform(0.1, 0.8) * pull * (1.3 if weekend else 1.0)))
                price = 16.5 if screen == "IMAX" else rnd.choice([11.0, 12.5, 13.0])
                revenue = round(sold * price, 2)
                rows.append([day.isoformat(), cinema, film, FILMS[film], screen, cap, sold, revenue,
                             round(sold * rnd.uniform(3.5, 8.0), 2), round(revenue * rnd.uniform(0.45, 0.6), 2)])
        day += dt.timedelta(days=1)
    return rows


def _enrollments(rnd: random.Random) -> list[list]:
    rows: list[list] = [["Enrollment ID", "Student ID", "Course", "Instructor", "Channel", "Enrolled On",
                         "Completed On", "List Price", "Price Paid", "Lessons Total", "Lessons Done", "Refunded",
                         "Rating"]]
    for i in range(800):
        course = rnd.choice(list(COURSES))
        price, lessons, teacher = COURSES[course]
        channel = rnd.choice(list(CHANNELS))
        enrolled = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(366))
        done = lessons if rnd.random() < 0.45 else rnd.randint(0, lessons - 1)
        completed = enrolled + dt.timedelta(days=int(lessons * rnd.uniform(1.5, 5)))
        finished = done == lessons and completed <= dt.date(2024, 12, 31)
        if done == lessons and not finished:
            done = lessons - 1
        refunded = not finished and rnd.random() < 0.12
        paid = round(price * (1 - CHANNELS[channel] * rnd.random()), 2)
        rating = rnd.choice([3, 4, 4, 5, 5]) if finished and rnd.random() < 0.7 else ""
        rows.append([f"EN{i + 1:05d}", f"S{rnd.randint(1, 600):04d}", course, teacher, channel,
                     enrolled.isoformat(), completed.isoformat() if finished else "", price, paid, lessons, done,
                     "TRUE" if refunded else "FALSE", rating])
    return rows


def main() -> None:
    write_tables([("loan_applications", _loans, 81), ("cinema_screenings", _screenings, 82),
                  ("course_lessons", _enrollments, 83)])


if __name__ == "__main__":
    main()
