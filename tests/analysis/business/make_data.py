"""Generate the business evaluation set's seven datasets, deterministically (fixed seeds, no clock).

    python -m tests.analysis.business.make_data     # rewrites tests/analysis/business/data/*.csv

employees.csv        HR roster: "Employee ID" E0001…, "Annual Salary", "Bonus %" as text, Remote Yes/No,
                     Is Manager True/False, a few missing ratings (640 rows, hires 2014–2024)
web_analytics.csv    daily sessions by source × device × country, snake_case, "bounce_rate" as "41.3%",
                     a few missing revenue cells (2023–2024)
inventory.csv        stock per SKU and warehouse: "On Hand", "Reorder Point", camelCase "unitCost",
                     US dates (MM/DD/YYYY), Discontinued TRUE/FALSE, a few missing suppliers
invoices.csv         finance: invoices 2022–2024, "Amount" as "$12,345.67", Paid Yes/No, payment dates
support_tickets.csv  tickets 2023–2024 with timestamps, priority, status, channel, agent, CSAT 1–5
subscriptions.csv    SaaS customers, camelCase headers, plan, mrr, status active/churned/trialing
                     (sign-ups July 2022 – June 2025)
retail_orders.csv    store and online orders 2023–2024: "Qty", "Discount" as "15%", Returned Yes/No,
                     carrier and delivery days for online orders

The time series (web analytics, invoices, tickets, subscriptions, orders) end on the last day of a
month, so "last 3 months" is unambiguous; the HR and inventory snapshots do not.
"""
from __future__ import annotations

import csv
import datetime as dt
import math
import random
from pathlib import Path

DATA = Path(__file__).parent / "data"

FIRST = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
         "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Carlos", "Karen",
         "Daniel", "Lisa", "Matthew", "Nancy", "Anthony", "Betty", "Mark", "Sandra", "Priya", "Ashley",
         "Wei", "Kimberly", "Ahmed", "Emily", "Kenji", "Donna", "Luis", "Michelle", "Olumide", "Carol",
         "Ivan", "Amanda", "Mateo", "Melissa", "Arjun", "Deborah", "Noah", "Stephanie", "Omar", "Rebecca",
         "Lucas", "Sharon", "Elijah", "Laura", "Hiro", "Cynthia", "Samuel", "Fatima", "Diego", "Amy"]
LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores"]


def pick(rng: random.Random, weighted: dict):
    return rng.choices(list(weighted), list(weighted.values()))[0]


def unique_names(rng: random.Random, n: int) -> list[str]:
    pool = [f"{a} {b}" for a in FIRST for b in LAST]
    return rng.sample(pool, n)


def money(v: float) -> str:
    return f"${v:,.2f}"


def employees(rng: random.Random) -> list[list]:
    depts = {"Engineering": 0.28, "Sales": 0.20, "Customer Support": 0.15, "Operations": 0.12,
             "Marketing": 0.10, "Finance": 0.08, "HR": 0.07}
    base = {"Engineering": 118_000, "Sales": 78_000, "Customer Support": 52_000, "Operations": 64_000,
            "Marketing": 80_000, "Finance": 92_000, "HR": 70_000}
    titles = {"Engineering": "Engineer", "Sales": "Account Executive", "Customer Support": "Support Specialist",
              "Operations": "Operations Analyst", "Marketing": "Marketing Manager", "Finance": "Financial Analyst",
              "HR": "HR Generalist"}
    levels = {"Junior": (0.36, 0.75, 24), "Mid": (0.34, 1.0, 31), "Senior": (0.2, 1.3, 39),
              "Lead": (0.07, 1.6, 44), "Director": (0.03, 2.2, 49)}
    offices = {"New York": 0.3, "Austin": 0.25, "Chicago": 0.15, "London": 0.18, "Toronto": 0.12}
    rows = [["Employee ID", "Full Name", "Department", "Job Title", "Level", "Hire Date", "Annual Salary", "Bonus %",
             "Gender", "Age", "Performance Rating", "Remote", "Office", "Employment Type", "Is Manager"]]
    names = unique_names(rng, 640)
    start, span = dt.date(2014, 1, 6), (dt.date(2024, 12, 16) - dt.date(2014, 1, 6)).days
    for i in range(640):
        dept = pick(rng, depts)
        level = rng.choices(list(levels), [v[0] for v in levels.values()])[0]
        _, factor, age_mid = levels[level]
        etype = pick(rng, {"Full-time": 0.86, "Part-time": 0.08, "Contractor": 0.06})
        gender = pick(rng, {"Female": 0.46, "Male": 0.5, "Non-binary": 0.04})
        salary = base[dept] * factor * math.exp(rng.gauss(0, 0.12)) * (0.97 if gender == "Female" else 1.0)
        if etype == "Part-time":
            salary *= 0.55
        salary = int(round(salary / 250) * 250)
        hire = start + dt.timedelta(days=int(span * rng.random() ** 0.6))  # more recent hires
        age = max(21, min(66, int(rng.gauss(age_mid, 6))))
        bonus = {"Junior": 5, "Mid": 7.5, "Senior": 10, "Lead": 12.5, "Director": 20}[level]
        bonus = bonus + (5 if dept == "Sales" else 0)
        rating = rng.choices([1, 2, 3, 4, 5], [0.04, 0.12, 0.44, 0.3, 0.1])[0]
        remote_p = 0.5 if dept == "Engineering" else 0.35 if dept in ("Marketing", "Customer Support") else 0.15
        manager = level in ("Lead", "Director") or (level == "Senior" and rng.random() < 0.25)
        rows.append([f"E{i + 1:04d}", names[i], dept, f"{level} {titles[dept]}", level, hire.isoformat(), salary,
                     f"{bonus:g}%", gender, age, "" if rng.random() < 0.03 else rating,
                     "Yes" if rng.random() < remote_p else "No", pick(rng, offices), etype,
                     "True" if manager else "False"])
    return rows


def daterange(first: dt.date, last: dt.date):
    d = first
    while d <= last:
        yield d
        d += dt.timedelta(days=1)


def web_analytics(rng: random.Random) -> list[list]:
    sources = {"Organic Search": 1.0, "Direct": 0.6, "Paid Search": 0.55, "Social": 0.4, "Email": 0.25,
               "Referral": 0.18}
    devices = {"Desktop": 1.0, "Mobile": 0.8, "Tablet": 0.12}
    countries = {"United States": 0.38, "United Kingdom": 0.12, "Germany": 0.1, "Canada": 0.09, "France": 0.07,
                 "India": 0.11, "Australia": 0.06, "Brazil": 0.07}
    conv = {"Organic Search": 0.021, "Direct": 0.03, "Paid Search": 0.026, "Social": 0.009, "Email": 0.045,
            "Referral": 0.024}
    rows = [["date", "source", "device", "country", "sessions", "pageviews", "new_users", "bounce_rate",
             "avg_session_duration", "conversions", "revenue"]]
    first = dt.date(2023, 1, 1)
    for d in daterange(first, dt.date(2024, 12, 31)):
        growth = 1 + 0.25 * (d - first).days / 730
        season = 1 + 0.35 * max(0, math.cos((d.timetuple().tm_yday - 340) / 365 * 2 * math.pi)) ** 3
        weekend = 0.72 if d.weekday() >= 5 else 1.0
        for src, sw in sources.items():
            for dev, dw in devices.items():
                if rng.random() > 0.45:
                    continue
                country = pick(rng, countries)
                sessions = max(1, int(420 * sw * dw * growth * season * weekend * rng.lognormvariate(0, 0.35)))
                pageviews = int(sessions * rng.uniform(1.8, 3.6) * (0.8 if dev == "Mobile" else 1.0))
                bounce = min(89.0, max(18.0, rng.gauss(38 if dev == "Desktop" else 52, 6)))
                duration = int(max(20, rng.gauss(190 if dev == "Desktop" else 120, 35)))
                cr = conv[src] * (1.2 if dev == "Desktop" else 0.75)
                conversions = sum(1 for _ in range(sessions) if rng.random() < cr)
                revenue = round(sum(rng.lognormvariate(4.0, 0.5) for _ in range(conversions)), 2)
                rows.append([d.isoformat(), src, dev, country, sessions, pageviews,
                             int(sessions * rng.uniform(0.3, 0.6)), f"{bounce:.1f}%", duration, conversions,
                             "" if rng.random() < 0.01 else f"{revenue:.2f}"])
    return rows


def inventory(rng: random.Random) -> list[list]:
    cats = {"Electronics": (["Wireless Mouse", "USB-C Hub", "Bluetooth Speaker", "Webcam", "Keyboard",
                             "Power Bank", "Headphones", "Smart Plug"], 18, 90),
            "Home & Kitchen": (["Chef Knife", "Blender", "Kettle", "Cutting Board", "Coffee Grinder",
                                "Mixing Bowl Set", "Toaster"], 8, 70),
            "Office": (["Desk Lamp", "Stapler", "Notebook Pack", "Ergonomic Chair", "Monitor Stand",
                        "File Cabinet"], 3, 160),
            "Outdoor": (["Camping Tent", "Hiking Backpack", "Water Bottle", "Headlamp", "Folding Chair"], 6, 120),
            "Toys": (["Puzzle 1000pc", "Building Blocks", "RC Car", "Plush Bear", "Board Game"], 5, 45),
            "Apparel": (["Rain Jacket", "Wool Socks", "Baseball Cap", "Fleece Hoodie", "Running Shorts"], 4, 55)}
    brands = ["Acme", "Nordic", "Vertex", "Pioneer", "Summit", "Lumen"]
    suppliers = {"Global Supply Co": 0.25, "Pacific Traders": 0.2, "Northwind": 0.15, "Apex Distribution": 0.15,
                 "BlueLine Imports": 0.12, "Keystone Wholesale": 0.08, "Orion Goods": 0.05}
    warehouses = {"Dallas": 0.35, "Reno": 0.25, "Newark": 0.25, "Atlanta": 0.15}
    rows = [["SKU", "Product", "Category", "Warehouse", "On Hand", "Reorder Point", "unitCost", "Unit Price",
             "Supplier", "Last Restocked", "Discontinued"]]
    products = [(c, f"{b} {n}") for c, (names, _, _) in cats.items() for n in names for b in brands]
    chosen = rng.sample(products, 210)
    sku = 10001
    for cat, name in chosen:
        lo, hi = cats[cat][1], cats[cat][2]
        cost = round(math.exp(rng.uniform(math.log(lo), math.log(hi))), 2)
        price = round(cost * rng.uniform(1.4, 2.3), 2) - 0.01
        supplier = pick(rng, suppliers)
        discontinued = rng.random() < 0.07
        popularity = rng.paretovariate(1.6)
        for wh in rng.sample(list(warehouses), rng.choices([1, 2, 3, 4], [0.15, 0.35, 0.3, 0.2])[0]):
            reorder = int(10 * popularity * warehouses[wh] * 4) + 5
            on_hand = 0 if rng.random() < 0.05 else int(reorder * rng.lognormvariate(0.5, 0.7))
            if discontinued:
                on_hand = on_hand // 4
            restocked = dt.date(2024, 1, 1) + dt.timedelta(days=int(365 * rng.random() ** 0.5))
            rows.append([f"SKU-{sku}", name, cat, wh, on_hand, reorder, cost, f"{price:.2f}",
                         "" if rng.random() < 0.01 else supplier, restocked.strftime("%m/%d/%Y"),
                         "TRUE" if discontinued else "FALSE"])
        sku += 1
    return rows


def invoices(rng: random.Random) -> list[list]:
    segments = {"SMB": (0.55, 3_000), "Mid-Market": (0.3, 11_000), "Enterprise": (0.15, 42_000)}
    companies = ["Acme Corp", "Globex", "Initech", "Umbrella Health", "Hooli", "Stark Industries", "Wayne Logistics",
                 "Wonka Foods", "Soylent Labs", "Tyrell Systems", "Cyberdyne", "Vandelay Imports", "Pied Piper",
                 "Massive Dynamic", "Oscorp", "Aperture Science", "Gringotts Bank", "Blue Sun", "Monarch Solutions",
                 "Nakatomi Trading", "Prestige Worldwide", "Dunder Mifflin", "Bluth Company", "Sterling Cooper",
                 "Los Pollos Hermanos", "Gekko & Co", "Krusty Krab", "Planet Express", "Virtucon", "Duff Brewing",
                 "Ollivanders", "Sirius Cybernetics", "Rekall", "Yoyodyne", "InGen", "Spacely Sprockets",
                 "Cogswell Cogs", "Zorg Industries", "Weyland Corp", "Oceanic Air"]
    seg_of = {c: rng.choices(list(segments), [v[0] for v in segments.values()])[0] for c in companies}
    weight = {c: 1 / (k + 1) ** 0.8 for k, c in enumerate(companies)}
    cats = {"Software Licenses": ("4000 Product Revenue", 0.3, 1.2), "Hardware": ("4000 Product Revenue", 0.12, 1.5),
            "Professional Services": ("4100 Service Revenue", 0.25, 1.0),
            "Training": ("4100 Service Revenue", 0.1, 0.35), "Support Plans": ("4200 Maintenance Revenue", 0.23, 0.6)}
    reps = ["Alice Moreno", "Brian Cho", "Chen Wu", "Dana Kapoor", "Evan Brooks", "Farah Haddad"]
    rows = [["Invoice No", "Invoice Date", "Due Date", "Customer", "Segment", "Category", "GL Account", "Sales Rep",
             "Terms", "Amount", "Tax", "Paid", "Payment Date", "Payment Method"]]
    last = dt.date(2024, 12, 31)
    seq: dict[int, int] = {}
    dates = sorted(dt.date(2022, 1, 3) + dt.timedelta(days=int(1093 * rng.random() ** 0.8)) for _ in range(1849))
    dates.append(last)
    for d in dates:
        cust = pick(rng, weight)
        cat = rng.choices(list(cats), [v[1] for v in cats.values()])[0]
        account, _, size = cats[cat]
        amount = round(segments[seg_of[cust]][1] * size * rng.lognormvariate(0, 0.6), 2)
        terms = rng.choice([30, 30, 45, 60])
        due = d + dt.timedelta(days=terms)
        age = (last - d).days
        paid = rng.random() < (0.97 if age > 120 else 0.75 if age > 45 else 0.3)
        pay_date = d + dt.timedelta(days=max(1, int(rng.gauss(terms * 0.9, 12)))) if paid else None
        if pay_date and pay_date > last:
            pay_date = last
        seq[d.year] = seq.get(d.year, 0) + 1
        rows.append([f"INV-{d.year}-{seq[d.year]:04d}", d.isoformat(), due.isoformat(), cust, seg_of[cust], cat,
                     account, rng.choice(reps), f"Net {terms}", money(amount),
                     round(amount * (0.0 if cat == "Support Plans" else 0.08), 2), "Yes" if paid else "No",
                     pay_date.isoformat() if pay_date else "",
                     pick(rng, {"ACH": 0.45, "Wire": 0.2, "Credit Card": 0.25, "Check": 0.1}) if paid else ""])
    return rows


def support_tickets(rng: random.Random) -> list[list]:
    agents = {"Maria Lopez": 1.3, "Tom Becker": 1.2, "Aisha Khan": 1.1, "Jonas Berg": 1.0, "Grace Kim": 1.0,
              "Pedro Alves": 0.9, "Nina Petrova": 0.8, "Sam Oduya": 0.8, "Lena Fischer": 0.6, "Raj Patel": 0.5}
    priority = {"Low": (0.34, 40), "Medium": (0.4, 24), "High": (0.19, 10), "Urgent": (0.07, 4)}
    rows = [["ticket_id", "created_at", "resolved_at", "priority", "status", "channel", "agent", "category",
             "satisfaction_score", "first_response_mins", "resolution_hours", "escalated"]]
    first, last = dt.datetime(2023, 1, 1), dt.datetime(2024, 12, 31, 23, 59)
    span = int((last - first).total_seconds() // 60)
    created = sorted(first + dt.timedelta(minutes=int(span * rng.random() ** 0.85)) for _ in range(2799))
    created.append(dt.datetime(2024, 12, 31, 16, 42))
    for i, c in enumerate(created):
        pr = rng.choices(list(priority), [v[0] for v in priority.values()])[0]
        channel = pick(rng, {"Email": 0.4, "Chat": 0.3, "Phone": 0.18, "Web Form": 0.12})
        category = pick(rng, {"Billing": 0.22, "Technical Issue": 0.34, "Account Access": 0.16, "Shipping": 0.14,
                              "Feature Request": 0.08, "Other": 0.06})
        hours = priority[pr][1] * rng.lognormvariate(0, 0.8) * (1.6 if category == "Technical Issue" else 1.0)
        resolved = c + dt.timedelta(minutes=int(hours * 60) + 5)
        closed = resolved <= last - dt.timedelta(hours=6) and rng.random() < 0.985
        agent = pick(rng, agents) if closed or rng.random() < 0.8 else ""
        csat = ""
        if closed and rng.random() < 0.55:
            csat = rng.choices([1, 2, 3, 4, 5], [0.06, 0.08, 0.16, 0.32, 0.38] if hours < 30 else
                               [0.18, 0.2, 0.25, 0.22, 0.15])[0]
        frm = int(max(1, rng.lognormvariate({"Chat": 1.2, "Phone": 0.8}.get(channel, 3.8), 0.7)))
        minutes = int((resolved - c).total_seconds() // 60)
        rows.append([f"TCK-{i + 1:06d}", c.strftime("%Y-%m-%d %H:%M:%S"),
                     resolved.strftime("%Y-%m-%d %H:%M:%S") if closed else "", pr, "Closed" if closed else "Open",
                     channel, agent, category, csat, frm, f"{minutes / 60:.1f}" if closed else "",
                     "true" if (pr in ("High", "Urgent") and rng.random() < 0.3) or rng.random() < 0.05 else "false"])
    return rows


def subscriptions(rng: random.Random) -> list[list]:
    plans = {"Starter": (0.45, 29, 1, 3), "Growth": (0.3, 79, 3, 10), "Pro": (0.18, 199, 5, 30),
             "Enterprise": (0.07, 899, 25, 200)}
    rows = [["customerId", "companyName", "signupDate", "plan", "billingCycle", "seats", "mrr", "country",
             "acquisitionChannel", "status", "churnDate", "onboardingCompleted"]]
    first, last = dt.date(2022, 7, 1), dt.date(2025, 6, 30)
    span = (last - first).days
    dates = sorted(first + dt.timedelta(days=int(span * rng.random() ** 0.75)) for _ in range(1449))
    dates.append(last)
    words = ["Blue", "Bright", "North", "Quant", "Data", "Cloud", "Green", "Swift", "Iron", "Silver", "Apex", "Nova"]
    nouns = ["Labs", "Works", "Analytics", "Studio", "Systems", "Partners", "Health", "Logistics", "Media", "Foods"]
    for i, d in enumerate(dates):
        plan = rng.choices(list(plans), [v[0] for v in plans.values()])[0]
        _, price, lo, hi = plans[plan]
        seats = rng.randint(lo, hi)
        cycle = "annual" if rng.random() < (0.55 if plan in ("Pro", "Enterprise") else 0.25) else "monthly"
        mrr = round(price * (seats if plan != "Starter" else 1) ** 0.7 * (0.85 if cycle == "annual" else 1.0), 2)
        age = (last - d).days
        if age < 14 and rng.random() < 0.8:
            status, churn = "trialing", ""
        else:
            hazard = {"Starter": 0.05, "Growth": 0.03, "Pro": 0.02, "Enterprise": 0.01}[plan] * (
                0.5 if cycle == "annual" else 1.0)
            months = int(rng.expovariate(hazard)) + 1
            end = d + dt.timedelta(days=30 * months)
            status, churn = ("churned", end.isoformat()) if end < last else ("active", "")
        rows.append([f"C{10001 + i}", f"{rng.choice(words)} {rng.choice(nouns)} {i % 97 + 1}", d.isoformat(), plan,
                     cycle, seats, f"{mrr:.2f}",
                     pick(rng, {"US": 0.42, "UK": 0.12, "Germany": 0.1, "France": 0.07, "Canada": 0.09,
                                "Australia": 0.06, "Netherlands": 0.05, "India": 0.09}),
                     pick(rng, {"organic": 0.35, "paid_search": 0.22, "referral": 0.15, "partner": 0.1,
                                "outbound": 0.1, "social": 0.08}),
                     status, churn, "" if rng.random() < 0.02 else rng.random() < 0.7])
    return rows


def retail_orders(rng: random.Random) -> list[list]:
    stores = {"Downtown": ("East", 1.4), "Harbor Point": ("East", 1.0), "Lakeside Mall": ("North", 1.2),
              "Maple Grove": ("North", 0.7), "Sunset Blvd": ("West", 1.3), "Desert Ridge": ("West", 0.6),
              "Magnolia": ("South", 0.9), "Online": ("Online", 2.2)}
    cats = {"Clothing": (["T-Shirt", "Jeans", "Sweater", "Dress", "Jacket"], 0.32, 45),
            "Footwear": (["Sneakers", "Boots", "Sandals", "Loafers"], 0.18, 85),
            "Accessories": (["Belt", "Scarf", "Sunglasses", "Handbag", "Watch"], 0.2, 40),
            "Home": (["Candle", "Throw Pillow", "Vase", "Picture Frame"], 0.16, 30),
            "Beauty": (["Lipstick", "Moisturizer", "Perfume", "Shampoo"], 0.14, 25)}
    carriers = {"UPS": (0.35, 3.2), "FedEx": (0.3, 2.8), "USPS": (0.25, 4.5), "DHL": (0.1, 5.5)}
    rows = [["Order ID", "Order Date", "Store", "Region", "Category", "Product", "Qty", "Unit Price", "Discount",
             "Sales", "Returned", "Return Reason", "Customer Type", "Payment Method", "Carrier", "Delivery Days"]]
    first = dt.date(2023, 1, 1)
    dates = [first + dt.timedelta(days=int(730 * rng.random() ** 0.9)) for _ in range(3399)]
    # the holiday rush: part of November and December moves to the first weeks of December
    dates = sorted(dt.date(d.year, 12, rng.randint(1, 24)) if d.month in (11, 12) and rng.random() < 0.3 else d
                   for d in dates) + [dt.date(2024, 12, 31)]
    for i, d in enumerate(dates):
        store = rng.choices(list(stores), [v[1] for v in stores.values()])[0]
        cat = rng.choices(list(cats), [v[1] for v in cats.values()])[0]
        names, _, price = cats[cat]
        product = rng.choice(names)
        unit = round(price * rng.uniform(0.6, 1.8), 0) - 0.01
        qty = rng.choices([1, 2, 3, 4, 5, 6], [0.5, 0.25, 0.12, 0.07, 0.04, 0.02])[0]
        disc = rng.choices([0, 10, 15, 20, 30], [0.6, 0.15, 0.1, 0.1, 0.05])[0]
        sales = round(qty * unit * (1 - disc / 100), 2)
        returned = rng.random() < (0.16 if store == "Online" else 0.06) * (1.5 if cat == "Footwear" else 1.0)
        reason = pick(rng, {"Wrong size": 0.4, "Damaged": 0.15, "Not as described": 0.2, "Changed mind": 0.25}) \
            if returned else ""
        online = store == "Online"
        carrier = pick(rng, {k: v[0] for k, v in carriers.items()}) if online else ""
        days = max(1, int(round(rng.gauss(carriers[carrier][1], 1.2)))) if online else ""
        rows.append([f"ORD-{50001 + i}", d.isoformat(), store, stores[store][0], cat, product, qty, f"{unit:.2f}",
                     f"{disc}%", f"{sales:.2f}", "Yes" if returned else "No", reason,
                     pick(rng, {"Member": 0.45, "Guest": 0.55}),
                     pick(rng, {"Credit Card": 0.5, "Debit Card": 0.25, "Cash": 0.0 if online else 0.15,
                                "Mobile Wallet": 0.1, "Gift Card": 0.05}), carrier, days])
    return rows


DATASETS = (("employees", employees, 11), ("web_analytics", web_analytics, 12), ("inventory", inventory, 13),
            ("invoices", invoices, 14), ("support_tickets", support_tickets, 15), ("subscriptions", subscriptions, 16),
            ("retail_orders", retail_orders, 17))


def main() -> None:
    DATA.mkdir(exist_ok=True)
    for name, fn, seed in DATASETS:
        with open(DATA / f"{name}.csv", "w", newline="") as f:
            csv.writer(f).writerows(fn(random.Random(seed)))


if __name__ == "__main__":
    main()
