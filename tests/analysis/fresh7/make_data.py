"""Generate the seventh fresh evaluation set's five datasets, deterministically (fixed seeds, no clock).

    python -m tests.analysis.fresh7.make_data     # rewrites tests/analysis/fresh7/data/*.csv

dental_claims.csv        a three-office dental practice's insurance claims, services 2 January - 31 December 2024
                         (weekdays): "Claim #", "DOS", "Submitted", "Office", "Provider", "CDT Code", "Procedure",
                         "Payer", "Billed (USD)", "Allowed (USD)", "Ins Paid (USD)", "Pt Resp (USD)", "Status"
                         Paid/Denied/Pending, "Paid On" (blank unless paid), "Denial Reason" (blank unless denied),
                         "Pre-Auth" Y/N; one payer (Guardian) denying far more, one (Cigna) paying slowest
bakery_sales.csv         a two-shop bakery's daily sales by item, March - May 2025 (closed Mondays), terse snake_case:
                         date, shop, item, cat, baked_qty, sold_qty, waste_qty, unit_price, unit_cost, promo Y/N,
                         weather; weekend peaks, rain lowering sales, sourdough wasted most at Riverside
returns_rma.csv          an online retailer's return authorisations, requested January - August 2025: "RMA",
                         "Order #", "Order Date", "Return Requested", "Item Received" and "Refunded On" (blank until
                         reached), "Category", "Reason Code" (SIZE, DEFECT, NLN, WRONG_ITEM, DAMAGED), "Condition"
                         (blank until received), "Item Price", "Refund Amt", "Restock Fee", "Channel", "Warehouse"
                         (codes RNO, CMH, ATL), "Free Label" Y/N, "Status"; one warehouse (CMH) slow to refund,
                         footwear returned for size, marketplace returns rejected more
building_permits.csv     a city's building permits applied July 2023 - June 2025 (weekdays): "Permit No", "Permit
                         Type", "Neighborhood", "Applied", "Issued", "Finaled" (blank until reached), "Valuation ($)",
                         "Fee Paid ($)", "Contractor", "Owner Builder" Y/N, "Plan Reviewer", "Status"; commercial
                         tenant improvements slow to issue, one reviewer slower, solar permits surging in 2025
volunteer_shifts.csv     a food bank's volunteer shifts January - June 2025, snake_case: shift_id, shift_date, site,
                         role, volunteer, volunteer_type, group_name (blank unless a corporate group), check_in and
                         check_out timestamps (blank on a no-show), lbs_handled, meals_served, no_show TRUE/FALSE,
                         first_shift Y/N; Saturday peaks, students no-showing most, one volunteer with the most hours

Each time series ends on the last day of a month (claims 31 December 2024, bakery 31 May 2025, returns 31 August
2025, permits 30 June 2025, shifts 30 June 2025), so "last month" and "last quarter" are the month and quarter of the
data's latest date.
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


def money(x: float) -> str:
    return f"{x:.2f}"


# -------------------------------------------------------------------------------------------- dental claims
PROCEDURES = {  # code: (name, fee, weight)
    "D0120": ("Periodic oral eval", 65, 10), "D1110": ("Adult prophylaxis", 115, 10),
    "D0274": ("Bitewings - four films", 80, 6), "D2392": ("Resin composite 2s posterior", 245, 5),
    "D2740": ("Crown porcelain/ceramic", 1350, 2), "D3330": ("Root canal molar", 1150, 1.2),
    "D7140": ("Extraction erupted tooth", 210, 1.5), "D4341": ("Perio scaling 4+ teeth/quad", 260, 2),
}
PAYERS = {"Delta Dental": 5, "MetLife": 3, "Cigna": 2.5, "Aetna": 2, "Guardian": 1.5}


def dental_claims(rng: random.Random) -> list[list]:
    rows = [["Claim #", "DOS", "Submitted", "Office", "Provider", "CDT Code", "Procedure", "Payer", "Billed (USD)",
             "Allowed (USD)", "Ins Paid (USD)", "Pt Resp (USD)", "Status", "Paid On", "Denial Reason", "Pre-Auth"]]
    providers = {"Maple Grove": ["Dr. Anita Patel", "Hyg. Sarah Lind"],
                 "Eden Prairie": ["Dr. Brian Kim", "Dr. Luis Ruiz"], "Plymouth": ["Dr. Karen Olsen", "Hyg. Tom Berg"]}
    n = 0
    for d in days(dt.date(2024, 1, 2), dt.date(2024, 12, 31)):
        if d.weekday() >= 5:
            continue
        for _ in range(poisson(rng, 4.6 + (0.8 if d.month in (1, 10, 11, 12) else 0))):
            n += 1
            office = pick(rng, {"Maple Grove": 4, "Eden Prairie": 3.5, "Plymouth": 2.5})
            code = pick(rng, {c: v[2] for c, v in PROCEDURES.items()})
            if code in ("D2740", "D3330") and office == "Eden Prairie" and rng.random() < 0.5:
                code = rng.choice(["D2740", "D3330"])
            two_dentists = office == "Eden Prairie"  # its two providers are dentists; elsewhere one is a hygienist
            prov = providers[office][rng.randrange(2) if two_dentists or code in ("D1110", "D0274") else 0]
            name, fee = PROCEDURES[code][:2]
            billed = round(fee * rng.uniform(0.95, 1.08), 2)
            payer = pick(rng, PAYERS)
            allowed = round(billed * rng.uniform(0.62, 0.85), 2)
            cover = 1.0 if code in ("D0120", "D1110", "D0274") else 0.8 if code in ("D2392", "D7140", "D4341") else 0.5
            delay = rng.choice([0, 0, 1, 1, 2, 3, 5, 8]) + (3 if prov == "Dr. Luis Ruiz" else 0)
            submitted = d + dt.timedelta(days=delay)
            deny = 0.21 if payer == "Guardian" else 0.06
            pre_auth = "Y" if code in ("D2740", "D3330") and rng.random() < 0.7 else "N"
            lag = {"Cigna": 31, "Guardian": 19, "Aetna": 16}.get(payer, 13)
            paid_on_day = submitted + dt.timedelta(days=max(3, int(rng.gauss(lag, 5))))
            r = rng.random()
            if r < deny:
                status, ins, pt, paid_on = "Denied", 0.0, billed, ""
                reason = pick(rng, {"Frequency limitation": 3, "Missing x-ray": 2, "Not a covered benefit": 2,
                                    "Eligibility": 1})
            elif paid_on_day > dt.date(2024, 12, 31):
                status, ins, pt, paid_on, reason = "Pending", 0.0, 0.0, "", ""
            else:
                ins = round(allowed * cover, 2)
                status, pt, paid_on, reason = "Paid", round(allowed - ins, 2), paid_on_day.isoformat(), ""
            rows.append([f"DC-{24000 + n}", d.isoformat(), submitted.isoformat(), office, prov, code, name, payer,
                         money(billed), money(allowed), money(ins), money(pt), status, paid_on, reason, pre_auth])
    return rows


# -------------------------------------------------------------------------------------------- bakery sales
ITEMS = {  # item: (cat, price, cost, base baked)
    "Sourdough Loaf": ("Bread", 8.5, 2.4, 28), "Baguette": ("Bread", 4.0, 0.9, 40), "Rye": ("Bread", 7.0, 2.1, 14),
    "Croissant": ("Pastry", 3.75, 1.0, 60), "Pain au Chocolat": ("Pastry", 4.25, 1.2, 40),
    "Cinnamon Roll": ("Pastry", 4.5, 1.1, 36), "Carrot Cake Slice": ("Cake", 5.5, 1.6, 16),
    "Lemon Tart": ("Cake", 6.0, 1.8, 12),
}


def bakery_sales(rng: random.Random) -> list[list]:
    rows = [["date", "shop", "item", "cat", "baked_qty", "sold_qty", "waste_qty", "unit_price", "unit_cost", "promo",
             "weather"]]
    for d in days(dt.date(2025, 3, 1), dt.date(2025, 5, 31)):
        if d.weekday() == 0:
            continue
        weather = pick(rng, {"sunny": 4, "cloudy": 3, "rain": 2})
        for shop in ("Main St", "Riverside"):
            for item, (cat, price, cost, base) in ITEMS.items():
                scale = ((1.0 if shop == "Main St" else 0.7) * (1.45 if d.weekday() >= 5 else 1.0)
                         * (1 + 0.08 * (d.month - 3)))
                baked = max(4, round(base * scale * rng.uniform(0.9, 1.1)))
                demand = base * scale * (0.78 if weather == "rain" else 1.0) * rng.uniform(0.75, 1.15)
                promo = "Y" if cat == "Cake" and d.weekday() == 3 else "N"
                if promo == "Y":
                    demand *= 1.3
                sell_rate = 0.72 if item == "Sourdough Loaf" and shop == "Riverside" else 1.0
                sold = min(baked, round(demand * sell_rate))
                p = round(price * (0.8 if promo == "Y" else 1.0) + (0.25 if d >= dt.date(2025, 5, 1) else 0), 2)
                rows.append([d.isoformat(), shop, item, cat, baked, sold, baked - sold, money(p), money(cost), promo,
                             weather])
    return rows


# -------------------------------------------------------------------------------------------- returns
CATEGORIES = {"Apparel": (45, 5), "Footwear": (95, 3), "Home": (60, 2), "Electronics": (180, 1.6), "Beauty": (28, 1.2)}


def returns_rma(rng: random.Random) -> list[list]:
    rows = [["RMA", "Order #", "Order Date", "Return Requested", "Item Received", "Refunded On", "Category",
             "Reason Code", "Condition", "Item Price", "Refund Amt", "Restock Fee", "Channel", "Warehouse",
             "Free Label", "Status"]]
    end = dt.date(2025, 8, 31)
    n = 0
    for d in days(dt.date(2025, 1, 1), end):
        for _ in range(poisson(rng, 4.0 + (1.6 if d.month == 1 else 0) - (0.8 if d.month in (4, 5) else 0))):
            n += 1
            cat = pick(rng, {c: v[1] for c, v in CATEGORIES.items()})
            reasons = {"SIZE": 6 if cat == "Footwear" else 3 if cat == "Apparel" else 0.2,
                       "DEFECT": 4 if cat == "Electronics" else 1,
                       "NLN": 2.5, "WRONG_ITEM": 0.8, "DAMAGED": 1.2 if cat in ("Home", "Electronics") else 0.5}
            reason = pick(rng, reasons)
            price = round(CATEGORIES[cat][0] * rng.uniform(0.5, 1.7), 2)
            channel = pick(rng, {"Web": 5, "App": 3, "Marketplace": 2})
            wh = pick(rng, {"RNO": 4, "CMH": 3, "ATL": 3})
            order = d - dt.timedelta(days=rng.randint(2, 28))
            free = "Y" if reason in ("DEFECT", "WRONG_ITEM", "DAMAGED") or rng.random() < 0.35 else "N"
            received = d + dt.timedelta(days=rng.randint(3, 11))
            refund_day = received + dt.timedelta(days=max(1, int(rng.gauss(9 if wh == "CMH" else 3, 2))))
            cond, refund, fee, rec, ref = "", 0.0, 0.0, "", ""
            if received > end or rng.random() < 0.04:
                status = "In Transit" if received > end else "Requested"
            else:
                rec = received.isoformat()
                cond = pick(rng, {"New": 5, "Opened": 4, "Damaged": 1.5 if reason in ("DAMAGED", "DEFECT") else 0.5})
                reject = ((0.16 if channel == "Marketplace" else 0.05)
                          + (0.2 if cond == "Damaged" and reason == "NLN" else 0))
                if rng.random() < reject:
                    status = "Rejected"
                elif refund_day > end:
                    status = "Received"
                else:
                    status = "Refunded"
                    fee = round(price * 0.15, 2) if cond == "Opened" and reason == "NLN" else 0.0
                    refund = round(price - fee, 2)
                    ref = refund_day.isoformat()
            rows.append([f"RMA{50000 + n}", f"SO-{880000 + n * 7}", order.isoformat(), d.isoformat(), rec, ref, cat,
                         reason, cond, money(price), money(refund), money(fee), channel, wh, free, status])
    return rows


# -------------------------------------------------------------------------------------------- building permits
PERMIT_TYPES = {  # type: (weight, median valuation, days to issue, fee rate)
    "Residential Alteration": (5, 45000, 18, 0.018), "New Single Family": (1.2, 420000, 40, 0.012),
    "Reroof": (4, 14000, 3, 0.02), "Electrical": (4, 6000, 2, 0.03), "Plumbing": (3, 4500, 2, 0.03),
    "Solar PV": (2.5, 24000, 6, 0.015), "Demolition": (0.8, 12000, 9, 0.02), "Commercial TI": (1.5, 150000, 58, 0.014),
}


def building_permits(rng: random.Random) -> list[list]:
    rows = [["Permit No", "Permit Type", "Neighborhood", "Applied", "Issued", "Finaled", "Valuation ($)",
             "Fee Paid ($)", "Contractor", "Owner Builder", "Plan Reviewer", "Status"]]
    end = dt.date(2025, 6, 30)
    contractors = ["Bayside Builders", "Crest Roofing", "Volt Electric Co", "PipeWorks Plumbing", "SunPeak Solar",
                   "Hernandez Construction", "Keystone General", "Apex Commercial Interiors"]
    by_type = {"Reroof": [1], "Electrical": [2], "Plumbing": [3], "Solar PV": [4], "Commercial TI": [7, 6],
               "New Single Family": [5, 6], "Residential Alteration": [0, 5, 6], "Demolition": [5, 0]}
    n = 0
    for d in days(dt.date(2023, 7, 1), end):
        if d.weekday() >= 5:
            continue
        for _ in range(poisson(rng, 1.45)):
            n += 1
            weights = {t: v[0] * (2.2 if t == "Solar PV" and d.year == 2025 else 1) for t, v in PERMIT_TYPES.items()}
            ptype = pick(rng, weights)
            _, val, wait, rate = PERMIT_TYPES[ptype]
            hood = pick(rng, {"Old Town": 3, "Eastside": 3, "Harbor View": 2, "Westgate": 2.5, "North Hills": 2})
            valuation = round(val * rng.lognormvariate(0, 0.45), -2)
            fee = round(max(85, valuation * rate) + 65, 2)
            owner = "Y" if ptype in ("Residential Alteration", "Reroof", "Demolition") and rng.random() < 0.2 else "N"
            contractor = "" if owner == "Y" else contractors[rng.choice(by_type[ptype])]
            reviewer = pick(rng, {"M. Chen": 3, "J. Okafor": 2, "R. Alvarez": 3, "S. Novak": 2})
            slow = 1.6 if reviewer == "J. Okafor" else 1.0
            issued = d + dt.timedelta(days=max(0, round(wait * slow * rng.uniform(0.6, 1.4))))
            final = issued + dt.timedelta(days=round(wait * 2 + rng.uniform(10, 90)))
            iss = fin = ""
            if rng.random() < 0.04:
                status = "Withdrawn"
            elif issued > end:
                status = "In Review"
            else:
                iss = issued.isoformat()
                if final <= end and rng.random() < 0.9:
                    status, fin = "Finaled", final.isoformat()
                elif final + dt.timedelta(days=180) < end:
                    status = "Expired"
                else:
                    status = "Issued"
            rows.append([f"BP{d.year % 100}-{n:05d}", ptype, hood, d.isoformat(), iss, fin, f"{valuation:.0f}",
                         money(fee), contractor, owner, reviewer, status])
    return rows


# -------------------------------------------------------------------------------------------- volunteer shifts
def volunteer_shifts(rng: random.Random) -> list[list]:
    rows = [["shift_id", "shift_date", "site", "role", "volunteer", "volunteer_type", "group_name", "check_in",
             "check_out", "lbs_handled", "meals_served", "no_show", "first_shift"]]
    first = ["Gloria", "Ben", "Priya", "Marcus", "Ellen", "Omar", "Hannah", "Luis", "Grace", "Derek", "Ana", "Sam",
             "Ruth", "Tyrone", "Mei", "Kofi", "Ivy", "Noah", "Carmen", "Pete"]
    last = ["Estrada", "Walsh", "Shah", "Bell", "Fischer", "Haddad", "Lee", "Ortiz", "Kim", "Moore", "Silva", "Reed"]
    people = {}
    for i, f in enumerate(first):
        people[f"{f} {last[i % len(last)]}"] = pick(rng, {"Individual": 5, "Student": 2, "Court-Ordered": 1})
    people["Gloria Estrada"] = "Individual"
    groups = ["Target Team", "Medtronic Cares", "US Bank Volunteers"]
    seen = set()
    n = 0
    for d in days(dt.date(2025, 1, 1), dt.date(2025, 6, 30)):
        if d.weekday() == 6:
            continue
        lam = 7.5 if d.weekday() == 5 else 4.5
        for _ in range(poisson(rng, lam)):
            n += 1
            if rng.random() < 0.18:
                vtype, group = "Corporate Group", rng.choice(groups)
                name = f"{rng.choice(first)} {rng.choice(last)} ({group.split()[0]})"
            else:
                name = pick(rng, {p: (6 if p == "Gloria Estrada" else 1) for p in people})
                vtype, group = people[name], ""
            site = pick(rng, {"Warehouse": 5, "North Pantry": 3, "Mobile Market": 2 if d.weekday() in (2, 5) else 0.3})
            role = pick(rng, {"Sorting": 4, "Packing": 3, "Distribution": 3 if site != "Warehouse" else 0.2,
                              "Driver": 1 if site == "Mobile Market" else 0.2, "Intake": 1.5})
            no_show = rng.random() < (0.22 if vtype == "Student" else 0.12 if vtype == "Court-Ordered" else 0.05)
            start = dt.datetime.combine(d, dt.time(rng.choice([8, 9, 9, 13, 13, 17]), rng.choice([0, 0, 15, 30])))
            length = rng.choice([120, 150, 180, 180, 210, 240]) + (60 if name == "Gloria Estrada" else 0)
            ci = co = ""
            lbs = meals = 0
            if not no_show:
                ci = stamp(start + dt.timedelta(minutes=rng.randint(-10, 15)))
                co = stamp(start + dt.timedelta(minutes=length + rng.randint(-15, 20)))
                if role in ("Sorting", "Packing"):
                    lbs = round(length / 60 * rng.uniform(180, 320) * (1.2 if vtype == "Corporate Group" else 1))
                if role == "Distribution":
                    meals = round(length / 60 * rng.uniform(25, 45))
            firsty = "Y" if name not in seen else "N"
            seen.add(name)
            rows.append([f"S{n:05d}", d.isoformat(), site, role, name, vtype, group, ci, co, lbs, meals,
                         "TRUE" if no_show else "FALSE", firsty])
    return rows


DATASETS = [("dental_claims", dental_claims, 71), ("bakery_sales", bakery_sales, 72), ("returns_rma", returns_rma, 73),
            ("building_permits", building_permits, 74), ("volunteer_shifts", volunteer_shifts, 75)]


def main() -> None:
    DATA.mkdir(exist_ok=True)
    for name, fn, seed in DATASETS:
        with open(DATA / f"{name}.csv", "w", newline="") as f:
            csv.writer(f).writerows(fn(random.Random(seed)))


if __name__ == "__main__":
    main()
