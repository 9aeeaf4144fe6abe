"""Generate the conds practice set's two CSVs, deterministically (fixed seeds, no clock).

    python -m tests.analysis.practice.make_conds     # rewrites data/helpdesk_tickets.csv, data/site_sessions.csv

helpdesk_tickets.csv  help-desk export, 1400 tickets Jan 2024 – Jun 2025: "Ticket #", "Opened"/"Closed On"
                      timestamps (blank while open), Status Open/Pending/Resolved/Closed/Cancelled,
                      Priority Low/Normal/High/Urgent, "First Resp (min)", CSAT 1–5 with blanks,
                      Escalated Yes/No, Reopened true/false, "Refund ($)" 0 when none, Attachments 0–4
site_sessions.csv     web analytics export, 2400 sessions in 2024: snake_case, device, "source / medium",
                      country codes, bounced 1/0, converted Yes/No, revenue "$12.50" blank when none,
                      is_new_user TRUE/FALSE, cart_items 0–n, coupon_code blank when none

Both end on the last day of a month, so "last month" is unambiguous.
"""
from __future__ import annotations

import datetime as dt
import random

from tests.analysis.practice import write_tables

AGENTS = {"Maya Chen": 1.3, "Luis Ortega": 1.2, "Priya Nair": 1.1, "Ben Walsh": 1.0, "Sofia Rossi": 0.9,
          "Kwame Mensah": 0.8, "Hannah Lee": 0.6}


def pick(rng: random.Random, weighted: dict):
    return rng.choices(list(weighted), list(weighted.values()))[0]


def _ticket(rng: random.Random, i: int, opened: dt.datetime, last: dt.datetime) -> list:
    priority = pick(rng, {"Low": 0.3, "Normal": 0.42, "High": 0.2, "Urgent": 0.08})
    channel = pick(rng, {"Email": 0.38, "Chat": 0.3, "Phone": 0.2, "Web Form": 0.12})
    category = pick(rng, {"Billing": 0.24, "Technical": 0.32, "Account": 0.16, "Shipping": 0.16, "Returns": 0.12})
    hours = {"Low": 50, "Normal": 30, "High": 12, "Urgent": 5}[priority] * rng.lognormvariate(0, 0.7)
    closed_at = opened + dt.timedelta(minutes=int(hours * 60) + 7)
    if closed_at > last or rng.random() < 0.06:
        status = pick(rng, {"Open": 0.6, "Pending": 0.4})
    else:
        status = pick(rng, {"Resolved": 0.55, "Closed": 0.37, "Cancelled": 0.08})
    done = status in ("Resolved", "Closed", "Cancelled")
    csat = ""
    if status in ("Resolved", "Closed") and rng.random() < 0.6:
        csat = rng.choices([1, 2, 3, 4, 5], [0.05, 0.08, 0.17, 0.33, 0.37] if hours < 24 else
                           [0.16, 0.2, 0.26, 0.22, 0.16])[0]
    first_resp = int(max(1, rng.lognormvariate({"Chat": 1.0, "Phone": 0.7}.get(channel, 3.6), 0.6)))
    if priority == "Urgent":
        first_resp = max(1, first_resp // 3)
    escalated = (priority in ("High", "Urgent") and rng.random() < 0.3) or rng.random() < 0.05
    reopened = done and status != "Cancelled" and rng.random() < 0.09
    refund = round(rng.uniform(5, 250), 2) if category in ("Billing", "Returns") and rng.random() < 0.35 else 0
    attachments = rng.choices([0, 1, 2, 3, 4], [0.55, 0.25, 0.1, 0.06, 0.04])[0]
    return [f"HD-{10001 + i}", opened.strftime("%Y-%m-%d %H:%M"),
            closed_at.strftime("%Y-%m-%d %H:%M") if done else "", status, priority, channel, pick(rng, AGENTS),
            category, first_resp, csat, "Yes" if escalated else "No", "true" if reopened else "false",
            refund, attachments]


def helpdesk_tickets(rng: random.Random) -> list[list]:
    rows: list[list] = [["Ticket #", "Opened", "Closed On", "Status", "Priority", "Channel", "Agent", "Category",
                         "First Resp (min)", "CSAT", "Escalated", "Reopened", "Refund ($)", "Attachments"]]
    first, last = dt.datetime(2024, 1, 1), dt.datetime(2025, 6, 30, 23, 59)
    span = int((last - first).total_seconds() // 60)
    opened = sorted(first + dt.timedelta(minutes=int(span * rng.random() ** 0.9)) for _ in range(1399))
    opened.append(dt.datetime(2025, 6, 30, 15, 10))
    for i, o in enumerate(opened):
        rows.append(_ticket(rng, i, o, last))
    return rows


def _session(rng: random.Random, i: int, day: dt.date) -> list:
    device = pick(rng, {"desktop": 0.45, "mobile": 0.45, "tablet": 0.1})
    source = pick(rng, {"google / organic": 0.34, "google / cpc": 0.2, "(direct) / (none)": 0.2,
                        "newsletter / email": 0.12, "facebook / social": 0.14})
    country = pick(rng, {"US": 0.4, "GB": 0.15, "DE": 0.12, "FR": 0.1, "CA": 0.1, "IN": 0.13})
    bounced = rng.random() < (0.55 if device == "mobile" else 0.38)
    pages = 1 if bounced else rng.randint(2, 18)
    duration = rng.randint(3, 40) if bounced else int(pages * rng.uniform(15, 90))
    cart = 0 if bounced or rng.random() < 0.6 else rng.randint(1, 6)
    weekend = day.weekday() >= 5
    converted = cart > 0 and rng.random() < (0.6 if weekend else 0.45) * (0.7 if device == "mobile" else 1)
    revenue = f"${cart * rng.uniform(12, 70):,.2f}" if converted else ""
    coupon = pick(rng, {"SAVE10": 0.5, "WELCOME": 0.3, "FREESHIP": 0.2}) if converted and rng.random() < 0.3 else ""
    return [f"S{i + 1:06d}", day.isoformat(), device, source, country, pages, duration, int(bounced),
            "Yes" if converted else "No", revenue, "TRUE" if rng.random() < 0.42 else "FALSE", cart, coupon]


def site_sessions(rng: random.Random) -> list[list]:
    rows: list[list] = [["session_id", "session_date", "device", "source / medium", "country", "pages_viewed",
                         "duration_sec", "bounced", "converted", "revenue", "is_new_user", "cart_items",
                         "coupon_code"]]
    first = dt.date(2024, 1, 1)
    days = sorted(first + dt.timedelta(days=rng.randrange(366)) for _ in range(2399))
    days.append(dt.date(2024, 12, 31))
    for i, d in enumerate(days):
        rows.append(_session(rng, i, d))
    return rows


DATASETS = [("helpdesk_tickets", helpdesk_tickets, 4101), ("site_sessions", site_sessions, 4102)]


def main() -> None:
    write_tables(DATASETS)


if __name__ == "__main__":
    main()
