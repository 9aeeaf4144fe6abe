"""Generate the sixth fresh evaluation set's five datasets, deterministically (fixed seeds, no clock).

    python -m tests.analysis.fresh6.make_data     # rewrites tests/analysis/fresh6/data/*.csv

car_rentals.csv          a car-rental company's agreements at five branches, July 2024 - June 2025: "Agreement No",
                         "Branch" (codes: SEA-AP is the airport), "Vehicle Class", "Pickup" and "Return" timestamps
                         ("Return" blank while the car is still out), "Rental Days", "Daily Rate ($)", "Odometer Out",
                         "Odometer In", "Fuel Charge ($)", "Damage Charge ($)" (blank without damage), "Total ($)",
                         "One Way" Y/N, "Channel", "Customer Type", "Agent"; a summer peak, the airport the busiest,
                         one branch (TAC) with far more damage, one agent with higher rates
room_bookings.csv        a coworking space's meeting-room bookings January - September 2025, snake_case: booking_id,
                         room, room_capacity, member_company, plan, booked_by, created_at, start_time, end_time,
                         attendees, credits_used, no_show TRUE/FALSE, catering Yes/No, catering_cost (blank without);
                         mid-week and mid-morning peaks, an August dip, a large boardroom mostly used by few people,
                         one member company with many no-shows
harvest_log.csv          a vegetable and fruit farm's daily harvest log May - October 2024: "Date", "Field", "Crop",
                         "Picker", "Crates", "Net Wt (lb)", "Hours", "Grade" (#1/#2/Cull), "Organic" Y/N, "Sold To",
                         "Price ($/lb)" (0 for culls), "Pay Rate ($/hr)"; crops in their seasons, one fast and one
                         slow picker, the greenhouse with the best grades
purchase_orders.csv      a builder's purchase orders January 2024 - March 2025: "PO #", "PO Date", "Project", "Vendor",
                         "Cost Code" ("03 - Concrete" style), "Buyer", "Need By", "Received" (blank when not received),
                         "Status" Received/Open/Cancelled, "Qty", "UOM", "Unit Price", "PO Amount", "Rush" Y/N;
                         one steel vendor that is usually late, rush orders dearer
solar_installs.csv       a residential solar installer's projects signed January 2023 - December 2024: "Project ID",
                         "City", "Sales Rep", "Lead Source", "Signed", "Permit Approved", "Installed", "PTO" (stage
                         dates blank until reached), "System kW", "Panels", "Battery" Yes/No, "Financing",
                         "Contract Value", "Rebate", "Roof Type", "Crew", "Status"; one city with slow permits, one rep
                         with a high price per watt, more batteries in 2024, leases cancelled more often

Each time series ends on the last day of a month (rentals 30 June 2025, rooms 30 September 2025, harvest
31 October 2024, purchase orders 31 March 2025, solar 31 December 2024), so "last month" and "last
quarter" are the month and quarter of the data's latest date.
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


# -------------------------------------------------------------------------------------------- car rentals
def car_rentals(rng: random.Random) -> list[list]:
    branches = {"SEA-AP": 2.2, "SEA-DT": 1.0, "BEL": 0.8, "TAC": 0.7, "EVR": 0.5}
    classes = {"Economy": (42, 30), "Compact": (48, 25), "Midsize": (56, 22), "SUV": (78, 14), "Minivan": (85, 5),
               "Luxury": (124, 4)}
    agents = {"SEA-AP": ["Dana Whitfield", "Marco Reyes", "Priya Nair"], "SEA-DT": ["Tom Becker", "Lena Park"],
              "BEL": ["Grace Liu"], "TAC": ["Andre Silva", "Kim Osei"], "EVR": ["Hollis Grant"]}
    season = {7: 1.5, 8: 1.6, 9: 1.1, 10: 0.9, 11: 0.9, 12: 1.2, 1: 0.7, 2: 0.7, 3: 0.9, 4: 1.0, 5: 1.2, 6: 1.4}
    last = dt.datetime(2025, 6, 30, 23, 59)
    rows: list[list] = [["Agreement No", "Branch", "Vehicle Class", "Pickup", "Return", "Rental Days",
                         "Daily Rate ($)", "Odometer Out", "Odometer In", "Fuel Charge ($)", "Damage Charge ($)",
                         "Total ($)", "One Way", "Channel", "Customer Type", "Agent"]]
    n = 0
    for d in days(dt.date(2024, 7, 1), dt.date(2025, 6, 30)):
        for branch, base in branches.items():
            for _ in range(poisson(rng, base * season[d.month] * 0.72, 12)):
                n += 1
                cls = pick(rng, {c: w for c, (_, w) in classes.items()})
                agent = rng.choice(agents[branch])
                rate = classes[cls][0] * rng.uniform(0.9, 1.12) * (1.15 if agent == "Marco Reyes" else 1.0)
                rate *= 1.1 if d.month in (7, 8, 12) else 1.0
                rdays = max(1, min(21, int(rng.expovariate(1 / (4.5 if branch == "SEA-AP" else 3.0))) + 1))
                pickup = dt.datetime.combine(d, dt.time(rng.randint(7, 20), rng.choice([0, 15, 30, 45])))
                ret = pickup + dt.timedelta(days=rdays, minutes=rng.randint(-240, 180))
                odo_out = rng.randint(4000, 62000)
                miles = int(rdays * rng.uniform(25, 140))
                one_way = "Y" if rng.random() < 0.07 else "N"
                damage = rng.random() < (0.11 if branch == "TAC" else 0.035) * (1.8 if cls == "Luxury" else 1.0)
                fuel = round(rng.choice([0, 0, 0, 0, 35.0, 48.5, 62.0]), 2)
                dmg = round(rng.uniform(150, 1800), 2) if damage else None
                channel = pick(rng, {"Web": 45, "App": 25, "Counter": 15, "Travel Agent": 15 if branch == "SEA-AP"
                                     else 3})
                ctype = pick(rng, {"Leisure": 65, "Corporate": 35 if branch in ("SEA-DT", "BEL") else 20})
                out = ret > last
                total = round(rate * rdays, 2) + fuel + (dmg or 0) + (75 if one_way == "Y" else 0)
                rows.append([f"RA-{240000 + n}", branch, cls, stamp(pickup), "" if out else stamp(ret), rdays,
                             round(rate, 2), odo_out, "" if out else odo_out + miles, "" if out else fuel,
                             "" if dmg is None or out else dmg, "" if out else round(total, 2), one_way, channel,
                             ctype, agent])
    return rows


# ------------------------------------------------------------------------------------------ room bookings
def room_bookings(rng: random.Random) -> list[list]:
    rooms = {"Aspen": 4, "Birch": 6, "Cedar": 8, "Douglas": 12, "Elm Boardroom": 20, "Phone Booth 1": 1,
             "Phone Booth 2": 1}
    room_w = {"Aspen": 22, "Birch": 20, "Cedar": 15, "Douglas": 9, "Elm Boardroom": 6, "Phone Booth 1": 14,
              "Phone Booth 2": 14}
    members = {"Lumen Labs": ("Private Office", 18, ["Ava Chen", "Ben Ortiz", "Cleo Grant"]),
               "Northwind Legal": ("Private Office", 10, ["Diane Foster", "Eli Shah"]),
               "Pixel & Co": ("Dedicated Desk", 9, ["Finn Murray", "Gia Romano"]),
               "Brightpath Health": ("Private Office", 8, ["Hana Ito"]),
               "Orbit Freight": ("Dedicated Desk", 6, ["Ivan Petrov", "Jules Martin"]),
               "Sato Design": ("Hot Desk", 5, ["Kenji Sato"]),
               "Greenleaf Capital": ("Private Office", 7, ["Laura Kim", "Max Webb"]),
               "Freelancers (Hot Desk)": ("Hot Desk", 6, ["Nora Quinn", "Omar Haddad", "Pia Lund"]),
               "Day Pass Guests": ("Day Pass", 4, ["Guest"])}
    weekday_w = [0.9, 1.25, 1.3, 1.05, 0.6, 0, 0]
    month_w = {1: 0.9, 2: 1.0, 3: 1.05, 4: 1.0, 5: 1.0, 6: 0.95, 7: 0.85, 8: 0.55, 9: 1.1}
    hours = {8: 4, 9: 10, 10: 14, 11: 12, 12: 6, 13: 8, 14: 11, 15: 9, 16: 6, 17: 2}
    rows: list[list] = [["booking_id", "room", "room_capacity", "member_company", "plan", "booked_by",
                         "created_at", "start_time", "end_time", "attendees", "credits_used", "no_show", "catering",
                         "catering_cost"]]
    n = 0
    for d in days(dt.date(2025, 1, 2), dt.date(2025, 9, 30)):
        for _ in range(poisson(rng, 13 * weekday_w[d.weekday()] * month_w[d.month], 30)):
            n += 1
            room = pick(rng, room_w)
            cap = rooms[room]
            company = pick(rng, {c: w for c, (_, w, _) in members.items()})
            plan, _, people = members[company]
            start = dt.datetime.combine(d, dt.time(pick(rng, hours), rng.choice([0, 30])))
            length = rng.choice([30, 60, 60, 60, 90, 120]) if cap > 1 else rng.choice([30, 30, 60])
            if room == "Elm Boardroom":
                length = rng.choice([60, 120, 180, 240])
            end = start + dt.timedelta(minutes=length)
            created = start - dt.timedelta(hours=rng.choice([1, 2, 4, 20, 26, 48, 72, 120, 200, 340]),
                                           minutes=rng.randint(0, 59))
            attendees = 1 if cap == 1 else max(1, min(cap, int(rng.triangular(1, cap, cap * 0.5))))
            if room == "Elm Boardroom":
                attendees = rng.choice([3, 4, 5, 6, 8, 10, 14, 18])
            credits = length // 30 * (2 if cap >= 12 else 1)
            no_show = rng.random() < (0.22 if company == "Northwind Legal" else 0.06)
            cater = cap >= 6 and not no_show and rng.random() < (0.35 if cap >= 12 else 0.12)
            cost = round(attendees * rng.uniform(11, 18), 2) if cater else ""
            rows.append([f"BK{25000 + n}", room, cap, company, plan, rng.choice(people), stamp(created), stamp(start),
                         stamp(end), attendees, credits, "TRUE" if no_show else "FALSE", "Yes" if cater else "No",
                         cost])
    return rows


# ------------------------------------------------------------------------------------------- harvest log
def harvest_log(rng: random.Random) -> list[list]:
    # crop: (months, lb per hour, price #1 $/lb, lb per crate, fields)
    crops = {"Strawberries": ((5, 6), 18, 4.2, 12, ["North 40", "Creek Bottom"]),
             "Lettuce": ((5, 6, 9, 10), 40, 1.9, 20, ["Greenhouse 2", "Creek Bottom"]),
             "Zucchini": ((6, 7, 8, 9), 60, 1.4, 25, ["Hilltop", "North 40"]),
             "Blueberries": ((7, 8), 12, 5.5, 10, ["Orchard Row"]),
             "Tomatoes": ((7, 8, 9), 45, 2.3, 25, ["Greenhouse 2", "Hilltop"]),
             "Sweet Corn": ((7, 8), 70, 0.9, 40, ["North 40", "Creek Bottom"]),
             "Apples": ((9, 10), 80, 1.6, 40, ["Orchard Row"]),
             "Pumpkins": ((9, 10), 150, 0.7, 60, ["Hilltop", "North 40"])}
    pickers = {"Marisol Ortega": 1.35, "Luis Herrera": 1.05, "Ana Beltran": 1.0, "Jorge Salas": 0.95,
               "Tyler Nguyen": 0.7, "Rosa Jimenez": 1.1, "Pedro Vargas": 1.0, "Emily Clark": 0.85,
               "Sam Okoro": 1.0, "Diego Morales": 1.15}
    pay = {"Marisol Ortega": 19.5, "Luis Herrera": 18.0, "Ana Beltran": 17.5, "Jorge Salas": 17.5,
           "Tyler Nguyen": 16.0, "Rosa Jimenez": 18.5, "Pedro Vargas": 17.5, "Emily Clark": 16.0,
           "Sam Okoro": 17.0, "Diego Morales": 18.5}
    organic = {"North 40": "N", "Creek Bottom": "Y", "Hilltop": "N", "Orchard Row": "Y", "Greenhouse 2": "Y"}
    rows: list[list] = [["Date", "Field", "Crop", "Picker", "Crates", "Net Wt (lb)", "Hours", "Grade", "Organic",
                         "Sold To", "Price ($/lb)", "Pay Rate ($/hr)"]]
    for d in days(dt.date(2024, 5, 1), dt.date(2024, 10, 31)):
        if d.weekday() == 6:
            continue
        in_season = [c for c, v in crops.items() if d.month in v[0]]
        for _ in range(poisson(rng, 8.5 if d.month in (7, 8, 9) else 6.0, 20)):
            crop = rng.choice(in_season)
            months, rate, price, per_crate, fields = crops[crop]
            field = rng.choice(fields)
            picker = rng.choice(list(pickers))
            hours = rng.choice([2, 2.5, 3, 3.5, 4, 4.5, 5, 6])
            lbs = round(hours * rate * pickers[picker] * rng.uniform(0.8, 1.2), 1)
            grade = pick(rng, {"#1": 80 if field == "Greenhouse 2" else 62, "#2": 25, "Cull": 6 if field ==
                               "Greenhouse 2" else 13})
            sold = "Compost" if grade == "Cull" else pick(rng, {"Wholesale": 45, "Farm Stand": 25, "CSA": 18,
                                                                "Restaurant": 12})
            p = 0.0 if grade == "Cull" else price * (1.0 if grade == "#1" else 0.6)
            p *= {"Wholesale": 0.75, "Farm Stand": 1.25, "CSA": 1.0, "Restaurant": 1.15, "Compost": 0}[sold]
            p *= 1.2 if organic[field] == "Y" else 1.0
            rows.append([d.isoformat(), field, crop, picker, max(1, round(lbs / per_crate)), lbs, hours, grade,
                         organic[field], sold, round(p, 2), pay[picker]])
    return rows


# --------------------------------------------------------------------------------------- purchase orders
def purchase_orders(rng: random.Random) -> list[list]:
    # cost code: (vendors, UOM, unit price range, qty range, weight)
    codes = {"03 - Concrete": (["Cascade Ready Mix", "Valley Concrete Supply"], "CY", (145, 190), (8, 120), 16),
             "05 - Metals": (["Summit Steel", "Pacific Rebar"], "TON", (980, 1450), (2, 40), 10),
             "06 - Wood & Plastics": (["Evergreen Lumber", "BuildRight Supply"], "MBF", (520, 880), (3, 60), 18),
             "09 - Finishes": (["Drywall Direct", "ProCoat Paints"], "EA", (9, 60), (40, 900), 14),
             "22 - Plumbing": (["Ferguson Plumbing", "Metro Pipe"], "EA", (18, 260), (10, 300), 12),
             "26 - Electrical": (["Graybar Electric", "Volt Supply Co"], "EA", (6, 180), (20, 800), 14),
             "01 - General Requirements": (["Sunbelt Rentals", "United Site Services"], "LS", (400, 6500), (1, 3),
                                           9)}
    projects = {"Maple Ridge Apartments": 30, "Route 9 Bridge": 15, "Eastside Clinic": 22,
                "Lakeview School Reno": 18, "Harbor Warehouse": 15}
    buyers = ["Karen Holt", "Miguel Santos", "Jessica Tran", "Robert Ames"]
    last = dt.date(2025, 3, 31)
    rows: list[list] = [["PO #", "PO Date", "Project", "Vendor", "Cost Code", "Buyer", "Need By", "Received",
                         "Status", "Qty", "UOM", "Unit Price", "PO Amount", "Rush"]]
    n = 0
    for d in days(dt.date(2024, 1, 2), last):
        if d.weekday() >= 5:
            continue
        for _ in range(poisson(rng, 3.3 if d.month not in (12, 1) else 2.2, 12)):
            n += 1
            code = pick(rng, {c: v[4] for c, v in codes.items()})
            vendors, uom, (lo, hi), (qlo, qhi), _ = codes[code]
            vendor = rng.choice(vendors)
            project = pick(rng, projects)
            rush = rng.random() < 0.12
            unit = round(rng.uniform(lo, hi) * (1.08 if rush else 1.0) * (1.0 + 0.04 * (d.year - 2024)), 2)
            qty = rng.randint(qlo, qhi)
            need = d + dt.timedelta(days=rng.randint(3, 7) if rush else rng.randint(10, 35))
            slip = rng.randint(3, 21) if vendor == "Summit Steel" and rng.random() < 0.7 else rng.randint(-5, 4)
            received = need + dt.timedelta(days=slip)
            cancelled = rng.random() < 0.04
            status = "Cancelled" if cancelled else ("Open" if received > last else "Received")
            rows.append([f"PO-{10400 + n}", d.isoformat(), project, vendor, code, rng.choice(buyers), need.isoformat(),
                         received.isoformat() if status == "Received" else "", status, qty, uom, unit,
                         round(qty * unit, 2), "Y" if rush else "N"])
    return rows


# ---------------------------------------------------------------------------------------- solar installs
def solar_installs(rng: random.Random) -> list[list]:
    cities = {"San Jose": (30, 45), "Fremont": (18, 14), "Sunnyvale": (14, 12), "Santa Clara": (12, 10),
              "Milpitas": (10, 16), "Campbell": (8, 11)}
    reps = {"Derek Lam": 1.18, "Maria Gonzalez": 1.0, "Steve Parker": 0.97, "Aisha Bello": 1.02,
            "Chris Yoon": 0.95}
    crews = ["Crew A", "Crew B", "Crew C"]
    last = dt.date(2024, 12, 31)
    rows: list[list] = [["Project ID", "City", "Sales Rep", "Lead Source", "Signed", "Permit Approved", "Installed",
                         "PTO", "System kW", "Panels", "Battery", "Financing", "Contract Value", "Rebate",
                         "Roof Type", "Crew", "Status"]]
    n = 0
    for d in days(dt.date(2023, 1, 3), last):
        if d.weekday() == 6:
            continue
        for _ in range(poisson(rng, 1.25 if d.month in (3, 4, 5, 6, 7) else 0.85, 6)):
            n += 1
            city = pick(rng, {c: w for c, (w, _) in cities.items()})
            rep = rng.choice(list(reps))
            panels = rng.randint(12, 36)
            kw = round(panels * 0.4, 1)
            battery = rng.random() < (0.45 if d.year == 2024 else 0.22)
            fin = pick(rng, {"Cash": 28, "Loan": 40, "Lease": 20, "PPA": 12})
            value = kw * 1000 * rng.uniform(3.0, 3.6) * reps[rep] + (13500 if battery else 0)
            rebate = round(0.3 * value if fin in ("Cash", "Loan") else 0, 2)
            permit = d + dt.timedelta(days=max(5, int(rng.gauss(cities[city][1], 5))))
            install = permit + dt.timedelta(days=rng.randint(7, 40))
            pto = install + dt.timedelta(days=rng.randint(10, 45))
            cancelled = rng.random() < (0.16 if fin == "Lease" else 0.06)
            if cancelled:
                status, permit_s, install_s, pto_s = "Cancelled", "", "", ""
            else:
                permit_s = permit.isoformat() if permit <= last else ""
                install_s = install.isoformat() if install <= last else ""
                pto_s = pto.isoformat() if pto <= last else ""
                status = ("Active" if pto_s else "Installed" if install_s else "Permitted" if permit_s
                          else "Signed")
            rows.append([f"SOL-{2300 + n}", city, rep, pick(rng, {"Referral": 25, "Door Knock": 30, "Web": 30,
                                                                  "Home Show": 15}),
                         d.isoformat(), permit_s, install_s, pto_s, kw, panels, "Yes" if battery else "No", fin,
                         round(value, 2), rebate, pick(rng, {"Comp Shingle": 60, "Tile": 25, "Metal": 8,
                                                             "Flat": 7}),
                         "" if not install_s else rng.choice(crews), status])
    return rows


DATASETS = [("car_rentals", car_rentals, 61), ("room_bookings", room_bookings, 62), ("harvest_log", harvest_log, 63),
            ("purchase_orders", purchase_orders, 64), ("solar_installs", solar_installs, 65)]


def main() -> None:
    DATA.mkdir(exist_ok=True)
    for name, fn, seed in DATASETS:
        with open(DATA / f"{name}.csv", "w", newline="") as f:
            csv.writer(f).writerows(fn(random.Random(seed)))


if __name__ == "__main__":
    main()
