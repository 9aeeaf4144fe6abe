"""Generate the "people" practice set's three CSVs, deterministically (fixed seeds, no clock).

    python -m tests.analysis.practice.make_people   # rewrites data/rep_orders.csv, support_cases.csv,
                                                    # project_jobs.csv

rep_orders.csv     snake_case order export, 450 orders in 2024: order_id, order_dt, promised_dt, shipped_dt
                   (ISO dates), cust_name, country, rep_nm, product_line, units, order_total, discount_amt,
                   returned (Y/N)
support_cases.csv  a helpdesk, 500 cases Jan – Jun 2025: "Case ID", Agent, Team, Customer, Opened, Closed
                   (ISO dates, blank while open), Priority (High/Medium/Low), Channel, "First Response (min)",
                   "Target Response (min)", CSAT (1–5), Reopened (Yes/No)
project_jobs.csv   camelCase project list, one row per project (90): projectId, projectName, projectManager,
                   clientName, dept (ENG/MKT/OPS/FIN codes), startDate, dueDate, finishDate, budgetUsd,
                   actualCost, estHours, actualHours

rep_orders ends on 2024-12-31 and support_cases on 2025-06-30, so relative periods are unambiguous.
Each table has a person column (rep_nm, Agent, projectManager) and pairs of comparable columns (promised vs
shipped date, first response vs target, actual cost vs budget, actual vs estimated hours). Measures are
continuous so that a top-N has no ties at its cut.
"""
from __future__ import annotations

import datetime as dt
import random

from tests.analysis.practice import write_tables

REPS = {"Priya Nair": 1.4, "Tom Becker": 1.0, "Luis Gomez": 0.8, "Mei Lin": 1.2, "Sara Holt": 0.9,
        "Omar Aziz": 1.1}
COUNTRIES = {"USA": 3, "Canada": 2, "Germany": 2, "UK": 2, "Mexico": 1, "Japan": 1}
CUSTOMERS = ["Acme Corp", "Birch & Co", "Cobalt Labs", "Delta Foods", "Evergreen Ltd", "Fjord AS", "Granite Inc",
             "Harbor LLC", "Ivy Partners", "Juniper Co", "Kestrel Ltd", "Lumen Retail", "Monarch Group",
             "Nimbus Tech", "Orchid Spa", "Pioneer Tools"]
LINES = {"Hardware": 180.0, "Software": 95.0, "Services": 240.0}
AGENTS = {"Alex Kim": ("Tier 1", 1.0), "Bea Lopez": ("Tier 1", 1.3), "Carl Dunn": ("Tier 1", 0.8),
          "Dina Shah": ("Tier 2", 1.6), "Eric Moe": ("Tier 2", 1.1), "Fay Ortiz": ("Tier 2", 0.9)}
PRIORITY = {"High": (60, 2), "Medium": (240, 5), "Low": (480, 9)}
MANAGERS = ["Grace Hall", "Ivan Petrov", "June Park", "Kofi Mensah", "Lena Vogel"]
DEPTS = {"ENG": 1.3, "MKT": 0.8, "OPS": 1.0, "FIN": 0.6}
CLIENTS = ["Northwind", "Contoso", "Globex", "Initech", "Umbrella", "Stark Ind", "Wayne Ent"]
WORDS = ["Atlas", "Beacon", "Comet", "Drift", "Ember", "Falcon", "Glacier", "Harbor", "Iris", "Jade"]
KINDS = ["Migration", "Rollout", "Audit", "Redesign", "Launch", "Upgrade", "Pilot", "Review", "Cleanup"]


def _orders(rnd: random.Random) -> list[list]:
    rows: list[list] = [["order_id", "order_dt", "promised_dt", "shipped_dt", "cust_name", "country", "rep_nm",
                         "product_line", "units", "order_total", "discount_amt", "returned"]]
    countries = [c for c, w in COUNTRIES.items() for _ in range(w)]
    for i in range(450):
        rep = rnd.choice(list(REPS))
        line = rnd.choice(list(LINES))
        # the first order is on the year's last day, so the data ends on the last day of a quarter
        ordered = dt.date(2024, 12, 31) if i == 0 else dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(366))
        promised = ordered + dt.timedelta(days=rnd.choice([3, 5, 7, 10]))
        shipped = ordered + dt.timedelta(days=rnd.randint(1, 12))
        units = rnd.randint(1, 40)
        total = round(units * LINES[line] * rnd.uniform(0.8, 1.2) * REPS[rep], 2)
        discount = round(total * rnd.choice([0, 0, 0.05, 0.1, 0.15]) * rnd.uniform(0.9, 1.1), 2)
        rows.append([f"ORD-{1001 + i}", ordered.isoformat(), promised.isoformat(), shipped.isoformat(),
                     rnd.choice(CUSTOMERS), rnd.choice(countries), rep, line, units, total, discount,
                     "Y" if rnd.random() < 0.06 * REPS[rep] else "N"])
    return rows


def _cases(rnd: random.Random) -> list[list]:
    rows: list[list] = [["Case ID", "Agent", "Team", "Customer", "Opened", "Closed", "Priority", "Channel",
                         "First Response (min)", "Target Response (min)", "CSAT", "Reopened"]]
    for i in range(500):
        agent = rnd.choice(list(AGENTS))
        team, slowness = AGENTS[agent]
        prio = rnd.choice(list(PRIORITY))
        target, days = PRIORITY[prio]
        opened = dt.date(2025, 1, 1) + dt.timedelta(days=rnd.randrange(181))
        closed = opened + dt.timedelta(days=int(rnd.uniform(0.2, 2.0) * days * slowness))
        still_open = closed > dt.date(2025, 6, 30) or rnd.random() < 0.07
        response = round(target * rnd.uniform(0.3, 1.5) * slowness, 1)
        csat = max(1, min(5, round(rnd.gauss(4.4 - slowness, 0.8))))
        rows.append([f"CS-{5001 + i}", agent, team, rnd.choice(CUSTOMERS[:10]), opened.isoformat(),
                     "" if still_open else closed.isoformat(), prio, rnd.choice(["Email", "Phone", "Chat"]),
                     response, target, "" if still_open else csat,
                     "Yes" if rnd.random() < 0.05 * slowness else "No"])
    return rows


def _projects(rnd: random.Random) -> list[list]:
    rows: list[list] = [["projectId", "projectName", "projectManager", "clientName", "dept", "startDate",
                         "dueDate", "finishDate", "budgetUsd", "actualCost", "estHours", "actualHours"]]
    names = rnd.sample([f"{w} {k}" for w in WORDS for k in KINDS], 90)
    for i, name in enumerate(names):
        dept = rnd.choice(list(DEPTS))
        start = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(300))
        planned = rnd.randint(20, 120)
        due = start + dt.timedelta(days=planned)
        finish = start + dt.timedelta(days=int(planned * rnd.uniform(0.8, 1.35)))
        budget = round(rnd.uniform(20000, 150000) * DEPTS[dept], -2)
        est = rnd.choice([80, 120, 200, 320, 500])
        rows.append([f"PRJ-{201 + i}", name, rnd.choice(MANAGERS), rnd.choice(CLIENTS), dept, start.isoformat(),
                     due.isoformat(), finish.isoformat(), budget, round(budget * rnd.uniform(0.75, 1.3), 2), est,
                     round(est * rnd.uniform(0.7, 1.5), 1)])
    return rows


def main() -> None:
    write_tables([("rep_orders", _orders, 41), ("support_cases", _cases, 42), ("project_jobs", _projects, 43)])


if __name__ == "__main__":
    main()
