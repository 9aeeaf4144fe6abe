"""Generate the fresh evaluation set's five datasets, deterministically (fixed seeds, no clock).

    python -m tests.analysis.fresh.make_data     # rewrites tests/analysis/fresh/data/*.csv

shipments.csv          logistics: "Shipment ID" SHP-…, US dates ("Ship Date", "Delivery Date", blank while
                       in transit), "Freight Cost" as "$1,234.56", "On Time" Yes/No (blank when undelivered),
                       "Damage Claim" true/false, a few missing weights (July 2023 – June 2025)
restaurant_orders.csv  PascalCase headers, order timestamps with lunch and dinner peaks, channel
                       dine-in/takeout/delivery, "DeliveryApp", "PartySize" and "Server" only where they
                       apply, ratings on a minority of orders, "LoyaltyMember" Yes/No (2024)
student_grades.csv     enrolments (student × course × term): "Student ID" repeats, "Attendance" as "87%",
                       "Passed" Yes/No, "Scholarship" TRUE/FALSE, blank scores for withdrawals (W)
energy_readings.csv    daily meter readings of six sites, snake_case, "occupancy" as "64%", blank
                       solar_kwh where a site has no panels, estimated yes/no (July 2024 – June 2025)
hotel_bookings.csv     four hotels, check-ins 2023–2024: "Cancelled" Yes/No, "Repeat Guest" 1/0,
                       "Lead Time" in days, blank "Children" now and then

The time series end on the last day of a month (shipments and energy on 30 June 2025, restaurant orders
and hotel check-ins on 31 December 2024), so "last month" and "last 3 months" are unambiguous.
"""
from __future__ import annotations

import csv
import datetime as dt
import math
import random
from pathlib import Path

DATA = Path(__file__).parent / "data"


def pick(rng: random.Random, weighted: dict):
    return rng.choices(list(weighted), list(weighted.values()))[0]


def money(v: float) -> str:
    return f"${v:,.2f}"


def skewed_dates(rng: random.Random, first: dt.date, last: dt.date, n: int, power: float) -> list[dt.date]:
    """n sorted dates in [first, last], denser towards the end (growth); the last one is `last`."""
    span = (last - first).days
    return sorted(first + dt.timedelta(days=int(span * rng.random() ** power)) for _ in range(n - 1)) + [last]


def shipments(rng: random.Random) -> list[list]:
    carriers = {"FedEx": (0.3, 1.0, 0.93), "UPS": (0.3, 1.0, 0.91), "XPO Logistics": (0.15, 0.8, 0.84),
                "Old Dominion": (0.13, 0.85, 0.9), "Estes": (0.12, 0.75, 0.8)}
    service = {"Standard": (0.62, 5, 1.0), "Expedited": (0.28, 3, 1.6), "Overnight": (0.1, 1, 2.8)}
    origins = {"Memphis": 0.35, "Columbus": 0.25, "Reno": 0.22, "Allentown": 0.18}
    states = {"CA": 0.16, "TX": 0.13, "NY": 0.1, "FL": 0.1, "IL": 0.07, "PA": 0.07, "OH": 0.06, "GA": 0.06,
              "WA": 0.05, "AZ": 0.05, "NC": 0.05, "MI": 0.04, "CO": 0.03, "MA": 0.03}
    customers = ["Brightline Retail", "Cornerstone Hardware", "Evergreen Foods", "Fulton Medical", "Granite Auto Parts",
                 "Harborside Pharmacy", "Ironwood Furniture", "Juniper Outdoor", "Keystone Electric", "Lakeshore Books",
                 "Meridian Labs", "Northgate Apparel", "Oakridge Pet Supply", "Pinecrest Toys", "Quarry Tools",
                 "Redwood Office", "Summit Sporting", "Tidewater Marine", "Union Paper", "Valley Garden Center"]
    weight_of = {c: 1 / (k + 1) ** 0.9 for k, c in enumerate(customers)}
    rows = [["Shipment ID", "Ship Date", "Delivery Date", "Origin DC", "Dest State", "Carrier", "Service Level",
             "Weight (kg)", "Pieces", "Freight Cost", "Distance (mi)", "On Time", "Status", "Customer",
             "Damage Claim"]]
    last = dt.date(2025, 6, 30)
    for i, d in enumerate(skewed_dates(rng, dt.date(2023, 7, 1), last, 2400, 0.8)):
        carrier = rng.choices(list(carriers), [v[0] for v in carriers.values()])[0]
        level = rng.choices(list(service), [v[0] for v in service.values()])[0]
        _, promised, premium = service[level]
        pieces = rng.choices([1, 2, 3, 4, 6, 8, 12], [0.35, 0.2, 0.14, 0.11, 0.09, 0.06, 0.05])[0]
        weight = round(pieces * rng.lognormvariate(2.6, 0.7), 1)
        distance = int(rng.uniform(80, 2600))
        cost = (12 + 0.9 * weight * (distance / 1000) ** 0.6) * premium * carriers[carrier][1] * rng.uniform(0.9, 1.15)
        late = rng.random() > carriers[carrier][2] + (0.03 if level == "Overnight" else 0)
        transit = promised + (rng.choice([1, 1, 2, 3, 5]) if late else -rng.choice([0, 0, 0, 1]) if promised > 1 else 0)
        delivered_on = d + dt.timedelta(days=max(1, transit))
        status = pick(rng, {"Delivered": 0.965, "Returned": 0.025, "Lost": 0.01})
        if delivered_on > last:
            status = "In Transit"
        delivered = status in ("Delivered", "Returned")
        rows.append([f"SHP-{100001 + i}", d.strftime("%m/%d/%Y"),
                     delivered_on.strftime("%m/%d/%Y") if delivered else "", pick(rng, origins), pick(rng, states),
                     carrier, level, "" if rng.random() < 0.012 else weight, pieces, money(cost), distance,
                     ("No" if late else "Yes") if delivered else "", status, pick(rng, weight_of),
                     "true" if rng.random() < (0.05 if carrier in ("XPO Logistics", "Estes") else 0.02) else "false"])
    return rows


def _order_time(rng: random.Random, day: dt.date) -> dt.datetime:
    hour = rng.choices([11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21],
                       [0.07, 0.14, 0.1, 0.04, 0.03, 0.04, 0.1, 0.17, 0.16, 0.1, 0.05])[0]
    return dt.datetime(day.year, day.month, day.day, hour, rng.randint(0, 59))


def restaurant_orders(rng: random.Random) -> list[list]:
    locations = {"Midtown": 1.4, "Riverside": 1.0, "Old Town": 0.9, "Airport": 0.6}
    mains = {"Pizza": (0.26, 16), "Pasta": (0.2, 18), "Burgers": (0.2, 15), "Salads": (0.12, 13),
             "Seafood": (0.12, 27), "Steak": (0.1, 36)}
    servers = ["Ava", "Ben", "Chloe", "Diego", "Elena", "Finn", "Grace", "Hugo", "Isla", "Jamal"]
    rows = [["OrderID", "OrderTime", "Location", "Channel", "DeliveryApp", "PartySize", "MainCategory", "ItemCount",
             "Subtotal", "Discount", "Tip", "Total", "PaymentType", "Server", "Rating", "LoyaltyMember"]]
    first, last = dt.date(2024, 1, 1), dt.date(2024, 12, 31)
    days = []
    for _ in range(2899):
        d = first + dt.timedelta(days=rng.randrange(366))
        if d.weekday() < 4 and rng.random() < 0.3:  # busier Fridays and weekends
            d += dt.timedelta(days=4 - d.weekday() + rng.randrange(3))
        days.append(min(d, last))
    times = sorted(_order_time(rng, d) for d in days) + [dt.datetime(2024, 12, 31, 21, 14)]
    for i, t in enumerate(times):
        loc = pick(rng, locations)
        channel = pick(rng, {"Dine-in": 0.55, "Takeout": 0.2, "Delivery": 0.25})
        main = rng.choices(list(mains), [v[0] for v in mains.values()])[0]
        party = rng.choices([1, 2, 3, 4, 5, 6, 8], [0.12, 0.4, 0.14, 0.2, 0.06, 0.06, 0.02])[0]
        items = max(1, party + rng.choice([-1, 0, 0, 1, 2])) if channel == "Dine-in" else rng.randint(1, 4)
        subtotal = round(items * mains[main][1] * rng.uniform(0.8, 1.35), 2)
        discount = round(subtotal * rng.choice([0.1, 0.15, 0.2]), 2) if rng.random() < 0.12 else 0.0
        tip_rate = {"Dine-in": rng.gauss(0.18, 0.04), "Takeout": rng.choice([0, 0, 0.1]),
                    "Delivery": rng.gauss(0.12, 0.04)}[channel]
        tip = round(max(0.0, (subtotal - discount) * tip_rate), 2)
        pay = pick(rng, {"Card": 0.62, "Apple Pay": 0.18, "Cash": 0.15 if channel != "Delivery" else 0.0,
                         "Gift Card": 0.05})
        rating = rng.choices([1, 2, 3, 4, 5], [0.04, 0.06, 0.15, 0.35, 0.4])[0] if rng.random() < 0.35 else ""
        rows.append([f"R-{i + 1:05d}", t.strftime("%Y-%m-%d %H:%M"), loc, channel,
                     pick(rng, {"DoorDash": 0.5, "Uber Eats": 0.35, "Grubhub": 0.15}) if channel == "Delivery" else "",
                     party if channel == "Dine-in" else "", main, items, f"{subtotal:.2f}", f"{discount:.2f}",
                     f"{tip:.2f}", f"{subtotal - discount + tip:.2f}", pay,
                     rng.choice(servers) if channel == "Dine-in" else "", rating,
                     "Yes" if rng.random() < 0.3 else "No"])
    return rows


COURSES = {"Mathematics": [("MATH 101", "Calculus I", 4), ("MATH 102", "Calculus II", 4),
                           ("MATH 210", "Linear Algebra", 3), ("MATH 250", "Statistics", 3)],
           "Computer Science": [("CS 101", "Intro to Programming", 4), ("CS 201", "Data Structures", 4),
                                ("CS 310", "Databases", 3)],
           "Biology": [("BIO 110", "General Biology", 4), ("BIO 220", "Genetics", 3)],
           "Chemistry": [("CHEM 101", "General Chemistry", 4), ("CHEM 230", "Organic Chemistry", 4)],
           "English": [("ENG 101", "Academic Writing", 3), ("ENG 240", "American Literature", 3)],
           "History": [("HIST 110", "World History", 3), ("HIST 215", "Modern Europe", 3)],
           "Economics": [("ECON 101", "Microeconomics", 3), ("ECON 102", "Macroeconomics", 3),
                         ("ECON 301", "Econometrics", 3)]}
INSTRUCTORS = {"Mathematics": ["Dr. Okafor", "Dr. Lindqvist"], "Computer Science": ["Dr. Tanaka", "Prof. Meyer"],
               "Biology": ["Dr. Reyes"], "Chemistry": ["Dr. Novak"], "English": ["Prof. Hughes", "Dr. Adeyemi"],
               "History": ["Prof. Bianchi"], "Economics": ["Dr. Costa", "Dr. Park"]}
DIFFICULTY = {"MATH 102": -5, "CHEM 230": -8, "CS 201": -4, "ECON 301": -6, "ENG 101": 4, "HIST 110": 3}


def _term_start(term: str) -> dt.date:
    season, year = term.split()
    return dt.date(int(year), 8, 26) if season == "Fall" else dt.date(int(year), 1, 13)


def student_grades(rng: random.Random) -> list[list]:
    terms = ["Fall 2022", "Spring 2023", "Fall 2023", "Spring 2024", "Fall 2024", "Spring 2025"]
    levels = ["Freshman", "Sophomore", "Junior", "Senior"]
    courses = [(dept, *c) for dept, cs in COURSES.items() for c in cs]
    rows = [["Student ID", "Enrollment Date", "Term", "Course Code", "Course Title", "Department", "Instructor",
             "Credits", "Year Level", "Final Score", "Letter Grade", "Attendance", "Passed", "Scholarship", "Mode"]]
    out = []
    for s in range(460):
        sid = f"S{20231 + s * 7}"
        ability = rng.gauss(0, 8)
        scholarship = rng.random() < 0.22
        start = rng.randrange(len(terms))
        for k, term in enumerate(terms[start:start + rng.choice([1, 2, 2, 3])]):
            for dept, code, title, credits in rng.sample(courses, rng.choice([1, 2, 2, 3])):
                attendance = min(100, max(35, int(rng.gauss(86, 9) + ability / 2)))
                withdrawn = rng.random() < 0.05
                score = min(100.0, max(12.0, rng.gauss(76, 10) + ability + DIFFICULTY.get(code, 0)
                                       + (attendance - 86) * 0.5 + (3 if scholarship else 0)))
                letter = "W" if withdrawn else next(g for cut, g in ((90, "A"), (80, "B"), (70, "C"), (60, "D"),
                                                                      (0, "F")) if score >= cut)
                enrolled = _term_start(term) - dt.timedelta(days=rng.randint(5, 60))
                out.append([sid, enrolled.isoformat(), term, code, title, dept, rng.choice(INSTRUCTORS[dept]),
                            credits, levels[min(3, k + (start + 1) // 2)], "" if withdrawn else f"{score:.1f}",
                            letter, f"{attendance}%", "Yes" if letter in "ABCD" else "No",
                            "TRUE" if scholarship else "FALSE",
                            pick(rng, {"In-person": 0.6, "Online": 0.25, "Hybrid": 0.15})])
    out.sort(key=lambda r: (r[1], r[0], r[3]))
    return rows + out


def _occupancy(rng: random.Random, btype: str, day_factor: float) -> str:
    """A share of the building in use, as text ("64%"); offices empty at weekends."""
    base = 70 * day_factor if btype == "Office" else 85
    return f"{max(3, min(99, int(base * rng.uniform(0.8, 1.1))))}%"


def energy_readings(rng: random.Random) -> list[list]:
    # name: (meter, building type, region, base kWh per day, weekend factor, cooling, solar kWp, area sq ft)
    sites = {"HQ Tower": ("MTR-1001", "Office", "Northeast", 5200, 0.45, 1.0, 0, 240_000),
             "Plant 2": ("MTR-2002", "Manufacturing", "Midwest", 14_500, 0.7, 0.6, 60, 410_000),
             "DC West": ("MTR-3003", "Data Center", "West", 21_000, 1.0, 0.35, 0, 95_000),
             "Store 114": ("MTR-4114", "Retail", "South", 1_900, 1.15, 1.3, 25, 42_000),
             "Store 207": ("MTR-4207", "Retail", "West", 1_600, 1.1, 1.0, 35, 38_000),
             "Depot North": ("MTR-5005", "Warehouse", "Midwest", 2_300, 0.6, 0.5, 80, 180_000)}
    climate = {"Northeast": (52, 22), "Midwest": (50, 25), "West": (62, 14), "South": (70, 15)}
    tariff = {"Northeast": 0.21, "Midwest": 0.13, "West": 0.19, "South": 0.12}
    rows = [["reading_date", "site_name", "meter_id", "building_type", "region", "kwh_used", "peak_kw",
             "avg_temp_f", "solar_kwh", "cost_usd", "estimated", "occupancy", "floor_area_sqft"]]
    d, last = dt.date(2024, 7, 1), dt.date(2025, 6, 30)
    while d <= last:
        yday = d.timetuple().tm_yday
        for name, (meter, btype, region, base, weekend, cooling, solar, area) in sites.items():
            if rng.random() < 0.012 and d != last:
                continue  # a missed reading
            mean, swing = climate[region]
            temp = mean + swing * -math.cos((yday - 20) / 365 * 2 * math.pi) + rng.gauss(0, 5)
            hvac = 1 + cooling * (max(0, temp - 68) * 0.012 + max(0, 50 - temp) * 0.007)
            day_factor = weekend if d.weekday() >= 5 else 1.0
            kwh = base * hvac * day_factor * rng.lognormvariate(0, 0.06)
            sun = solar * 4.5 * (1 + 0.4 * math.cos((yday - 172) / 365 * 2 * math.pi)) * rng.uniform(0.4, 1.1)
            occupancy = "" if btype in ("Data Center", "Manufacturing") else _occupancy(rng, btype, day_factor)
            rows.append([d.isoformat(), name, meter, btype, region, round(kwh, 1),
                         round(kwh / 24 * rng.uniform(1.3, 1.9), 1), round(temp, 1),
                         round(sun, 1) if solar else "", round(kwh * tariff[region], 2),
                         "yes" if rng.random() < 0.04 else "no", occupancy, area])
        d += dt.timedelta(days=1)
    return rows


def hotel_bookings(rng: random.Random) -> list[list]:
    hotels = {"Harbor View": (0.32, 165, "City"), "Central Suites": (0.28, 140, "City"),
              "Sunset Resort": (0.24, 230, "Resort"), "Pine Lodge": (0.16, 120, "Resort")}
    rooms = {"Standard": (0.5, 1.0), "Deluxe": (0.27, 1.35), "Family": (0.13, 1.5), "Suite": (0.1, 2.2)}
    channels = {"Booking.com": (0.34, 0.3), "Direct": (0.24, 0.12), "Expedia": (0.2, 0.28),
                "Corporate": (0.12, 0.08), "Travel Agent": (0.1, 0.22)}
    countries = {"United States": 0.3, "United Kingdom": 0.14, "Germany": 0.12, "France": 0.1, "Canada": 0.08,
                 "Spain": 0.07, "Japan": 0.06, "Brazil": 0.05, "Australia": 0.04, "Netherlands": 0.04}
    rows = [["Booking Ref", "Booking Date", "Check-in", "Check-out", "Nights", "Hotel", "Hotel Type", "Room Type",
             "Adults", "Children", "Channel", "Guest Country", "ADR", "Booking Value", "Cancelled", "Repeat Guest",
             "Meal Plan", "Lead Time"]]
    first, last = dt.date(2023, 1, 1), dt.date(2024, 12, 31)
    checkins = []
    while len(checkins) < 2599:
        d = first + dt.timedelta(days=rng.randrange((last - first).days + 1))
        if rng.random() < 0.45 + 0.35 * math.sin((d.timetuple().tm_yday - 80) / 365 * 2 * math.pi) + 0.15:
            checkins.append(d)  # summer peak
    checkins = sorted(checkins) + [last]
    for i, d in enumerate(checkins):
        hotel = rng.choices(list(hotels), [v[0] for v in hotels.values()])[0]
        _, rate, htype = hotels[hotel]
        room = rng.choices(list(rooms), [v[0] for v in rooms.values()])[0]
        channel = rng.choices(list(channels), [v[0] for v in channels.values()])[0]
        nights = rng.choices([1, 2, 3, 4, 5, 7, 10], [0.2, 0.26, 0.2, 0.12, 0.1, 0.09, 0.03] if htype == "City"
                             else [0.05, 0.12, 0.2, 0.2, 0.18, 0.2, 0.05])[0]
        season = 1 + 0.3 * math.sin((d.timetuple().tm_yday - 80) / 365 * 2 * math.pi)
        adr = round(rate * rooms[room][1] * season * rng.uniform(0.85, 1.2) * (1.06 if d.year == 2024 else 1), 2)
        lead = int(rng.expovariate(1 / (25 if channel == "Corporate" else 55)))
        cancelled = rng.random() < channels[channel][1] * (1.4 if lead > 90 else 1.0)
        adults = rng.choices([1, 2, 3, 4], [0.22, 0.62, 0.1, 0.06])[0]
        kids_weights = [0.72, 0.13, 0.12, 0.03] if room != "Family" else [0.1, 0.3, 0.45, 0.15]
        children = rng.choices([0, 1, 2, 3], kids_weights)[0]
        rows.append([f"BK{23000 + i * 3}", (d - dt.timedelta(days=lead)).isoformat(), d.isoformat(),
                     (d + dt.timedelta(days=nights)).isoformat(), nights, hotel, htype, room, adults,
                     "" if rng.random() < 0.03 else children, channel, pick(rng, countries), f"{adr:.2f}",
                     f"{adr * nights:.2f}", "Yes" if cancelled else "No", 1 if rng.random() < 0.07 else 0,
                     pick(rng, {"BB": 0.45, "HB": 0.2, "FB": 0.08, "Room Only": 0.27}), lead])
    return rows


DATASETS = (("shipments", shipments, 21), ("restaurant_orders", restaurant_orders, 22),
            ("student_grades", student_grades, 23), ("energy_readings", energy_readings, 24),
            ("hotel_bookings", hotel_bookings, 25))


def main() -> None:
    DATA.mkdir(exist_ok=True)
    for name, fn, seed in DATASETS:
        with open(DATA / f"{name}.csv", "w", newline="") as f:
            csv.writer(f).writerows(fn(random.Random(seed)))


if __name__ == "__main__":
    main()
