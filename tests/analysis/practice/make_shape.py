"""Generate the "shape" practice set's two CSVs, deterministically (fixed seed, no clock).

    python -m tests.analysis.practice.make_shape     # rewrites data/expenses.csv, data/saas_subscriptions.csv

expenses.csv            company expense claims 2023–2024: "Expense ID" EXP-00001…, "Date" (ISO),
                        Department, Category, Vendor, "Amount" as "$1,234.50", Approved Yes/No,
                        "Payment Method", Employee (1400 rows; the last date is 2024-12-31)
saas_subscriptions.csv  SaaS accounts: account_id, signup_date (2022–2024), plan, region, seats, MRR,
                        churned true/false, churn_date (blank unless churned), trial 1/0, sales_rep
                        (900 rows)
"""
from __future__ import annotations

import datetime as dt
import random

from tests.analysis.practice import write_tables

PEOPLE = ["Ana Ruiz", "Ben Okafor", "Chloe Martin", "Dev Patel", "Elena Rossi", "Farid Haddad", "Grace Kim",
          "Hugo Laurent", "Ines Costa", "Jack Byrne", "Kira Sato", "Liam Walsh", "Maya Cohen", "Nils Berg",
          "Olga Petrova", "Pablo Ortiz", "Quinn Reyes", "Rosa Diaz", "Sam Lee", "Tara Singh", "Umar Shah",
          "Vera Novak", "Will Grant", "Yara Haddad"]
DEPTS = {"Engineering": 0.26, "Sales": 0.22, "Marketing": 0.18, "Operations": 0.14, "Finance": 0.1, "HR": 0.1}
CATEGORIES = {"Travel": 0.25, "Software": 0.2, "Meals": 0.2, "Office Supplies": 0.15, "Training": 0.1,
              "Equipment": 0.1}
BASE = {"Travel": 820, "Software": 450, "Meals": 85, "Office Supplies": 140, "Training": 900, "Equipment": 1600}
VENDORS = {"Travel": ["Delta Air Lines", "Marriott", "Uber", "Hertz"],
           "Software": ["Atlassian", "Adobe", "Slack", "AWS"],
           "Meals": ["Sweetgreen", "Starbucks", "Local Bistro"],
           "Office Supplies": ["Staples", "Amazon Business"],
           "Training": ["Coursera", "O'Reilly", "Udemy"],
           "Equipment": ["Dell", "Apple", "Amazon Business"]}
METHODS = {"Corporate Card": 0.55, "Reimbursement": 0.3, "Invoice": 0.15}


def pick(rng: random.Random, weighted: dict):
    return rng.choices(list(weighted), list(weighted.values()))[0]


def expenses(rng: random.Random) -> list[list]:
    staff = {d: rng.sample(PEOPLE, 5) for d in DEPTS}
    start = dt.date(2023, 1, 1)
    rows = []
    for i in range(1, 1401):
        day = start + dt.timedelta(days=rng.randrange(731))
        dept, cat = pick(rng, DEPTS), pick(rng, CATEGORIES)
        amount = round(BASE[cat] * rng.lognormvariate(0, 0.55) * (1.15 if day.year == 2024 else 1.0), 2)
        approved = "No" if rng.random() < (0.18 if amount > 1500 else 0.07) else "Yes"
        rows.append([f"EXP-{i:05d}", day.isoformat(), dept, cat, rng.choice(VENDORS[cat]), f"${amount:,.2f}",
                     approved, pick(rng, METHODS), rng.choice(staff[dept])])
    rows.sort(key=lambda r: r[1])
    rows[-1][1] = "2024-12-31"
    return [["Expense ID", "Date", "Department", "Category", "Vendor", "Amount", "Approved", "Payment Method",
             "Employee"]] + rows


PLANS = {"Starter": (0.45, 29, 3), "Growth": (0.35, 24, 12), "Enterprise": (0.2, 19, 60)}  # share, $/seat, seats
REGIONS = {"North America": 0.42, "EMEA": 0.33, "APAC": 0.17, "LATAM": 0.08}
REPS = ["Alex Moreno", "Bea Schultz", "Chris Ng", "Dana Wolfe", "Eli Brandt", "Fay Osei"]


def subscriptions(rng: random.Random) -> list[list]:
    start = dt.date(2022, 1, 1)
    rows = []
    for i in range(1, 901):
        signup = start + dt.timedelta(days=rng.randrange(1096))
        plan = pick(rng, {p: v[0] for p, v in PLANS.items()})
        _, price, typical = PLANS[plan]
        seats = max(1, round(typical * rng.lognormvariate(0, 0.5)))
        mrr = round(seats * price * rng.uniform(0.85, 1.0), 2)
        churn_p = {"Starter": 0.32, "Growth": 0.2, "Enterprise": 0.1}[plan]
        churned = rng.random() < churn_p
        churn_date = ""
        if churned:
            left = signup + dt.timedelta(days=rng.randrange(30, 700))
            churned = left <= dt.date(2024, 12, 31)
            churn_date = left.isoformat() if churned else ""
        trial = 1 if rng.random() < (0.6 if plan == "Starter" else 0.35) else 0
        rows.append([f"ACC-{i:04d}", signup.isoformat(), plan, pick(rng, REGIONS), seats, mrr,
                     "true" if churned else "false", churn_date, trial, rng.choice(REPS)])
    rows.sort(key=lambda r: r[1])
    return [["account_id", "signup_date", "plan", "region", "seats", "MRR", "churned", "churn_date", "trial",
             "sales_rep"]] + rows


def main() -> None:
    write_tables((("expenses", expenses, 61), ("saas_subscriptions", subscriptions, 62)))


if __name__ == "__main__":
    main()
