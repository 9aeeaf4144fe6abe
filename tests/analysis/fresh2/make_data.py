"""Generate the second fresh evaluation set's five datasets, deterministically (fixed seeds, no clock).

    python -m tests.analysis.fresh2.make_data     # rewrites tests/analysis/fresh2/data/*.csv

ad_campaigns.csv       daily ad results of nine campaigns on five channels in 2024, snake_case, ISO dates,
                       spend_usd and conv_value_usd numbers, conv_value_usd blank for the awareness campaign
                       (no tracking), is_retargeting TRUE/FALSE, a Q4 peak and quieter weekends for LinkedIn
inventory.csv          stock snapshot of SKU × warehouse on 31 March 2025, PascalCase, OnHand next to
                       ReorderLevel, US dates in LastReceived (blank when never received), Discontinued
                       TRUE/FALSE, one slow supplier
call_center.csv        inbound calls January – June 2025: "Start Time" timestamps with morning peaks and busy
                       Mondays, units in headers ("Wait (sec)", "Talk Time (min)"), Abandoned 1/0 with no agent,
                       talk time or CSAT when abandoned, CSAT on a minority, "Callback Requested" Yes/No
clinic_appointments.csv  appointments July 2024 – June 2025, US dates ("Booked On", "Appt Date"), "Dept",
                       "No Show" Yes/No (more likely when booked far ahead and on Mondays), "Wait Time (min)"
                       blank for no-shows, "Telehealth" Yes/No
invoices.csv           accounts receivable 2023–2024: "Invoice #", ISO dates, "Amount" as "$1,234.50",
                       "Discount" as "2%", "Paid Date" blank while unpaid, Status as of 31 December 2024

The time series end on the last day of a month (ads and invoices on 31 December 2024, calls and clinic
appointments on 30 June 2025), so "last month" and "last quarter" are unambiguous.
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


def days(first: dt.date, last: dt.date):
    for k in range((last - first).days + 1):
        yield first + dt.timedelta(days=k)


def _q4(d: dt.date) -> float:
    """Seasonal demand for ads: flat spring, a summer dip, a November-December peak."""
    return {1: 0.85, 2: 0.85, 3: 0.95, 4: 1.0, 5: 1.0, 6: 0.9, 7: 0.85, 8: 0.9, 9: 1.0, 10: 1.1, 11: 1.5,
            12: 1.35}[d.month]


def ad_campaigns(rng: random.Random) -> list[list]:
    y = 2024
    # name: channel, region, retargeting, first, last, daily spend, ctr, cpc-ish conv rate, value per conversion
    campaigns = {
        "Always-On Search": ("Google Ads", "US", False, dt.date(y, 1, 1), dt.date(y, 12, 31), 420, 0.045, 0.055, 92),
        "Spring Sale": ("Google Ads", "US", False, dt.date(y, 3, 1), dt.date(y, 5, 31), 650, 0.05, 0.07, 78),
        "Canada Search": ("Google Ads", "Canada", False, dt.date(y, 4, 1), dt.date(y, 12, 31), 180, 0.038, 0.048, 85),
        "Retargeting - Cart": ("Meta", "US", True, dt.date(y, 1, 1), dt.date(y, 12, 31), 260, 0.018, 0.06, 70),
        "Holiday Push": ("Meta", "US", False, dt.date(y, 10, 15), dt.date(y, 12, 31), 900, 0.013, 0.03, 88),
        "UK Social": ("Meta", "UK", False, dt.date(y, 6, 1), dt.date(y, 12, 31), 210, 0.011, 0.022, 64),
        "Brand Awareness": ("TikTok", "US", False, dt.date(y, 2, 1), dt.date(y, 10, 31), 350, 0.008, 0.006, 0),
        "B2B Leads": ("LinkedIn", "US", False, dt.date(y, 1, 1), dt.date(y, 12, 31), 380, 0.0055, 0.045, 410),
        "Newsletter": ("Email", "US", True, dt.date(y, 1, 2), dt.date(y, 12, 31), 60, 0.032, 0.04, 55),
    }
    cpm = {"Google Ads": 38.0, "Meta": 9.5, "TikTok": 6.0, "LinkedIn": 55.0, "Email": 1.2}
    rows = [["record_id", "date", "campaign", "channel", "region", "impressions", "clicks", "spend_usd",
             "conversions", "conv_value_usd", "is_retargeting"]]
    out = []
    for name, (channel, region, retarget, first, last, budget, ctr, cr, value) in campaigns.items():
        for d in days(first, last):
            if name == "Newsletter" and d.weekday() != 1:
                continue  # sent on Tuesdays
            if name == "B2B Leads" and d.weekday() >= 5:
                continue  # paused at weekends
            spend = budget * _q4(d) * rng.uniform(0.8, 1.2)
            if channel == "Meta" and d.weekday() >= 5:
                spend *= 1.15
            impressions = int(spend / cpm[channel] * 1000 * rng.uniform(0.9, 1.1))
            clicks = int(impressions * ctr * rng.uniform(0.8, 1.2))
            conversions = sum(1 for _ in range(clicks) if rng.random() < cr * (1.2 if d.month in (11, 12) else 1))
            conv_value = "" if name == "Brand Awareness" else f"{conversions * value * rng.uniform(0.85, 1.15):.2f}"
            out.append([d, name, channel, region, impressions, clicks, f"{spend:.2f}", conversions, conv_value,
                        "TRUE" if retarget else "FALSE"])
    out.sort(key=lambda r: (r[0], r[1]))
    for i, r in enumerate(out):
        rows.append([f"AD-{i + 1:05d}", r[0].isoformat(), *r[1:]])
    return rows


def inventory(rng: random.Random) -> list[list]:
    categories = {"Electrical": ["Wire Nut Pack", "Outlet Cover", "Light Switch", "Extension Cord", "LED Bulb 4pk",
                                 "Breaker 20A", "Junction Box"],
                  "Plumbing": ["PVC Elbow", "Ball Valve", "Faucet Cartridge", "Drain Snake", "Teflon Tape",
                               "Supply Line"],
                  "Fasteners": ["Wood Screws 100ct", "Drywall Anchors", "Hex Bolt Set", "Lag Screws", "Washers 50ct"],
                  "Tools": ["Claw Hammer", "Tape Measure", "Utility Knife", "Cordless Drill", "Level 24in",
                            "Socket Set"],
                  "Paint": ["Interior Eggshell Gal", "Primer Gal", "Roller Kit", "Painter's Tape", "Brush Set"],
                  "Safety": ["Safety Glasses", "Work Gloves", "Dust Masks 10pk", "Ear Plugs"],
                  "Garden": ["Garden Hose 50ft", "Pruning Shears", "Potting Mix", "Sprinkler", "Rake"]}
    cost_range = {"Electrical": (2, 40), "Plumbing": (3, 35), "Fasteners": (2, 15), "Tools": (8, 140),
                  "Paint": (5, 45), "Safety": (2, 20), "Garden": (6, 55)}
    suppliers = {"Acme Supply": 6, "Northwind Tools": 9, "BlueRiver Industrial": 12, "Pacific Hardware": 8,
                 "Eastern Imports": 38}
    cat_supplier = {"Electrical": ["Acme Supply", "BlueRiver Industrial"], "Plumbing": ["BlueRiver Industrial",
                    "Pacific Hardware"], "Fasteners": ["Eastern Imports", "Acme Supply"],
                    "Tools": ["Northwind Tools", "Eastern Imports"], "Paint": ["Pacific Hardware"],
                    "Safety": ["Acme Supply", "Eastern Imports"], "Garden": ["Pacific Hardware", "Northwind Tools"]}
    warehouses = {"Dallas": 1.4, "Atlanta": 1.2, "Chicago": 1.0, "Denver": 0.7, "Phoenix": 0.8}
    snapshot = dt.date(2025, 3, 31)
    rows = [["StockID", "SKU", "ProductName", "Category", "Supplier", "Warehouse", "OnHand", "ReorderLevel",
             "UnitCost", "UnitsSold90d", "LastReceived", "LeadTimeDays", "Discontinued"]]
    products = []
    for cat, names in categories.items():
        prefix = cat[:2].upper()
        for k, base in enumerate(names):
            for v, variant in enumerate(("", " Pro", " Value")):
                if variant and rng.random() < 0.35:
                    continue
                sku = f"{prefix}-{1000 + 37 * k + 5 * v}"
                products.append((sku, base + variant, cat, rng.choice(cat_supplier[cat]),
                                 round(rng.uniform(*cost_range[cat]) * (1, 1.6, 0.7)[v], 2),
                                 rng.random() < 0.06))
    i = 0
    for sku, name, cat, supplier, cost, discontinued in products:
        for wh, size in warehouses.items():
            if rng.random() < 0.12:
                continue  # not stocked there
            velocity = size * rng.lognormvariate(3.4, 0.8) * (0.25 if discontinued else 1) * (
                1.5 if cat == "Garden" else 1)
            sold = int(velocity)
            reorder = max(5, int(velocity / 90 * (suppliers[supplier] + 10) / 5) * 5)
            slow = supplier == "Eastern Imports"
            on_hand = max(0, int(reorder * rng.uniform(0.1, 1.3 if slow else 2.6)))
            if discontinued:
                on_hand = int(on_hand * rng.uniform(0, 0.6))
            received = "" if rng.random() < 0.04 else (
                snapshot - dt.timedelta(days=int(rng.expovariate(1 / (70 if slow else 25))))).strftime("%m/%d/%Y")
            i += 1
            rows.append([f"STK{i:04d}", sku, name, cat, supplier, wh, on_hand, reorder, f"{cost:.2f}", sold, received,
                         suppliers[supplier] + rng.choice([-1, 0, 0, 1, 2]), "TRUE" if discontinued else "FALSE"])
    return rows


def call_center(rng: random.Random) -> list[list]:
    queues = {"Billing": (0.34, 6.5), "Tech Support": (0.3, 11.0), "Sales": (0.18, 8.0), "Cancellations": (0.1, 9.5),
              "Account Updates": (0.08, 4.5)}
    agents = {"Priya": 1.0, "Marcus": 1.0, "Sofia": 0.95, "Tom": 1.1, "Aisha": 0.9, "Kenji": 1.05, "Laura": 1.2,
              "Omar": 1.0}
    first, last = dt.date(2025, 1, 1), dt.date(2025, 6, 30)
    hours = {8: 0.1, 9: 0.16, 10: 0.15, 11: 0.12, 12: 0.08, 13: 0.1, 14: 0.1, 15: 0.08, 16: 0.07, 17: 0.04}
    starts = []
    for d in days(first, last):
        if d.weekday() == 6:
            continue  # closed on Sundays
        n = {0: 21, 1: 17, 2: 15, 3: 15, 4: 14, 5: 6}[d.weekday()] * (1.25 if d.month == 1 else 1)
        for _ in range(max(1, int(rng.gauss(n, 3)))):
            h = pick(rng, hours)
            starts.append(dt.datetime(d.year, d.month, d.day, h, rng.randrange(60), rng.randrange(60)))
    starts.sort()
    rows = [["Call ID", "Start Time", "Queue", "Caller Type", "Agent", "Wait (sec)", "Talk Time (min)", "Abandoned",
             "Callback Requested", "Resolved", "CSAT"]]
    for i, t in enumerate(starts):
        queue = rng.choices(list(queues), [v[0] for v in queues.values()])[0]
        busy = 1.8 if t.weekday() == 0 else 1.0
        busy *= 1.5 if t.hour in (9, 10) else 1.0
        wait = int(rng.expovariate(1 / (55 * busy * (1.4 if queue == "Tech Support" else 1))))
        abandoned = wait > 60 and rng.random() < min(0.85, wait / 600)
        agent = pick(rng, agents)
        talk = round(rng.lognormvariate(math.log(queues[queue][1]), 0.5) * agents[agent], 1)
        resolved = rng.random() < (0.62 if queue == "Tech Support" else 0.85) * (0.9 if agent == "Laura" else 1)
        csat = ""
        if not abandoned and rng.random() < 0.3:
            base = 4.3 if resolved else 2.6
            csat = min(5, max(1, round(rng.gauss(base - wait / 400, 0.8))))
        rows.append([f"C{250000 + i}", t.strftime("%Y-%m-%d %H:%M:%S"), queue,
                     pick(rng, {"Existing": 0.78, "New": 0.22}), "" if abandoned else agent, wait,
                     "" if abandoned else talk, 1 if abandoned else 0,
                     "Yes" if (abandoned and rng.random() < 0.4) or rng.random() < 0.03 else "No",
                     "" if abandoned else ("Yes" if resolved else "No"), csat])
    return rows


def clinic_appointments(rng: random.Random) -> list[list]:
    depts = {"General Practice": (0.34, ["Dr. Patel", "Dr. Nguyen", "Dr. Okoro"], 7, 20),
             "Pediatrics": (0.2, ["Dr. Alvarez", "Dr. Kim"], 6, 15),
             "Cardiology": (0.14, ["Dr. Rossi", "Dr. Bauer"], 21, 35),
             "Dermatology": (0.14, ["Dr. Haddad"], 40, 30),
             "Orthopedics": (0.18, ["Dr. Schmidt", "Dr. Moreau"], 18, 25)}
    insurance = {"Private": 0.48, "Medicare": 0.22, "Medicaid": 0.2, "Self-pay": 0.1}
    first, last = dt.date(2024, 7, 1), dt.date(2025, 6, 30)
    rows = [["Appt ID", "Booked On", "Appt Date", "Dept", "Doctor", "Visit Type", "Patient Age", "Insurance",
             "Telehealth", "No Show", "Wait Time (min)", "Copay"]]
    dates = []
    for _ in range(2499):
        d = first + dt.timedelta(days=rng.randrange((last - first).days + 1))
        while d.weekday() >= 5:
            d -= dt.timedelta(days=1 + rng.randrange(4))
        dates.append(max(d, first))
    dates = sorted(dates) + [last]
    for i, d in enumerate(dates):
        dept = pick(rng, {k: v[0] for k, v in depts.items()})
        _, doctors, lead_mean, wait_mean = depts[dept]
        lead = int(rng.expovariate(1 / lead_mean))
        ins = pick(rng, insurance)
        age = rng.randint(0, 17) if dept == "Pediatrics" else int(min(95, max(18, rng.gauss(
            67 if ins == "Medicare" else 46, 12))))
        tele = dept in ("General Practice", "Dermatology") and rng.random() < 0.22
        p_noshow = 0.05 + min(0.25, lead / 200) + (0.08 if ins == "Medicaid" else 0) + (
            0.04 if d.weekday() == 0 else 0) - (0.03 if tele else 0)
        no_show = rng.random() < p_noshow
        wait = "" if no_show else max(0, int(rng.gauss(wait_mean * (0.4 if tele else 1), 8)))
        doctor = rng.choice(doctors)
        if doctor == "Dr. Nguyen" and wait != "":
            wait += 9
        copay = {"Private": 30, "Medicare": 20, "Medicaid": 0, "Self-pay": 120}[ins] * (
            1.5 if dept in ("Cardiology", "Dermatology", "Orthopedics") and ins != "Medicaid" else 1)
        rows.append([f"A{70001 + i}", (d - dt.timedelta(days=lead)).strftime("%m/%d/%Y"), d.strftime("%m/%d/%Y"),
                     dept, doctor, pick(rng, {"New Patient": 0.3, "Follow-up": 0.55, "Annual Physical": 0.15})
                     if dept in ("General Practice", "Pediatrics") else pick(rng, {"New Patient": 0.4,
                                                                                  "Follow-up": 0.6}),
                     age, ins, "Yes" if tele else "No", "Yes" if no_show else "No", wait, f"{copay:.2f}"])
    return rows


def invoices(rng: random.Random) -> list[list]:
    customers = {"Apex Dental Group": ("West", 1.6, 0.9), "Birchwood Schools": ("Midwest", 1.0, 1.3),
                 "Cobalt Logistics": ("South", 1.4, 1.0), "Delta Fitness": ("South", 0.6, 1.8),
                 "Elm Street Cafe": ("Northeast", 0.3, 1.2), "Frontier Builders": ("West", 2.2, 1.5),
                 "Greenleaf Grocers": ("Midwest", 1.1, 0.8), "Harbor Law LLP": ("Northeast", 0.9, 0.7),
                 "Ivy Veterinary": ("Northeast", 0.5, 1.0), "Juno Media": ("West", 0.8, 2.3),
                 "Kestrel Aviation": ("South", 2.5, 1.1), "Lumen Clinics": ("Midwest", 1.3, 0.9),
                 "Maple Realty": ("Midwest", 0.7, 1.0), "Nimbus Software": ("West", 1.2, 0.6)}
    reps = {"West": ["Hannah Cole", "Victor Ruiz"], "Midwest": ["Grace Lee"], "South": ["Darnell Brooks"],
            "Northeast": ["Emily Shaw", "Victor Ruiz"]}
    terms = {"Net 15": 15, "Net 30": 30, "Net 60": 60}
    first, last = dt.date(2023, 1, 1), dt.date(2024, 12, 31)
    dates = sorted(first + dt.timedelta(days=int(((last - first).days) * rng.random() ** 0.85))
                   for _ in range(1849)) + [last]
    rows = [["Invoice #", "Customer", "Region", "Sales Rep", "Invoice Date", "Terms", "Due Date", "Paid Date",
             "Amount", "Discount", "Status"]]
    weights = {c: v[1] for c, v in customers.items()}
    for i, d in enumerate(dates):
        cust = pick(rng, weights)
        region, size, lateness = customers[cust]
        term = pick(rng, {"Net 30": 0.6, "Net 15": 0.2, "Net 60": 0.2} if size < 2 else {"Net 30": 0.3, "Net 60": 0.7})
        due = d + dt.timedelta(days=terms[term])
        amount = round(size * rng.lognormvariate(7.6, 0.7) * (1.08 if d.year == 2024 else 1), 2)
        if d.month == 12:
            amount = round(amount * 1.3, 2)  # year-end orders
        discount = pick(rng, {"0%": 0.75, "2%": 0.15, "5%": 0.07, "10%": 0.03})
        pay_after = int(terms[term] * rng.uniform(0.3, 1.1) + lateness * rng.expovariate(1 / 14) - 8)
        paid = d + dt.timedelta(days=max(1, pay_after))
        written_off = lateness > 1.4 and rng.random() < 0.04 and d < dt.date(2024, 3, 1)
        if written_off or paid > last:
            paid_text, status = "", ("Written Off" if written_off else "Overdue" if due < last else "Open")
        else:
            paid_text, status = paid.isoformat(), "Paid"
        rows.append([f"INV-{d.year}-{i + 1:04d}", cust, region, rng.choice(reps[region]), d.isoformat(), term,
                     due.isoformat(), paid_text, f"${amount:,.2f}", discount, status])
    return rows


DATASETS = (("ad_campaigns", ad_campaigns, 31), ("inventory", inventory, 32), ("call_center", call_center, 33),
            ("clinic_appointments", clinic_appointments, 34), ("invoices", invoices, 35))


def main() -> None:
    DATA.mkdir(exist_ok=True)
    for name, fn, seed in DATASETS:
        with open(DATA / f"{name}.csv", "w", newline="") as f:
            csv.writer(f).writerows(fn(random.Random(seed)))


if __name__ == "__main__":
    main()
