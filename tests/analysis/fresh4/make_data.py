"""Generate the fourth fresh evaluation set's five datasets, deterministically (fixed seeds, no clock).

    python -m tests.analysis.fresh4.make_data     # rewrites tests/analysis/fresh4/data/*.csv

fuel_log.csv           fleet fill-ups October 2024 – September 2025: US dates in "Fill Date", "Vehicle" unit ids
                       with a "Vehicle Type", "Gallons", "Price/Gal", "Total Cost (USD)", a per-vehicle "Odometer",
                       "Receipt" Y/N, a summer price peak, diesel dearer than regular, one driver who fills far
                       more than his van drives and rarely hands in a receipt
ticket_sales.csv       ticket orders for ten concerts and shows, January – August 2025: "Order Time" timestamps
                       (evening peak online), "Event Date" (some after the data ends), "Tier", "Qty", "Unit Price",
                       "Order Total" as "$1,234.50" text, "Promo Code" blank when none, "Refunded" 1/0 (one
                       cancelled event refunded in full, resellers refund more)
email_campaigns.csv    email sends of 2024 per campaign × segment, snake_case: sent, bounced, opened, clicked,
                       unsubscribed, orders and revenue_usd (blank for newsletters: no tracking), has_discount
                       TRUE/FALSE, a Black Friday peak, a summer dip in opens, one segment that unsubscribes a lot
library_loans.csv      loans of five branches January 2024 – June 2025: ISO dates "Borrowed", "Due Date" and
                       "Returned" (blank while still out), "Member Type", "Genre", "Format", "Renewals",
                       "Fine (USD)", a children's summer-reading peak, one branch with many late returns,
                       eBooks that are never late
payroll.csv            biweekly payroll of 2024: "Pay Period End", "Emp ID", "Department", "Location",
                       "Pay Type", "Reg Hours", "OT Hours", "Rate ($/hr)", "Gross Pay", "Bonus" (blank when none),
                       "Union" Y/N, an overtime peak in November–December, one warehouse worker with very much
                       overtime, people hired during the year

The time series end on the last day of a month or the last pay day of a year (fuel on 30 September 2025,
tickets on 31 August 2025, emails on 31 December 2024, loans on 30 June 2025, payroll on 27 December
2024), so "last month" and "last quarter" are the month and quarter of the data's latest date.
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


# ---------------------------------------------------------------------------------------------- fuel log
def fuel_log(rng: random.Random) -> list[list]:
    # type: fuel, tank gallons, mpg, miles per working day
    kinds = {"Box Truck": ("Diesel", 50, 9.0, 120), "Cargo Van": ("Regular", 25, 15.0, 95),
             "Pickup": ("Regular", 26, 17.0, 70), "Sedan": ("Regular", 14, 31.0, 60)}
    depots = ["Columbus", "Dayton", "Cincinnati"]
    fleet = []
    prefix = {"Box Truck": "TRK", "Cargo Van": "VAN", "Pickup": "PU", "Sedan": "CAR"}
    counts = {"Box Truck": 7, "Cargo Van": 8, "Pickup": 5, "Sedan": 4}
    drivers = ["Mike Alvarez", "Dana Brooks", "Luis Ortega", "Karen Pratt", "Steve Nguyen", "Tasha Reed",
               "Ben Kowalski", "Rosa Jimenez", "Greg Lyle", "Amy Chen", "Derek Holt", "Nate Fischer",
               "Olivia Grant", "Sam Patel", "Jorge Ruiz", "Heidi Marsh", "Paul Dunn", "Carla Webb",
               "Victor Hale", "Lena Ortiz", "Ray Simmons", "Jill Foster", "Tony Marino", "Beth Sawyer"]
    k = 0
    for kind, n in counts.items():
        for i in range(n):
            fleet.append((f"{prefix[kind]}-{i + 1:02d}", kind, drivers[k], depots[k % 3]))
            k += 1
    stations = {"Shell": 3, "BP": 2, "Speedway": 3, "Marathon": 2, "Pilot": 2}
    first, last = dt.date(2024, 10, 1), dt.date(2025, 9, 30)

    def base_price(d: dt.date, fuel: str) -> float:
        season = {1: 0.0, 2: 0.02, 3: 0.08, 4: 0.15, 5: 0.25, 6: 0.38, 7: 0.42, 8: 0.35, 9: 0.2, 10: 0.08,
                  11: 0.02, 12: -0.02}[d.month]
        return (3.05 if fuel == "Regular" else 3.72) + season

    out = []
    for unit, kind, driver, depot in fleet:
        fuel, tank, mpg, daily = kinds[kind]
        odo = rng.randint(18000, 140000)
        level = tank * rng.uniform(0.3, 1.0)
        bad = driver == "Derek Holt"
        for d in days(first, last):
            miles = daily * rng.uniform(0.6, 1.4) if d.weekday() < 5 else daily * 0.15 * rng.random()
            odo += int(miles)
            level -= miles / (mpg * rng.uniform(0.9, 1.1))
            threshold = tank * (0.5 if bad else 0.25)
            if level < threshold or (bad and d.weekday() == 5 and rng.random() < 0.5):
                gallons = tank - max(level, 0) + (rng.uniform(6, 14) if bad else rng.uniform(-0.8, 0.3))
                if bad:
                    gallons = min(gallons, tank + 12)
                gallons = round(max(gallons, 2.0), 3)
                level = tank
                price = round(base_price(d, fuel) + rng.uniform(-0.12, 0.14), 3)
                station = pick(rng, stations) if not bad else rng.choice(["Speedway", "Marathon"])
                receipt = "N" if (rng.random() < (0.7 if bad else 0.05)) else "Y"
                out.append((d, unit, kind, driver, depot, station, "Diesel" if fuel == "Diesel" else "Regular Unleaded",
                            gallons, price, round(gallons * price, 2), odo, receipt))
    out.sort(key=lambda r: (r[0], r[1]))
    rows = [["Fill ID", "Fill Date", "Vehicle", "Vehicle Type", "Driver", "Depot", "Station", "Fuel Type",
             "Gallons", "Price/Gal", "Total Cost (USD)", "Odometer", "Receipt"]]
    for i, r in enumerate(out):
        rows.append([f"F{i + 1:05d}", r[0].strftime("%m/%d/%Y"), *r[1:7], f"{r[7]:.3f}", f"{r[8]:.3f}",
                     f"{r[9]:.2f}", r[10], r[11]])
    return rows


# ------------------------------------------------------------------------------------------ ticket sales
def ticket_sales(rng: random.Random) -> list[list]:
    # event: venue, event date, on-sale date, {tier: (price, weight)}, demand
    events = {
        "The Lanterns - Spring Tour": ("The Orpheum", dt.date(2025, 3, 14), dt.date(2025, 1, 6),
                                       {"GA": (45, 6), "Reserved": (68, 3), "VIP": (150, 1)}, 190),
        "Comedy Night Live": ("Blue Door Club", dt.date(2025, 4, 5), dt.date(2025, 2, 3),
                              {"GA": (30, 8), "VIP": (75, 1)}, 140),
        "City Symphony: Mahler 5": ("Civic Hall", dt.date(2025, 4, 26), dt.date(2025, 1, 13),
                                    {"Reserved": (55, 7), "Premium": (95, 3)}, 180),
        "Rock the Riverside": ("Riverside Amphitheater", dt.date(2025, 6, 21), dt.date(2025, 2, 17),
                               {"GA": (59, 8), "Reserved": (89, 3), "VIP": (210, 1)}, 420),
        "Summer Jazz Fest": ("Riverside Amphitheater", dt.date(2025, 7, 19), dt.date(2025, 3, 10),
                             {"GA": (49, 7), "VIP": (160, 1)}, 260),
        "Kids Magic Show": ("Civic Hall", dt.date(2025, 5, 17), dt.date(2025, 3, 3),
                            {"GA": (22, 9), "Reserved": (32, 3)}, 150),
        "Neon Dreams DJ Set": ("Blue Door Club", dt.date(2025, 6, 7), dt.date(2025, 4, 1),
                               {"GA": (35, 9), "VIP": (90, 1)}, 170),
        "Broadway Classics": ("The Orpheum", dt.date(2025, 8, 9), dt.date(2025, 4, 14),
                              {"Reserved": (72, 6), "Premium": (120, 3), "VIP": (240, 1)}, 260),
        "Country Under the Stars": ("Riverside Amphitheater", dt.date(2025, 9, 13), dt.date(2025, 5, 19),
                                    {"GA": (55, 8), "Reserved": (85, 3), "VIP": (195, 1)}, 330),
        "Indie Showcase": ("Blue Door Club", dt.date(2025, 10, 4), dt.date(2025, 7, 7),
                           {"GA": (25, 1)}, 120),
    }
    channels = {"Website": 0.5, "App": 0.22, "Box Office": 0.14, "Reseller": 0.14}
    promos = ["EARLYBIRD", "FRIENDS10", "SPRING15", "MEMBER20"]
    data_end = dt.date(2025, 8, 31)
    out = []
    for name, (venue, when, on_sale, tiers, demand) in events.items():
        close = min(when - dt.timedelta(days=1), data_end)
        span = (when - on_sale).days
        weights = []
        dates = list(days(on_sale, close))
        for d in dates:
            to_go = (when - d).days
            w = 1.0
            if (d - on_sale).days < 7:
                w = 5.0  # on-sale rush
            elif to_go <= 7:
                w = 4.0  # last-week rush
            elif to_go <= 21:
                w = 2.0
            weights.append(w)
        n = int(demand * (len(dates) / max(span, 1)) ** 0.5)
        for _ in range(n):
            d = rng.choices(dates, weights)[0]
            channel = pick(rng, channels)
            if channel == "Box Office":
                hour = rng.choice([10, 11, 12, 13, 14, 15, 16, 17])
            else:
                hour = pick(rng, {7: 1, 8: 2, 9: 3, 10: 4, 11: 4, 12: 6, 13: 5, 14: 4, 15: 4, 16: 4, 17: 5,
                                  18: 7, 19: 10, 20: 12, 21: 11, 22: 7, 23: 3, 0: 1})
            stamp = dt.datetime(d.year, d.month, d.day, hour, rng.randint(0, 59))
            tier = pick(rng, {t: w for t, (_, w) in tiers.items()})
            price = tiers[tier][0]
            qty = pick(rng, {1: 3, 2: 9, 3: 2, 4: 3, 5: 0.5, 6: 0.7, 8: 0.3})
            promo = rng.choice(promos) if channel in ("Website", "App") and rng.random() < 0.12 else ""
            unit = round(price * (0.85 if promo else 1.0), 2)
            refund_p = 1.0 if name == "Summer Jazz Fest" else (0.11 if channel == "Reseller" else 0.03)
            refunded = int(rng.random() < refund_p)
            out.append((stamp, name, venue, when, tier, qty, unit, channel, promo, refunded))
    out.sort(key=lambda r: (r[0], r[1]))
    rows = [["Order ID", "Order Time", "Event", "Venue", "Event Date", "Tier", "Qty", "Unit Price", "Order Total",
             "Sales Channel", "Promo Code", "Refunded"]]
    for i, r in enumerate(out):
        stamp, name, venue, when, tier, qty, unit, channel, promo, refunded = r
        rows.append([f"TK-{50210 + i}", stamp.strftime("%Y-%m-%d %H:%M"), name, venue, when.isoformat(), tier, qty,
                     f"{unit:.2f}", f"${qty * unit:,.2f}", channel, promo, refunded])
    return rows


# --------------------------------------------------------------------------------------- email campaigns
def email_campaigns(rng: random.Random) -> list[list]:
    # segment: list size, open rate, click rate (of opens), unsub rate, order rate (of clicks), order value
    segments = {"New Subscribers": (18000, 0.38, 0.11, 0.004, 0.05, 48),
                "Active Buyers": (42000, 0.31, 0.12, 0.0012, 0.08, 62),
                "VIP": (6500, 0.47, 0.18, 0.0006, 0.14, 115),
                "Loyalty Members": (24000, 0.34, 0.13, 0.001, 0.09, 70),
                "Lapsed 90d": (30000, 0.17, 0.06, 0.003, 0.04, 55),
                "Lapsed 12m+": (52000, 0.08, 0.035, 0.014, 0.02, 50),
                "Wholesale": (3200, 0.29, 0.09, 0.001, 0.12, 420)}
    month_open = {1: 1.0, 2: 1.0, 3: 1.02, 4: 1.0, 5: 0.97, 6: 0.88, 7: 0.84, 8: 0.86, 9: 0.98, 10: 1.02,
                  11: 1.1, 12: 1.06}
    sends = []
    for d in days(dt.date(2024, 1, 1), dt.date(2024, 12, 31)):
        wk = d.isocalendar()[1]
        bf = dt.date(2024, 11, 25) <= d <= dt.date(2024, 12, 2)
        if d.weekday() == 1:
            sends.append((d, f"Weekly Newsletter #{wk}", "Newsletter", list(segments), False))
        if d.weekday() == 3 and not bf:
            sends.append((d, f"Thursday Promo W{wk}", "Promo",
                          ["New Subscribers", "Active Buyers", "VIP", "Loyalty Members", "Lapsed 90d"],
                          rng.random() < 0.6))
        if d.weekday() == 5 and not bf:
            sends.append((d, f"Weekend Deals W{wk}", "Promo", ["Active Buyers", "VIP", "Loyalty Members", "Wholesale"],
                          True))
        if d.day == 15:
            sends.append((d, f"We Miss You - {d.strftime('%b')}", "Win-back", ["Lapsed 90d", "Lapsed 12m+"], True))
        if bf:
            label = "Cyber Monday" if d.weekday() == 0 else ("Black Friday" if d == dt.date(2024, 11, 29) else
                                                              "Black Friday Week")
            sends.append((d, f"{label} {d.strftime('%b %d')}", "Promo", list(segments), True))
        if d in (dt.date(2024, 3, 19), dt.date(2024, 9, 10)):
            sends.append((d, "Product Launch: " + ("Trail Line" if d.month == 3 else "Fall Collection"),
                          "Product Launch", ["New Subscribers", "Active Buyers", "VIP", "Loyalty Members"], False))
    rows = [["campaign_id", "campaign", "campaign_type", "send_date", "segment", "sent", "bounced", "opened", "clicked",
             "unsubscribed", "orders", "revenue_usd", "has_discount"]]
    for k, (d, name, kind, segs, discount) in enumerate(sends, start=1):
        boost = 1.0
        if "Black Friday" in name or "Cyber" in name:
            boost = 1.6
        elif d.month == 12 and d.day < 22:
            boost = 1.25
        for seg in segs:
            size, orate, crate, urate, ordrate, aov = segments[seg]
            sent = int(size * rng.uniform(0.96, 1.02) * (1 + d.timetuple().tm_yday / 2000))
            bounced = int(sent * rng.uniform(0.004, 0.012) * (3 if seg == "Lapsed 12m+" else 1))
            delivered = sent - bounced
            opened = int(delivered * orate * month_open[d.month] * rng.uniform(0.9, 1.1) * (1.15 if boost > 1.3 else 1))
            clicked = int(opened * crate * rng.uniform(0.85, 1.15) * (1.2 if discount else 1) * boost ** 0.5)
            unsub = int(delivered * urate * rng.uniform(0.7, 1.3) * (1.4 if kind == "Win-back" else 1))
            orders = int(clicked * ordrate * rng.uniform(0.8, 1.2) * boost)
            value = orders * aov * rng.uniform(0.9, 1.1) * (0.85 if discount else 1)
            revenue = "" if kind == "Newsletter" else f"{value:.2f}"
            rows.append([f"EM-{k:04d}", name, kind, d.isoformat(), seg, sent, bounced, opened, clicked, unsub,
                         orders, revenue, "TRUE" if discount else "FALSE"])
    return rows


# ----------------------------------------------------------------------------------------- library loans
def library_loans(rng: random.Random) -> list[list]:
    branches = {"Central": 1.6, "Eastside": 1.0, "Westview": 0.9, "Northgate": 0.8, "Harbor": 0.7}
    members = {"Adult": 0.5, "Child": 0.2, "Teen": 0.1, "Senior": 0.2}
    genres = {"Adult": {"Fiction": 5, "Mystery": 4, "Biography": 2, "Cooking": 1.5, "History": 1.5, "Self-Help": 2,
                        "Sci-Fi & Fantasy": 2, "Graphic Novels": 0.5},
              "Child": {"Picture Books": 6, "Children's Fiction": 5, "Graphic Novels": 2, "Nonfiction": 1},
              "Teen": {"Young Adult": 6, "Graphic Novels": 3, "Sci-Fi & Fantasy": 3, "Fiction": 1},
              "Senior": {"Mystery": 5, "Fiction": 3, "History": 3, "Biography": 3, "Large Print": 3}}
    formats = {"Adult": {"Print": 6, "eBook": 3, "Audiobook": 2, "DVD": 1}, "Child": {"Print": 9, "DVD": 1},
               "Teen": {"Print": 5, "eBook": 3, "Audiobook": 1}, "Senior": {"Print": 7, "Audiobook": 2, "DVD": 2}}
    season = {1: 1.0, 2: 0.95, 3: 1.0, 4: 0.95, 5: 0.95, 6: 1.3, 7: 1.45, 8: 1.35, 9: 0.9, 10: 1.0, 11: 1.0,
              12: 0.9}
    end = dt.date(2025, 6, 30)
    out = []
    for d in days(dt.date(2024, 1, 2), end):
        if d.weekday() == 6:
            continue  # closed on Sundays
        for branch, size in branches.items():
            lam = 1.15 * size * season[d.month] * (0.6 if d.weekday() == 5 else 1.0)
            n = sum(1 for _ in range(12) if rng.random() < lam / 12)
            for _ in range(n):
                member = pick(rng, members)
                if d.month in (6, 7, 8) and rng.random() < 0.25:
                    member = "Child"  # summer reading
                genre = pick(rng, genres[member])
                fmt = pick(rng, formats[member])
                if genre == "Large Print":
                    fmt = "Print"
                term = 7 if fmt == "DVD" else 21
                due = d + dt.timedelta(days=term)
                renewals = 0
                if fmt != "eBook" and rng.random() < 0.18:
                    renewals = rng.choice([1, 1, 2])
                    due += dt.timedelta(days=term * renewals)
                late_p = {"Harbor": 0.34}.get(branch, 0.1) + (0.08 if member == "Teen" else 0)
                if fmt == "eBook":
                    ret = due  # returned automatically on the due date
                elif rng.random() < late_p:
                    ret = due + dt.timedelta(days=int(rng.expovariate(1 / 9)) + 1)
                else:
                    ret = due - dt.timedelta(days=rng.randint(0, term + term * renewals - 1))
                lost = fmt != "eBook" and rng.random() < 0.01
                returned = "" if ret > end or lost else ret.isoformat()
                late_days = (min(ret, end) - due).days if not lost else (end - due).days
                fine = 0.0
                if returned and late_days > 0 and member not in ("Child",):
                    fine = min(late_days * (1.0 if fmt == "DVD" else 0.25), 10.0)
                out.append((d, branch, member, genre, fmt, due, returned, renewals, fine))
    rows = [["Loan ID", "Branch", "Member Type", "Genre", "Format", "Borrowed", "Due Date", "Returned", "Renewals",
             "Fine (USD)"]]
    for i, r in enumerate(out):
        d, branch, member, genre, fmt, due, returned, renewals, fine = r
        rows.append([f"L{240000 + i}", branch, member, genre, fmt, d.isoformat(), due.isoformat(), returned,
                     renewals, f"{fine:.2f}"])
    return rows


# ----------------------------------------------------------------------------------------------- payroll
def payroll(rng: random.Random) -> list[list]:
    first = ["James", "Maria", "Robert", "Linda", "David", "Jennifer", "Carlos", "Patricia", "Kevin", "Angela",
             "Brian", "Nicole", "Jason", "Megan", "Eric", "Rachel", "Aaron", "Tiffany", "Derrick", "Monica", "Sean",
             "Brenda", "Hector", "Yolanda", "Travis", "Gina", "Marcus", "Erin", "Wesley", "Dawn", "Kyle", "Priya",
             "Tyrone", "Holly", "Ivan", "Shauna", "Leo", "Fatima", "Colin", "Rita"]
    last = ["Smith", "Garcia", "Johnson", "Lee", "Brown", "Martinez", "Davis", "Wilson", "Lopez", "Clark",
            "Young", "Hall", "Allen", "King", "Wright", "Scott", "Torres", "Hill", "Green", "Adams", "Baker",
            "Nelson", "Carter", "Mitchell", "Perez", "Roberts", "Turner", "Phillips", "Campbell", "Parker"]
    # department: headcount, pay type, rate range, ot propensity
    depts = {"Warehouse": (18, "Hourly", (18, 25), 4.0), "Drivers": (12, "Hourly", (22, 30), 3.0),
             "Customer Service": (10, "Hourly", (17, 23), 1.0), "Sales": (8, "Salaried", (30, 48), 0),
             "Finance": (6, "Salaried", (34, 55), 0), "IT": (5, "Salaried", (40, 62), 0),
             "HR": (3, "Salaried", (30, 45), 0)}
    locations = {"Reno": 0.5, "Sacramento": 0.3, "Boise": 0.2}
    periods = [dt.date(2024, 1, 12) + dt.timedelta(days=14 * k) for k in range(26)]
    staff = []
    used = set()
    n = 0
    for dept, (head, ptype, (lo, hi), _) in depts.items():
        for _ in range(head):
            while True:
                name = f"{rng.choice(first)} {rng.choice(last)}"
                if name not in used:
                    used.add(name)
                    break
            n += 1
            start = periods[0] if rng.random() < 0.82 else rng.choice(periods[3:20])
            leave = periods[-1] if rng.random() < 0.93 else rng.choice(periods[8:24])
            if start > leave:
                start, leave = leave, start
            staff.append((f"E{1000 + 7 * n}", name, dept, pick(rng, locations), ptype, round(rng.uniform(lo, hi), 2),
                          "Y" if dept in ("Warehouse", "Drivers") and rng.random() < 0.7 else "N", start, leave))
    # the bad actor: a warehouse worker with very much overtime
    staff[3] = ("E1028", "Kyle Brennan", "Warehouse", "Reno", "Hourly", 21.5, "Y", periods[0], periods[-1])
    rows = [["Pay Period End", "Emp ID", "Employee", "Department", "Location", "Pay Type", "Reg Hours", "OT Hours",
             "Rate ($/hr)", "Gross Pay", "Bonus", "Union"]]
    for p in periods:
        peak = 2.2 if p.month in (11, 12) else (1.2 if p.month == 10 else 1.0)
        for emp, name, dept, loc, ptype, rate, union, start, leave in staff:
            if not (start <= p <= leave):
                continue
            ot_prop = depts[dept][3]
            if ptype == "Salaried":
                reg, ot = 80.0, 0.0
            else:
                reg = 80.0 if rng.random() < 0.8 else float(rng.choice([64, 72, 76, 78]))
                ot = max(0.0, round(rng.gauss(ot_prop * peak, ot_prop * 0.8) * 2) / 2) if ot_prop else 0.0
                if ot_prop and rng.random() < 0.35 and peak == 1.0:
                    ot = 0.0
                if name == "Kyle Brennan":
                    ot = round(rng.uniform(18, 26) * (1.3 if peak > 1.5 else 1) * 2) / 2
            bonus = 0.0
            if dept == "Sales" and p.month in (3, 6, 9, 12) and p.day > 14 and p == max(
                    q for q in periods if q.month == p.month):
                bonus = round(rng.uniform(800, 3500), -1)
            if p == periods[-2] and ptype == "Salaried" and dept != "Sales":
                bonus = 500.0  # year-end bonus for salaried staff
            gross = reg * rate + ot * rate * 1.5 + bonus
            rows.append([p.isoformat(), emp, name, dept, loc, ptype, f"{reg:.1f}", f"{ot:.1f}", f"{rate:.2f}",
                         f"{gross:.2f}", f"{bonus:.2f}" if bonus else "", union])
    return rows


DATASETS = (("fuel_log", fuel_log, 41), ("ticket_sales", ticket_sales, 42), ("email_campaigns", email_campaigns, 43),
            ("library_loans", library_loans, 44), ("payroll", payroll, 45))


def main() -> None:
    DATA.mkdir(exist_ok=True)
    for name, fn, seed in DATASETS:
        with open(DATA / f"{name}.csv", "w", newline="") as f:
            csv.writer(f).writerows(fn(random.Random(seed)))


if __name__ == "__main__":
    main()
