"""Generate the "split" practice set's two CSVs, deterministically (fixed seed, no clock).

    python -m tests.analysis.practice.make_split     # rewrites data/ad_campaigns.csv, data/timesheets.csv

ad_campaigns.csv  daily ad results for 2024, one row per day × channel × market: Date (ISO), Channel
                  (Email, Paid Search, Paid Social, Display), Market (US, UK), Campaign, Impressions,
                  Clicks, "Spend ($)", Conversions, Revenue, Promo Y/N (2928 rows)
timesheets.csv    weekly timesheet entries of 2024: "Entry #", "Week Of" (ISO Monday), Employee, Gender
                  (F/M), Dept, Project, Hours, "OT Hours", "Rate/hr", Billable (Yes/No), Submitted,
                  "Approved On" (ISO; blank when not yet approved) (1600 rows)
"""
from __future__ import annotations

import datetime as dt
import random

from tests.analysis.practice import write_tables

CHANNELS = {"Email": (0.004, 0.06, 0.08, 0.03), "Paid Search": (0.03, 0.9, 1.2, 0.045),
            "Paid Social": (0.012, 0.55, 0.9, 0.02), "Display": (0.003, 0.35, 0.5, 0.012)}  # ctr, cpc, ±, cvr
MARKETS = {"US": 1.0, "UK": 0.45}
CAMPAIGNS = ["New Year Sale", "Spring Launch", "Summer Push", "Back to School", "Black Friday", "Holiday Gifts"]


def campaign(day: dt.date) -> str:
    if day.month == 11:
        return "Black Friday"
    if day.month == 12:
        return "Holiday Gifts"
    return CAMPAIGNS[min((day.month - 1) // 2, 3)]


def ads(rng: random.Random) -> list[list]:
    rows = []
    day = dt.date(2024, 1, 1)
    while day.year == 2024:
        season = 1.0 + (0.5 if day.month in (11, 12) else 0.0) + (0.1 if day.weekday() < 5 else -0.15)
        for channel, (ctr, cpc, spread, cvr) in CHANNELS.items():
            for market, size in MARKETS.items():
                impressions = int(rng.uniform(8000, 30000) * size * season)
                clicks = max(1, int(impressions * ctr * rng.uniform(0.7, 1.3)))
                spend = round(clicks * rng.uniform(cpc, cpc + spread), 2)
                conversions = sum(1 for _ in range(clicks) if rng.random() < cvr)
                revenue = round(sum(rng.uniform(25, 140) for _ in range(conversions)), 2)
                promo = "Y" if rng.random() < (0.5 if day.month in (11, 12) else 0.15) else "N"
                rows.append([day.isoformat(), channel, market, campaign(day), impressions, clicks, spend,
                             conversions, revenue, promo])
        day += dt.timedelta(days=1)
    return [["Date", "Channel", "Market", "Campaign", "Impressions", "Clicks", "Spend ($)", "Conversions",
             "Revenue", "Promo"]] + rows


STAFF = [("Amara Okoye", "F"), ("Ben Carter", "M"), ("Chen Wei", "M"), ("Diana Lopez", "F"), ("Erik Larsen", "M"),
         ("Fatima Noor", "F"), ("George Adams", "M"), ("Hana Suzuki", "F"), ("Ivan Petrov", "M"),
         ("Julia Souza", "F"), ("Kofi Mensah", "M"), ("Lena Fischer", "F"), ("Marco Bianchi", "M"),
         ("Nora Haddad", "F"), ("Omar Farouk", "M"), ("Priya Nair", "F")]
DEPTS = ["Engineering", "Design", "Consulting", "Support"]
RATES = {"Engineering": 78, "Design": 64, "Consulting": 92, "Support": 41}
PROJECTS = ["Apollo", "Borealis", "Cascade", "Delta Migration", "Internal"]


def timesheets(rng: random.Random) -> list[list]:
    dept_of = {name: DEPTS[i % 4] for i, (name, _) in enumerate(STAFF)}
    rows = []
    for i in range(1, 1601):
        name, gender = rng.choice(STAFF)
        dept = dept_of[name]
        week = dt.date(2024, 1, 1) + dt.timedelta(weeks=rng.randrange(52))
        project = rng.choice(PROJECTS)
        hours = round(rng.uniform(4, 40) * 2) / 2
        overtime = round(max(0.0, rng.gauss(1.5 if dept == "Consulting" else 0.6, 2.0)) * 2) / 2
        rate = round(RATES[dept] * (1.06 if gender == "M" else 1.0) * rng.uniform(0.85, 1.2), 2)
        billable = "No" if project == "Internal" or rng.random() < 0.12 else "Yes"
        submitted = week + dt.timedelta(days=4 + rng.randrange(6))
        slowest = 9 if dept != "Support" else 15
        approved = "" if rng.random() < 0.07 else (submitted + dt.timedelta(days=rng.randrange(0, slowest))).isoformat()
        rows.append([f"TS-{i:05d}", week.isoformat(), name, gender, dept, project, hours, overtime, rate, billable,
                     submitted.isoformat(), approved])
    rows.sort(key=lambda r: (r[1], r[0]))
    return [["Entry #", "Week Of", "Employee", "Gender", "Dept", "Project", "Hours", "OT Hours", "Rate/hr",
             "Billable", "Submitted", "Approved On"]] + rows


def main() -> None:
    write_tables([("ad_campaigns", ads, 1106), ("timesheets", timesheets, 1107)])


if __name__ == "__main__":
    main()
