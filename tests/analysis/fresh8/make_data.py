"""Generate the eighth fresh evaluation set's five datasets, deterministically (fixed seeds, no clock).

    python -m tests.analysis.fresh8.make_data     # rewrites tests/analysis/fresh8/data/*.csv

landscaping_jobs.csv   a landscaping company's jobs scheduled 1 July 2024 - 30 June 2025 (Mon-Sat): "Job #",
                       "Sched Date", "Completed" (blank unless done), "Crew" (C1-C5), "Crew Lead", "Service",
                       "Client", "Client Type" (Residential/Commercial/HOA), "Zip", "Billing" (Fixed/T&M),
                       "Est Hrs", "Actual Hrs" (blank unless done), "Quote ($)", "Invoiced ($)" (blank unless done),
                       "Materials ($)" (blank unless done with materials), "Status" (Completed/Scheduled/Cancelled),
                       "Cancel Reason" (blank unless cancelled), "Callback" Y/N; services in their seasons, crew
                       C3 running ~30% over its estimates, crew C5 with many callbacks, T&M jobs invoiced on hours
brewery_batches.csv    a craft brewery's batches brewed 2 January - 31 December 2024 (weekdays): "Batch ID",
                       "Brew Date", "Beer", "Style", "Brewer", "FV" (fermenter), "Batch Size (bbl)", "OG", "FG",
                       "Packaged On" (blank until packaged), "Yield (bbl)", "Kegs (1/2 bbl)", "Cases (24x12oz)",
                       "Ingredient Cost ($)", "QA" (Pass/Fail, blank while fermenting), "Status"
                       (Packaged/Fermenting/Dumped); ABV only as (OG - FG) * 131.25, lagers and sours long in the
                       tank, the hazy IPA losing the most volume, sours dumped most often
bus_runs.csv           a school district's bus route runs on school days 3 September 2024 - 28 March 2025, upper
                       case export headers: RUN_ID, ROUTE, SCHOOL, DEPOT, SHIFT (AM/PM), RUN_DATE, BUS_NO, DRIVER,
                       SUB_DRIVER Y/N, SCHED_ARR, ACT_ARR (timestamps, ACT_ARR blank when cancelled), MILES,
                       FUEL_GAL, RIDERS, ASSIGNED, INCIDENT (blank or a code), STATUS (COMPLETED/CANCELLED); route
                       R-104 late from October (construction), two snow days, Fridays lighter
seller_payouts.csv     an online marketplace's weekly seller payouts, paid Fridays 3 January - 26 September 2025,
                       snake_case: payout_id, seller_id, seller_name, category, tier, payout_date, period_start,
                       period_end, orders, gross_sales, refunds, commission, shipping_fees, net_payout, method,
                       status (paid/pending/held/failed), hold_reason (blank unless held); commission by
                       category, one seller (GadgetHub Direct) refunding ~18% and held often, apparel growing
tutoring_sessions.csv  a tutoring centre's sessions 3 September 2024 - 13 June 2025 (Mon-Sat): "Session ID", "Date",
                       "Start Time", "Mins", "Tutor", "Subject", "Student", "Grade", "Format" (Online/In Person),
                       "Center", "Rate/hr", "Billed ($)", "Package", "Attendance" (Attended/No Show/Late Cancel),
                       "Rating" (1-5, blank unless given), "Trial" Y/N; a May exam peak, a December dip, one tutor
                       rated best, online sessions no-showing more
"""
from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

DATA = Path(__file__).parent / "data"


def days(first: dt.date, last: dt.date):
    for k in range((last - first).days + 1):
        yield first + dt.timedelta(days=k)


def pick(rng: random.Random, weighted: dict):
    return rng.choices(list(weighted), list(weighted.values()))[0]


def poisson(rng: random.Random, lam: float, cap: int = 40) -> int:
    return sum(1 for _ in range(cap) if rng.random() < lam / cap)


def stamp(t: dt.datetime) -> str:
    return t.strftime("%Y-%m-%d %H:%M")


# ------------------------------------------------------------------------------------------ landscaping jobs
def landscaping_jobs(rng: random.Random) -> list[list]:
    # service: (months, est hours range, price per est hour, materials range or None, weight)
    services = {"Mowing": ((4, 5, 6, 7, 8, 9, 10), (1.0, 3.0), 62, None, 30),
                "Mulching": ((3, 4, 5, 9), (3.0, 8.0), 70, (120, 650), 8),
                "Hedge Trimming": ((5, 6, 7, 8, 9), (2.0, 6.0), 68, None, 9),
                "Leaf Cleanup": ((10, 11, 12), (2.5, 8.0), 64, None, 16),
                "Irrigation Repair": ((4, 5, 6, 7, 8, 9), (1.5, 5.0), 85, (40, 380), 7),
                "Sod Install": ((4, 5, 6, 9, 10), (6.0, 16.0), 72, (600, 3200), 4),
                "Snow Removal": ((12, 1, 2, 3), (1.5, 5.0), 95, (30, 160), 14),
                "Spring Cleanup": ((3, 4), (3.0, 9.0), 66, None, 10),
                "Tree Pruning": ((1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), (2.0, 7.0), 90, None, 5)}
    crews = {"C1": "Hector Ruiz", "C2": "Dana Fox", "C3": "Willie Brooks", "C4": "Minh Tran", "C5": "Kelsey Obi"}
    overrun = {"C1": (0.88, 1.08), "C2": (0.9, 1.12), "C3": (1.12, 1.5), "C4": (0.85, 1.05), "C5": (0.9, 1.1)}
    clients = [("Oakmont HOA", "HOA", 55118), ("Maple Court HOA", "HOA", 55124), ("Willow Bend HOA", "HOA", 55044),
               ("Riverside Plaza", "Commercial", 55114), ("Lakeview Medical Center", "Commercial", 55125),
               ("First Lutheran Church", "Commercial", 55118), ("Cedar Ridge Apartments", "Commercial", 55044),
               ("Northstar Office Park", "Commercial", 55121), ("Valley Auto Mall", "Commercial", 55124)]
    surnames = ["Patel", "Olson", "Nguyen", "Schmidt", "Johnson", "Garcia", "Larson", "Kim", "Anderson", "Moore",
                "Hughes", "Peterson", "Ali", "Kowalski", "Berg", "Lund", "Rivera", "Carlson", "Walsh", "Novak",
                "Young", "Hansen", "Bauer", "Fischer", "Dahl", "Ortiz", "Sato", "Wright"]
    for s in surnames:
        clients.append((f"{s} Residence", "Residential", rng.choice([55118, 55124, 55044, 55121, 55125])))
    client_w = [6 if t == "HOA" else 4 if t == "Commercial" else 1 for _, t, _ in clients]
    export = dt.date(2025, 6, 20)
    rows: list[list] = [["Job #", "Sched Date", "Completed", "Crew", "Crew Lead", "Service", "Client", "Client Type",
                         "Zip", "Billing", "Est Hrs", "Actual Hrs", "Quote ($)", "Invoiced ($)", "Materials ($)",
                         "Status", "Cancel Reason", "Callback"]]
    n = 0
    for d in days(dt.date(2024, 7, 1), dt.date(2025, 6, 30)):
        if d.weekday() == 6:
            continue
        in_season = {s: v[4] for s, v in services.items() if d.month in v[0]}
        busy = {1: 0.6, 2: 0.6, 3: 0.8, 4: 1.1, 5: 1.3, 6: 1.2, 7: 1.1, 8: 1.0, 9: 1.0, 10: 1.2, 11: 1.0,
                12: 0.7}[d.month]
        for _ in range(poisson(rng, 4.2 * busy * (0.5 if d.weekday() == 5 else 1.0), 16)):
            n += 1
            service = pick(rng, in_season)
            months, (lo, hi), per_hr, mats, _ = services[service]
            crew = rng.choice(list(crews))
            client, ctype, zipc = clients[rng.choices(range(len(clients)), client_w)[0]]
            est = round(rng.uniform(lo, hi) * (1.6 if ctype != "Residential" else 1.0) * 2) / 2
            billing = "T&M" if service in ("Irrigation Repair", "Tree Pruning") or (ctype == "Residential" and
                                                                                    rng.random() < 0.15) else "Fixed"
            materials = round(rng.uniform(*mats), 2) if mats else None
            quote = round(est * per_hr + (materials or 0) * 1.25, 2)
            cancelled = rng.random() < (0.09 if d.month in (4, 5, 10) else 0.04)
            if cancelled:
                status = "Cancelled"
                reason = pick(rng, {"Weather": 5, "Client Request": 4, "No Access": 1})
            elif d > export:
                status, reason = "Scheduled", ""
            else:
                status, reason = "Completed", ""
            if status == "Completed":
                slip = pick(rng, {0: 78, 1: 12, 2: 6, 3: 4}) if d.month not in (4, 5) else pick(rng, {0: 62, 1: 18,
                                                                                                     2: 12, 3: 8})
                done = d + dt.timedelta(days=slip)
                actual = round(est * rng.uniform(*overrun[crew]) * 4) / 4
                invoiced = quote if billing == "Fixed" else round(actual * per_hr + (materials or 0) * 1.25, 2)
                callback = "Y" if rng.random() < (0.13 if crew == "C5" else 0.035) else "N"
                rows.append([f"J{24000 + n}", d.isoformat(), done.isoformat(), crew, crews[crew], service, client,
                             ctype, zipc, billing, est, actual, quote, invoiced,
                             "" if materials is None else materials, status, reason, callback])
            else:
                rows.append([f"J{24000 + n}", d.isoformat(), "", crew, crews[crew], service, client, ctype, zipc,
                             billing, est, "", quote, "", "", status,
                             reason, "N"])
    return rows


# ----------------------------------------------------------------------------------------- brewery batches
def brewery_batches(rng: random.Random) -> list[list]:
    # beer: (style, OG range, attenuation range, days in tank range, cost per bbl, keg share, weight)
    beers = {"Trailhead IPA": ("IPA", (1.060, 1.066), (0.78, 0.82), (12, 16), 62, 0.55, 26),
             "Foggy Notion": ("Hazy IPA", (1.064, 1.072), (0.74, 0.78), (13, 18), 88, 0.35, 20),
             "Lakeshore Pils": ("Pilsner", (1.046, 1.050), (0.80, 0.84), (28, 38), 41, 0.5, 16),
             "Night Shift Stout": ("Stout", (1.068, 1.078), (0.70, 0.75), (16, 22), 55, 0.7, 10),
             "Red Barn Amber": ("Amber", (1.052, 1.058), (0.74, 0.78), (12, 15), 44, 0.6, 12),
             "Pucker Up Gose": ("Sour", (1.042, 1.048), (0.82, 0.88), (30, 45), 58, 0.4, 8),
             "Harvest Marzen": ("Lager", (1.054, 1.058), (0.76, 0.80), (32, 42), 47, 0.5, 0)}
    brewers = {"Sam Kowalski": 1.0, "Jess Arroyo": 1.01, "Mo Adeyemi": 0.96}
    last = dt.date(2024, 12, 31)
    rows: list[list] = [["Batch ID", "Brew Date", "Beer", "Style", "Brewer", "FV", "Batch Size (bbl)", "OG", "FG",
                         "Packaged On", "Yield (bbl)", "Kegs (1/2 bbl)", "Cases (24x12oz)", "Ingredient Cost ($)", "QA",
                         "Status"]]
    n = 0
    for d in days(dt.date(2024, 1, 2), last):
        if d.weekday() >= 5:
            continue
        weights = {b: v[6] for b, v in beers.items()}
        if d.month in (7, 8):
            weights["Harvest Marzen"] = 22
        if d.month in (6, 7, 8):
            weights["Night Shift Stout"] = 3
        if d.month in (11, 12, 1, 2):
            weights["Night Shift Stout"] = 20
        for _ in range(poisson(rng, 1.6 if d.month in (4, 5, 6, 7) else 1.3, 4)):
            n += 1
            beer = pick(rng, weights)
            style, (olo, ohi), (alo, ahi), (tlo, thi), cost, keg_share, _ = beers[beer]
            brewer = rng.choice(list(brewers))
            size = rng.choice([15, 30, 30]) if style not in ("Sour", "Stout") else rng.choice([15, 15, 30])
            og = round(rng.uniform(olo, ohi), 3)
            fg = round(1 + (og - 1) * (1 - rng.uniform(alo, ahi)), 3)
            tank = rng.randint(tlo, thi)
            packaged = d + dt.timedelta(days=tank)
            fail = rng.random() < (0.13 if style == "Sour" else 0.025)
            ingredients = round(size * cost * rng.uniform(0.93, 1.08), 2)
            fv = rng.choice(["FV1", "FV2", "FV3", "FV4", "FV5", "FV6"] if size == 30 else ["FV7", "FV8"])
            if fail:
                rows.append([f"B24-{n:03d}", d.isoformat(), beer, style, brewer, fv, size, og, fg, "", "", "", "",
                             ingredients, "Fail", "Dumped"])
            elif packaged > last:
                rows.append([f"B24-{n:03d}", d.isoformat(), beer, style, brewer, fv, size, og, "", "", "", "", "",
                             ingredients, "", "Fermenting"])
            else:
                loss = rng.uniform(0.14, 0.2) if style == "Hazy IPA" else rng.uniform(0.06, 0.11)
                yld = round(size * (1 - loss) * brewers[brewer], 1)
                kegs = int(yld * keg_share / 0.5)
                cases = int((yld - kegs * 0.5) * 13.78)
                rows.append([f"B24-{n:03d}", d.isoformat(), beer, style, brewer, fv, size, og, fg,
                             packaged.isoformat(), yld, kegs, cases, ingredients, "Pass", "Packaged"])
    return rows


# ------------------------------------------------------------------------------------------------ bus runs
def bus_runs(rng: random.Random) -> list[list]:
    # route: (school, depot, bus, driver, miles, assigned, AM arrival, PM arrival)
    routes = {"R-101": ("Lincoln ES", "NORTH", 12, "Gary Holm", 18.4, 52, (8, 5), (15, 45)),
              "R-102": ("Lincoln ES", "NORTH", 17, "Rita Vance", 22.1, 47, (8, 5), (15, 50)),
              "R-103": ("Hamilton MS", "NORTH", 21, "Dwayne Cole", 26.8, 61, (7, 40), (15, 20)),
              "R-104": ("Hamilton MS", "SOUTH", 8, "Luz Moreno", 31.5, 58, (7, 40), (15, 25)),
              "R-105": ("Westview HS", "SOUTH", 33, "Phil Dumont", 29.2, 66, (7, 15), (14, 50)),
              "R-106": ("Westview HS", "SOUTH", 35, "Anita Shah", 24.7, 63, (7, 15), (14, 55)),
              "R-107": ("Westview HS", "NORTH", 40, "Ken Yamada", 35.9, 44, (7, 15), (14, 55))}
    subs = ["Joe Pruitt", "Mary Castillo"]
    holidays = {dt.date(2024, 11, 11), dt.date(2024, 11, 27), dt.date(2024, 11, 28), dt.date(2024, 11, 29),
                dt.date(2025, 1, 20), dt.date(2025, 2, 17), dt.date(2025, 2, 18)}
    holidays |= set(days(dt.date(2024, 12, 23), dt.date(2025, 1, 3)))
    snow = {dt.date(2025, 1, 21), dt.date(2025, 2, 12)}
    rows: list[list] = [["RUN_ID", "ROUTE", "SCHOOL", "DEPOT", "SHIFT", "RUN_DATE", "BUS_NO", "DRIVER", "SUB_DRIVER",
                         "SCHED_ARR", "ACT_ARR", "MILES", "FUEL_GAL", "RIDERS", "ASSIGNED", "INCIDENT", "STATUS"]]
    n = 0
    for d in days(dt.date(2024, 9, 3), dt.date(2025, 3, 28)):
        if d.weekday() >= 5 or d in holidays:
            continue
        for route, (school, depot, bus, driver, miles, assigned, am, pm) in routes.items():
            for shift, (hh, mm) in (("AM", am), ("PM", pm)):
                n += 1
                sched = dt.datetime.combine(d, dt.time(hh, mm))
                sub = rng.random() < (0.14 if route == "R-106" else 0.05)
                who = rng.choice(subs) if sub else driver
                cancelled = d in snow or rng.random() < 0.006
                late = rng.gauss(1.5, 3.0) + (2.5 if shift == "PM" else 0) + (3.0 if sub else 0)
                if route == "R-104" and d >= dt.date(2024, 10, 7):
                    late += rng.gauss(8, 3)
                if d.month in (12, 1, 2):
                    late += rng.uniform(0, 4)
                incident = ""
                if not cancelled and rng.random() < 0.05:
                    incident = pick(rng, {"TRAFFIC": 5, "MECH": 2, "BEHAV": 3, "WEATHER": 2 if d.month in (12, 1, 2)
                                          else 0.3})
                    late += {"TRAFFIC": 8, "MECH": 15, "BEHAV": 3, "WEATHER": 10}[incident]
                run_miles = round(miles * rng.uniform(0.97, 1.05), 1)
                mpg = rng.uniform(6.2, 7.4) if bus < 30 else rng.uniform(5.4, 6.4)
                riders = int(assigned * rng.uniform(0.62, 0.92) * (0.85 if d.weekday() == 4 else 1.0))
                if shift == "PM":
                    riders = int(riders * 0.93)
                act = sched + dt.timedelta(minutes=round(late))
                rows.append([f"{d:%y%m%d}-{route[2:]}{shift[0]}", route, school, depot, shift, d.isoformat(), bus, who,
                             "Y" if sub else "N", stamp(sched), "" if cancelled else stamp(act),
                             0 if cancelled else run_miles, "" if cancelled else round(run_miles / mpg, 1),
                             0 if cancelled else riders, assigned, incident, "CANCELLED" if cancelled
                             else "COMPLETED"])
    return rows


# ------------------------------------------------------------------------------------------ seller payouts
def seller_payouts(rng: random.Random) -> list[list]:
    rates = {"Electronics": 0.08, "Home & Garden": 0.12, "Apparel": 0.15, "Beauty": 0.12, "Toys": 0.10,
             "Handmade": 0.065}
    names = {"Electronics": ["GadgetHub Direct", "VoltNest", "ByteBazaar", "Circuit City Outlet", "PixelPort"],
             "Home & Garden": ["Hearth & Vine", "GreenThumb Supply", "Nook Living", "CasaBella Home",
                               "Backyard Basics", "Linen Lane"],
             "Apparel": ["ThreadCraft", "Urban Loom", "Kinfolk Apparel", "Stride Sportswear", "Velvet Fox",
                         "Denim Depot", "Coastline Tees"],
             "Beauty": ["Glow Theory", "Pure Petal", "Luxe Lab"],
             "Toys": ["Tiny Titans", "Puzzle Peak", "BrickBox"],
             "Handmade": ["Mossy Mug Pottery", "Oak & Awl", "Bead Bloom", "Wick & Wax", "Paper Moon Press"]}
    sellers = []
    k = 0
    for cat, ns in names.items():
        for name in ns:
            k += 1
            tier = pick(rng, {"Standard": 5, "Pro": 3, "Top Rated": 2})
            size = rng.uniform(0.4, 2.2) * (1.8 if cat == "Electronics" else 1.0)
            start = dt.date(2025, 1, 3) + dt.timedelta(weeks=rng.choice([0, 0, 0, 0, 0, 2, 6, 10, 16]))
            sellers.append((f"S{1000 + 7 * k}", name, cat, tier, size, start))
    avg_order = {"Electronics": 88, "Home & Garden": 54, "Apparel": 38, "Beauty": 27, "Toys": 31, "Handmade": 42}
    rows: list[list] = [["payout_id", "seller_id", "seller_name", "category", "tier", "payout_date", "period_start",
                         "period_end", "orders", "gross_sales", "refunds", "commission", "shipping_fees",
                         "net_payout", "method", "status", "hold_reason"]]
    methods = {}
    n = 0
    friday = dt.date(2025, 1, 3)
    last = dt.date(2025, 9, 26)
    while friday <= last:
        for sid, name, cat, tier, size, start in sellers:
            if friday < start or rng.random() < 0.06:
                continue
            methods.setdefault(sid, pick(rng, {"ACH": 70, "PayPal": 22, "Wire": 8}))
            growth = 1 + (0.06 * (friday - dt.date(2025, 1, 3)).days / 7 / 4 if cat == "Apparel" else 0)
            season = 1.15 if friday.month in (5, 6) else 1.0
            orders = max(1, int(rng.gauss(40 * size * growth * season, 6)))
            gross = round(orders * avg_order[cat] * rng.uniform(0.9, 1.1), 2)
            refund_rate = rng.uniform(0.14, 0.22) if name == "GadgetHub Direct" else rng.uniform(0.01, 0.07)
            refunds = round(gross * refund_rate, 2)
            rate = rates[cat] - (0.01 if tier != "Standard" else 0)
            commission = round((gross - refunds) * rate, 2)
            shipping = round(orders * (4.1 if cat != "Electronics" else 6.3) * rng.uniform(0.85, 1.0), 2)
            net = round(gross - refunds - commission - shipping, 2)
            n += 1
            method = methods[sid]
            if friday == last:
                status, reason = "pending", ""
            elif rng.random() < (0.3 if name == "GadgetHub Direct" else 0.015):
                status = "held"
                reason = pick(rng, {"High refund rate": 6, "Chargeback review": 3, "KYC pending": 1}) \
                    if name == "GadgetHub Direct" else pick(rng, {"KYC pending": 3, "Chargeback review": 2})
            elif method == "PayPal" and rng.random() < 0.04:
                status, reason = "failed", ""
            else:
                status, reason = "paid", ""
            rows.append([f"PAY-{250000 + n}", sid, name, cat, tier, friday.isoformat(),
                         (friday - dt.timedelta(days=11)).isoformat(), (friday - dt.timedelta(days=5)).isoformat(),
                         orders, gross, refunds, commission, shipping, net, method, status, reason])
        friday += dt.timedelta(days=7)
    return rows


# --------------------------------------------------------------------------------------- tutoring sessions
def tutoring_sessions(rng: random.Random) -> list[list]:
    # tutor: (subjects, rate per hour, rating mean, centre)
    tutors = {"Priya Raman": (["Math", "SAT Prep"], 65, 4.8, "Northgate"),
              "Ben Adler": (["Math", "Physics"], 55, 4.1, "Northgate"),
              "Carmen Lopez": (["Spanish", "English"], 45, 4.4, "Eastlake"),
              "Derek Osei": (["Chemistry", "Biology"], 55, 4.3, "Eastlake"),
              "Emma Whitaker": (["English", "SAT Prep"], 60, 4.5, "Northgate"),
              "Farid Nasser": (["Math", "Chemistry"], 50, 3.9, "Eastlake"),
              "Grace Huang": (["Reading", "Math"], 40, 4.6, "Eastlake")}
    firsts = ["Aiden", "Bella", "Caleb", "Daisy", "Ethan", "Fiona", "Gabe", "Hazel", "Isaac", "Jade", "Kai", "Luna",
              "Mason", "Nora", "Owen", "Piper", "Quinn", "Ruby", "Sean", "Tessa", "Uma", "Vince", "Willa", "Xavier",
              "Yara", "Zane", "Amir", "Brooke", "Cole", "Dana", "Eli", "Freya", "Gavin", "Ivy", "Jonah", "Kira",
              "Leo", "Maya", "Nico", "Olive"]
    letters = "ABCDEFGHJKLMNPRSTW"
    students = []
    for i, f in enumerate(firsts):
        grade = rng.choice([3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
        students.append((f"{f} {letters[(i * 7) % len(letters)]}.", grade, pick(rng, {"Pay-As-You-Go": 4,
                                                                                    "10-Pack": 4, "Monthly": 3}),
                         rng.random() < 0.3))
    month_w = {9: 0.8, 10: 1.0, 11: 1.0, 12: 0.55, 1: 0.95, 2: 1.0, 3: 1.05, 4: 1.1, 5: 1.5, 6: 0.9}
    hours = {15: 8, 16: 14, 17: 14, 18: 10, 19: 6}
    sat_hours = {9: 6, 10: 8, 11: 7, 12: 3, 13: 3}
    seen: set[str] = set()
    rows: list[list] = [["Session ID", "Date", "Start Time", "Mins", "Tutor", "Subject", "Student", "Grade",
                         "Format", "Center", "Rate/hr", "Billed ($)", "Package", "Attendance", "Rating", "Trial"]]
    n = 0
    for d in days(dt.date(2024, 9, 3), dt.date(2025, 6, 13)):
        if d.weekday() == 6 or dt.date(2024, 12, 24) <= d <= dt.date(2025, 1, 1):
            continue
        for _ in range(poisson(rng, 6.5 * month_w[d.month] * (0.8 if d.weekday() == 5 else 1.0), 20)):
            n += 1
            tutor = rng.choice(list(tutors))
            subjects, rate, mean, center = tutors[tutor]
            subject = rng.choice(subjects)
            pool = [s for s in students if s[1] >= 10] if subject == "SAT Prep" else students
            name, grade, package, online_pref = rng.choice(pool)
            hh = pick(rng, sat_hours if d.weekday() == 5 else hours)
            start = dt.time(hh, rng.choice([0, 0, 30]))
            mins = rng.choice([45, 60, 60, 60, 90]) if subject != "SAT Prep" else rng.choice([90, 120])
            fmt = "Online" if (online_pref and rng.random() < 0.8) or rng.random() < 0.25 else "In Person"
            place = "Online" if fmt == "Online" else center
            trial = name not in seen and rng.random() < 0.5
            seen.add(name)
            attendance = pick(rng, {"Attended": 88, "No Show": 9 if fmt == "Online" else 3,
                                    "Late Cancel": 5})
            full = mins / 60 * rate * (0.0 if trial else 1.0)
            billed = round(full * (0.5 if attendance == "Late Cancel" else 1.0), 2)
            rating = ""
            if attendance == "Attended" and rng.random() < 0.55:
                rating = max(1, min(5, round(rng.gauss(mean, 0.7))))
            rows.append([f"TS-{n:05d}", d.isoformat(), start.strftime("%H:%M"), mins, tutor, subject, name, grade,
                         fmt, place, rate, billed, package, attendance, rating, "Y" if trial else "N"])
    return rows


DATASETS = [("landscaping_jobs", landscaping_jobs, 81), ("brewery_batches", brewery_batches, 82),
            ("bus_runs", bus_runs, 83), ("seller_payouts", seller_payouts, 84),
            ("tutoring_sessions", tutoring_sessions, 85)]


def main() -> None:
    DATA.mkdir(exist_ok=True)
    for name, fn, seed in DATASETS:
        with open(DATA / f"{name}.csv", "w", newline="") as f:
            csv.writer(f).writerows(fn(random.Random(seed)))


if __name__ == "__main__":
    main()
