"""Generate the third fresh evaluation set's five datasets, deterministically (fixed seeds, no clock).

    python -m tests.analysis.fresh3.make_data     # rewrites tests/analysis/fresh3/data/*.csv

insurance_claims.csv   property and casualty claims with a loss date from January 2024 to June 2025, as
                       of 30 June 2025: "Claim #", US dates ("Loss Date", "Reported"), ISO "Closed Date"
                       (blank while open), "Claimed Amt" as "$12,345.67", "Paid Amt" a number (blank unless
                       closed), Status Open/Closed/Denied, "Litigated" Y/N, "SIU Referral" 1/0, a Texas hail
                       spring and a Florida hurricane in September–October 2024, one slow adjuster
bike_trips.csv         bike-share trips in 2024, snake_case: started_at / ended_at timestamps (duration is
                       their difference), member_casual, rideable_type, end_station_name blank for
                       e-bikes left off-dock, distance_km, fare_usd, temp_F; a summer peak, commuter hours
                       for members, weekend afternoons for casual riders, long rides from the pier
job_applications.csv   a recruiting pipeline, applications July 2024 – June 2025 as of 30 June 2025: ISO
                       "Applied On", "Dept" abbreviations, "Source", "Yrs Exp", "Stage Reached", "Status"
                       (Active/Rejected/Withdrawn/Hired), "Offer Made" Yes/No, "Offer Amt" as "$125,000"
                       (blank without an offer), "Decision Date" blank while active, a "Last Updated"
                       timestamp; referrals convert best, an agency costs time
production_runs.csv    manufacturing runs January – June 2025 on six lines of two plants: "Run Start"
                       timestamps, "Shift" Day/Swing/Night, "Units Produced" and "Units Rejected",
                       "Downtime Min", "Run Hrs", "Scrap Cost (USD)", "QC Hold" TRUE/FALSE, "Changeover"
                       Y/N; line L4 has a bad March, nights reject more
rental_listings.csv    rental listings listed July 2024 – June 2025, status as of 30 June 2025:
                       PascalCase-ish headers ("ListingID", "Sq Ft", "Pets OK"), "Rent" as "$2,150",
                       US dates ("Listed", "Leased" blank unless leased), "Furnished" 1/0, "Parking"
                       Yes/No, Beds 0 for studios; Downtown is dear, summer leases fastest

Every time series ends on the last day of a month (bike trips on 31 December 2024, the others on
30 June 2025), so "last month" and "last quarter" are unambiguous.
"""
from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

DATA = Path(__file__).parent / "data"


def pick(rng: random.Random, weighted: dict):
    return rng.choices(list(weighted), list(weighted.values()))[0]


def us(d: dt.date) -> str:
    return f"{d.month:02d}/{d.day:02d}/{d.year}"


def money(x: float, cents: bool = True) -> str:
    return f"${x:,.2f}" if cents else f"${x:,.0f}"


def rand_date(rng: random.Random, first: dt.date, last: dt.date, weight=None) -> dt.date:
    span = (last - first).days
    while True:
        d = first + dt.timedelta(days=rng.randint(0, span))
        if weight is None or rng.random() < weight(d):
            return d


# ---------------------------------------------------------------------------------------- insurance claims
def insurance_claims(rng: random.Random) -> list[list]:
    first, asof = dt.date(2024, 1, 1), dt.date(2025, 6, 30)
    perils = {
        "Auto": {"Collision": 0.55, "Theft": 0.12, "Glass": 0.2, "Hail": 0.13},
        "Home": {"Water Damage": 0.35, "Wind": 0.25, "Fire": 0.08, "Hail": 0.17, "Theft": 0.15},
        "Renters": {"Theft": 0.5, "Water Damage": 0.35, "Fire": 0.15},
        "Commercial Property": {"Fire": 0.2, "Water Damage": 0.3, "Wind": 0.3, "Liability": 0.2},
        "Motorcycle": {"Collision": 0.8, "Theft": 0.2},
    }
    severity = {"Collision": 6500, "Theft": 3800, "Glass": 650, "Hail": 7200, "Water Damage": 11000, "Wind": 14000,
                "Fire": 38000, "Liability": 24000}
    states = {"TX": 0.27, "FL": 0.22, "CA": 0.2, "GA": 0.12, "NC": 0.1, "AZ": 0.09}
    adjusters = {"M. Okafor": 1.0, "J. Patel": 0.9, "S. Lindqvist": 1.1, "R. Gomez": 1.0, "K. Novak": 2.3,
                 "T. Brennan": 0.95, "A. Chen": 0.85}
    rows = [["Claim #", "Policy Type", "Loss Date", "Reported", "State", "Peril", "Adjuster", "Claimed Amt",
             "Deductible", "Paid Amt", "Status", "Closed Date", "Litigated", "SIU Referral", "Claimant Age"]]
    out = []
    while len(out) < 1750:
        ptype = pick(rng, {"Auto": 0.48, "Home": 0.3, "Renters": 0.08, "Commercial Property": 0.08,
                           "Motorcycle": 0.06})
        state = pick(rng, states)
        loss = rand_date(rng, first, asof)
        peril = pick(rng, perils[ptype])
        if rng.random() < 0.04:  # the hurricane: a burst of Florida wind claims on homes and businesses
            ptype, state, peril = rng.choice(["Home", "Home", "Commercial Property"]), "FL", "Wind"
            loss = rand_date(rng, dt.date(2024, 9, 26), dt.date(2024, 10, 12))
        spring = loss.month in (4, 5, 6)
        hurricane = loss.year == 2024 and loss.month in (9, 10)
        if peril == "Hail" and not (spring and state in ("TX", "AZ", "NC")) and rng.random() < 0.8:
            continue  # hail is a spring thing in hail country
        if peril == "Wind" and state == "FL" and hurricane:
            pass
        elif peril == "Wind" and rng.random() < 0.55:
            continue
        report_lag = int(rng.expovariate(1 / (9 if ptype == "Commercial Property" else 4)))
        if peril == "Glass":
            report_lag = int(report_lag / 2)
        reported = loss + dt.timedelta(days=report_lag)
        if reported > asof:
            continue
        adjuster = pick(rng, {a: 1 for a in adjusters})
        claimed = severity[peril] * rng.lognormvariate(0, 0.55)
        if state == "FL" and hurricane and peril == "Wind":
            claimed *= 2.4
        if state == "CA":
            claimed *= 1.2
        deductible = 250 if peril == "Glass" else pick(rng, {500: 0.45, 1000: 0.4, 2500: 0.15})
        siu = 1 if rng.random() < (0.09 if peril == "Theft" else 0.025) else 0
        litigation_p = 0.16 if peril == "Liability" else 0.05 if claimed > 15000 else 0.015
        litigated = "Y" if rng.random() < litigation_p else "N"
        close_days = int(rng.uniform(6, 40) * adjusters[adjuster] * (1.8 if litigated == "Y" else 1)
                         * (1.6 if siu else 1) * (0.4 if peril == "Glass" else 1) * (1.4 if claimed > 20000 else 1))
        closed = reported + dt.timedelta(days=close_days)
        deny_p = 0.35 if siu else 0.14 if peril == "Water Damage" else 0.06
        if claimed < deductible * 1.1:
            deny_p = 0.9
        if closed > asof:
            status, closed_txt, paid_txt = "Open", "", ""
        elif rng.random() < deny_p:
            status, closed_txt, paid_txt = "Denied", closed.isoformat(), ""
        else:
            paid = max(0.0, claimed * rng.uniform(0.7, 1.0) - deductible)
            status, closed_txt, paid_txt = "Closed", closed.isoformat(), f"{paid:.2f}"
        age = max(18, min(88, int(rng.gauss(46, 15))))
        out.append([loss, ptype, reported, state, peril, adjuster, money(claimed), deductible, paid_txt, status,
                    closed_txt, litigated, siu, age])
    out.sort(key=lambda r: (r[2], r[0], r[1]))
    for i, r in enumerate(out):
        rows.append([f"CLM-{r[2].year % 100}-{i + 1:05d}", r[1], us(r[0]), us(r[2]), *r[3:]])
    return rows


# ---------------------------------------------------------------------------------------- bike trips
def bike_trips(rng: random.Random) -> list[list]:
    stations = {  # name: (commuter weight, leisure weight)
        "Union Station": (3.0, 0.6), "Financial District": (2.6, 0.3), "City Hall": (1.8, 0.5),
        "University Ave": (1.6, 0.9), "Riverside Park": (0.5, 1.8), "Navy Pier": (0.2, 2.6),
        "Market Square": (1.0, 1.3), "Greenway Trailhead": (0.4, 1.5), "Hospital Campus": (1.4, 0.3),
        "5th & Main": (1.2, 0.8),
    }
    season = {1: 0.35, 2: 0.4, 3: 0.6, 4: 0.8, 5: 1.05, 6: 1.3, 7: 1.45, 8: 1.4, 9: 1.15, 10: 0.85, 11: 0.55,
              12: 0.4}
    temps = {1: 28, 2: 32, 3: 43, 4: 54, 5: 64, 6: 74, 7: 80, 8: 78, 9: 70, 10: 57, 11: 44, 12: 33}
    rows = [["ride_id", "rideable_type", "started_at", "ended_at", "start_station_name", "end_station_name",
             "member_casual", "distance_km", "fare_usd", "temp_F"]]
    out = []
    first, last = dt.date(2024, 1, 1), dt.date(2024, 12, 31)
    names = list(stations)
    while len(out) < 2900:
        d = rand_date(rng, first, last, lambda x: season[x.month] / 1.45)
        weekend = d.weekday() >= 5
        member = rng.random() < (0.45 if weekend else 0.72) * (0.9 if d.month in (6, 7, 8) else 1.05)
        if member and not weekend and rng.random() < 0.6:
            hour = pick(rng, {7: 0.25, 8: 0.4, 9: 0.1, 16: 0.15, 17: 0.4, 18: 0.2})
        else:
            hour = pick(rng, {h: (2.0 if 11 <= h <= 17 else 1.0 if 7 <= h <= 21 else 0.15) for h in range(24)})
        w = [stations[s][0] if member else stations[s][1] for s in names]
        start = rng.choices(names, w)[0]
        end = rng.choices(names, w)[0]
        ebike = rng.random() < (0.42 if d.month >= 5 else 0.3)
        speed = rng.uniform(14, 20) if ebike else rng.uniform(10, 15)  # km/h
        minutes = rng.lognormvariate(2.45, 0.45) if member else rng.lognormvariate(2.95, 0.55)
        if start == "Navy Pier":
            minutes *= 1.7
        if start == end and not member:
            minutes *= 1.4
        minutes = max(2.0, min(minutes, 175.0))
        dist = round(minutes / 60 * speed * rng.uniform(0.55, 0.85), 1)
        if member:
            fare = 0.0 if not ebike else 0.18 * minutes
            if minutes > 45:
                fare += 0.18 * (minutes - 45)
        else:
            fare = 1.0 + (0.42 if ebike else 0.19) * minutes
        started = dt.datetime(d.year, d.month, d.day, hour, rng.randint(0, 59), rng.randint(0, 59))
        ended = started + dt.timedelta(seconds=int(minutes * 60))
        end_txt = "" if ebike and rng.random() < 0.14 else end
        temp = temps[d.month] + rng.randint(-9, 9) + (4 if 12 <= hour <= 17 else -3 if hour < 8 else 0)
        out.append([started, "electric_bike" if ebike else "classic_bike", ended, start, end_txt,
                    "member" if member else "casual", dist, round(fare, 2), temp])
    out.sort(key=lambda r: r[0])
    for r in out:
        rid = f"{rng.getrandbits(64):016X}"
        rows.append([rid, r[1], r[0].strftime("%Y-%m-%d %H:%M:%S"), r[2].strftime("%Y-%m-%d %H:%M:%S"), *r[3:]])
    return rows


# ---------------------------------------------------------------------------------------- job applications
def job_applications(rng: random.Random) -> list[list]:
    first, asof = dt.date(2024, 7, 1), dt.date(2025, 6, 30)
    jobs = {  # title: dept, location, base offer $K, weight
        "Software Engineer": ("ENG", "Remote", 145, 5.0),
        "Senior Software Engineer": ("ENG", "Austin", 182, 3.0),
        "Data Analyst": ("DATA", "New York", 98, 2.4),
        "Data Scientist": ("DATA", "Remote", 150, 1.6),
        "Account Executive": ("SALES", "New York", 95, 2.6),
        "Sales Development Rep": ("SALES", "Austin", 62, 3.2),
        "Customer Success Manager": ("CS", "Austin", 84, 1.8),
        "Support Specialist": ("CS", "Remote", 55, 2.2),
        "Product Manager": ("PROD", "New York", 165, 1.4),
        "HR Generalist": ("G&A", "Austin", 78, 0.8),
        "Accountant": ("G&A", "New York", 82, 0.9),
    }
    sources = {"LinkedIn": (0.3, 1.0), "Indeed": (0.26, 0.7), "Career Site": (0.2, 1.0), "Referral": (0.1, 2.6),
               "Agency": (0.07, 1.6), "University Fair": (0.07, 0.8)}
    recruiters = {"ENG": ["Maya Lin", "Omar Haddad"], "DATA": ["Maya Lin"], "SALES": ["Grace Kim", "Luis Ortega"],
                  "CS": ["Luis Ortega"], "PROD": ["Omar Haddad"], "G&A": ["Grace Kim"]}
    stages = ["Applied", "Phone Screen", "Onsite", "Offer", "Hired"]
    rows = [["Application ID", "Applied On", "Job Title", "Dept", "Location", "Source", "Recruiter", "Yrs Exp",
             "Stage Reached", "Status", "Offer Made", "Offer Amt", "Decision Date", "Last Updated"]]
    out = []
    titles = list(jobs)
    for _ in range(2150):
        applied = rand_date(rng, first, asof, lambda x: 1.0 if x.month in (1, 2, 3, 9, 10) else 0.7)
        title = rng.choices(titles, [jobs[t][3] for t in titles])[0]
        dept, loc, base, _w = jobs[title]
        source = pick(rng, {s: v[0] for s, v in sources.items()})
        boost = sources[source][1]
        yrs = max(0, int(rng.gauss(8 if "Senior" in title or title == "Product Manager" else 4, 3)))
        # how far the application gets
        level = 0
        for p in (0.3 * boost, 0.5, 0.45, 0.75):
            if rng.random() < min(0.95, p):
                level += 1
            else:
                break
        speed = {"Agency": 1.7, "Referral": 0.8}.get(source, 1.0) * (1.3 if dept == "ENG" else 1.0)
        elapsed = int(sum(rng.uniform(4, 12) for _ in range(level + 1)) * speed) + 2
        decision = applied + dt.timedelta(days=elapsed)
        if decision > asof:
            status, decision_txt = "Active", ""
            level = min(level, 3)
        elif level == 4:
            status, decision_txt = "Hired", decision.isoformat()
        elif level == 3:  # an offer declined
            status, decision_txt = "Withdrawn", decision.isoformat()
        else:
            status = "Withdrawn" if rng.random() < 0.12 else "Rejected"
            decision_txt = decision.isoformat()
        offer = level >= 3
        amt = "" if not offer else money(round(base * rng.uniform(0.92, 1.12) + yrs * 1.5, 0) * 1000, cents=False)
        upd_day = min(asof, decision if decision_txt else applied + dt.timedelta(days=rng.randint(0, 20)))
        updated = dt.datetime(upd_day.year, upd_day.month, upd_day.day, rng.randint(8, 18), rng.randint(0, 59))
        out.append([applied, title, dept, loc, source, rng.choice(recruiters[dept]), yrs, stages[level], status,
                    "Yes" if offer else "No", amt, decision_txt, updated.strftime("%Y-%m-%d %H:%M")])
    out.sort(key=lambda r: (r[0], r[1]))
    for i, r in enumerate(out):
        rows.append([f"APP-{10001 + i}", r[0].isoformat(), *r[1:]])
    return rows


# ---------------------------------------------------------------------------------------- production runs
def production_runs(rng: random.Random) -> list[list]:
    lines = {"L1": ("Akron", 1.0), "L2": ("Akron", 1.1), "L3": ("Akron", 0.9), "L4": ("Reno", 1.0),
             "L5": ("Reno", 1.2), "L6": ("Reno", 0.8)}
    products = {"BR-200 Bracket": ("Brackets", 210, 0.012, 4.1), "BR-310 Bracket": ("Brackets", 180, 0.015, 5.3),
                "HS-45 Housing": ("Housings", 95, 0.028, 18.5), "HS-60 Housing": ("Housings", 80, 0.032, 22.0),
                "GR-12 Gear": ("Gears", 260, 0.018, 2.7), "GR-18 Gear": ("Gears", 230, 0.021, 3.4),
                "VL-8 Valve Body": ("Valves", 70, 0.04, 31.0)}
    operators = {"Akron": ["D. Walsh", "P. Romero", "S. Iqbal", "H. Becker", "L. Moreau"],
                 "Reno": ["C. Tanaka", "B. Adeyemi", "R. Silva", "E. Novak", "J. Ferris"]}
    shifts = {"Day": 6, "Swing": 14, "Night": 22}
    rows = [["Run ID", "Run Start", "Plant", "Line", "Shift", "Product", "Product Family", "Operator",
             "Units Produced", "Units Rejected", "Downtime Min", "Run Hrs", "Scrap Cost (USD)", "QC Hold",
             "Changeover"]]
    out = []
    prev_product = {}
    names = list(products)
    for d in (dt.date(2025, 1, 1) + dt.timedelta(days=k) for k in range(181)):
        if d.weekday() == 6:
            continue  # no Sunday runs
        for line, (plant, pace) in lines.items():
            for shift, hour in shifts.items():
                if shift == "Night" and (d.weekday() == 5 or line in ("L3", "L6")):
                    continue
                if rng.random() < 0.38:
                    continue
                product = rng.choices(names, [3, 2, 2, 1, 3, 2, 1])[0]
                family, rate, defect, unit_cost = products[product]
                changeover = prev_product.get(line) not in (None, product)
                prev_product[line] = product
                hrs = round(rng.choice([6, 7, 7.5, 8]) - (0.5 if changeover else 0), 1)
                downtime = int(rng.expovariate(1 / (22 if changeover else 10)))
                if line == "L4" and d.month == 3:
                    downtime += rng.randint(20, 70)
                produced = int(rate * pace * (hrs - downtime / 60) * rng.uniform(0.85, 1.05))
                p = defect * (1.45 if shift == "Night" else 1) * (1.25 if changeover else 1)
                if line == "L4" and d.month == 3:
                    p *= 3.2
                if line == "L5":
                    p *= 0.8
                rejected = sum(1 for _ in range(produced) if rng.random() < p)
                scrap = round(rejected * unit_cost * rng.uniform(0.55, 0.7), 2)
                qc_hold = rejected / max(produced, 1) > 0.06 or rng.random() < 0.02
                start = dt.datetime(d.year, d.month, d.day, hour, 0) + dt.timedelta(minutes=rng.randint(-10, 25))
                out.append([start, plant, line, shift, product, family, rng.choice(operators[plant]), produced,
                            rejected, downtime, hrs, f"{scrap:.2f}", "TRUE" if qc_hold else "FALSE",
                            "Y" if changeover else "N"])
    out.sort(key=lambda r: (r[0], r[2]))
    for i, r in enumerate(out):
        rows.append([f"PR-{25000 + i}", r[0].strftime("%Y-%m-%d %H:%M"), *r[1:]])
    return rows


# ---------------------------------------------------------------------------------------- rental listings
def rental_listings(rng: random.Random) -> list[list]:
    first, asof = dt.date(2024, 7, 1), dt.date(2025, 6, 30)
    hoods = {"Downtown": (1.55, 1.3), "Riverside": (1.15, 1.0), "Old Town": (1.25, 0.9), "Northgate": (0.9, 1.1),
             "Eastside": (0.8, 1.2), "University District": (0.95, 1.0), "Lakeview": (1.1, 0.7)}
    types = {"Studio": (0, 1, 480, 0.14), "Apartment": (None, None, None, 0.46), "Condo": (None, None, None, 0.18),
             "Townhouse": (None, None, None, 0.12), "House": (None, None, None, 0.10)}
    agents = ["Nina Patel", "Sam Whitaker", "Ana Ruiz", "Ben Cole", "Priya Shah", "Tom Becker"]
    rows = [["ListingID", "Neighborhood", "Type", "Beds", "Baths", "Sq Ft", "Rent", "Listed", "Leased", "Status",
             "Pets OK", "Furnished", "Parking", "Agent", "Page Views", "Applications"]]
    out = []
    summer = {5: 1.3, 6: 1.45, 7: 1.4, 8: 1.3, 9: 1.0, 10: 0.8, 11: 0.6, 12: 0.5, 1: 0.6, 2: 0.7, 3: 0.9, 4: 1.1}
    for _ in range(1240):
        listed = rand_date(rng, first, asof, lambda x: summer[x.month] / 1.45)
        hood = pick(rng, {h: v[1] for h, v in hoods.items()})
        typ = pick(rng, {t: v[3] for t, v in types.items()})
        if typ == "Studio":
            beds, baths, sqft = 0, 1.0, int(rng.uniform(380, 560))
        elif typ in ("Apartment", "Condo"):
            beds = pick(rng, {1: 0.45, 2: 0.4, 3: 0.15})
            baths = 1.0 if beds == 1 else pick(rng, {1.0: 0.3, 1.5: 0.2, 2.0: 0.5})
            sqft = int(beds * rng.uniform(380, 470) + 250)
        else:
            beds = pick(rng, {2: 0.25, 3: 0.5, 4: 0.25})
            baths = pick(rng, {1.5: 0.2, 2.0: 0.4, 2.5: 0.3, 3.0: 0.1})
            sqft = int(beds * rng.uniform(420, 520) + 300)
        mult = hoods[hood][0]
        per_sqft = 2.05 * mult * {"Condo": 1.1, "House": 0.9, "Townhouse": 0.95}.get(typ, 1.0)
        furnished = 1 if rng.random() < (0.35 if typ == "Studio" else 0.1) else 0
        pets = "Yes" if rng.random() < (0.75 if typ in ("House", "Townhouse") else 0.45) else "No"
        parking = "Yes" if rng.random() < (0.9 if typ in ("House", "Townhouse") else 0.25 if hood == "Downtown"
                                            else 0.6) else "No"
        rent = round(sqft * per_sqft * rng.uniform(0.88, 1.12) * (1.12 if furnished else 1) / 25) * 25
        views = int(rng.lognormvariate(5.6, 0.5) * (1.3 if pets == "Yes" else 1))
        dom = int(rng.lognormvariate(3.0, 0.5) * (1.5 if listed.month in (11, 12, 1, 2) else 0.85
                                                  if listed.month in (5, 6, 7, 8) else 1)
                  * (1.25 if rent > 3500 else 1))
        leased = listed + dt.timedelta(days=dom)
        if leased > asof:
            status, leased_txt = "Available", ""
        elif rng.random() < 0.06:
            status, leased_txt = "Withdrawn", ""
        else:
            status, leased_txt = "Leased", us(leased)
        apps = max(0, int(views / rng.uniform(45, 90)))
        if status == "Leased":
            apps = max(1, apps)
        out.append([listed, hood, typ, beds, baths, sqft, money(rent, cents=False), leased_txt, status, pets,
                    furnished, parking, rng.choice(agents), views, apps])
    out.sort(key=lambda r: (r[0], r[1], r[5]))
    for i, r in enumerate(out):
        rows.append([f"L-{3001 + i}", *r[1:7], us(r[0]), *r[7:]])
    return rows


DATASETS = (("insurance_claims", insurance_claims, 41), ("bike_trips", bike_trips, 42),
            ("job_applications", job_applications, 43), ("production_runs", production_runs, 44),
            ("rental_listings", rental_listings, 45))


def main() -> None:
    DATA.mkdir(exist_ok=True)
    for name, fn, seed in DATASETS:
        with open(DATA / f"{name}.csv", "w", newline="") as f:
            csv.writer(f).writerows(fn(random.Random(seed)))


if __name__ == "__main__":
    main()
