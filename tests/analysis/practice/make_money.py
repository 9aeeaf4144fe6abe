"""Generate the money practice set's three CSVs, deterministically (fixed seeds, no clock).

    python -m tests.analysis.practice.make_money   # rewrites data/bank_ledger.csv, member_txns.csv,
                                                   # help_calls.csv

bank_ledger.csv  a small firm's bank export, 2024: Date (ISO), Description, Category, Amount (signed: negative
                 is money out), Balance (running)
member_txns.csv  a credit union's teller/ATM/app log, Jan – Jun 2025: "Txn ID", "Txn Date" (ISO), "Member ID",
                 Branch, Type (Deposit / Withdrawal), Channel (Teller / ATM / Online / Mobile), Amount (positive)
help_calls.csv   a help desk's contacts, Oct – Dec 2024: "Call ID", "Call Date" (ISO), Channel (Phone / Email /
                 Chat), Team, Agent, "Talk Time (min)", "Hours to Resolve", Refunded (Yes/No), "Refund Amount"
                 (0 when not refunded), CSAT (1–5)

Each ends on the last day of a month, so relative periods are unambiguous.
"""
from __future__ import annotations

import datetime as dt
import random

from tests.analysis.practice import write_tables

VENDORS = {"Supplies": ["Staples", "Office Depot", "Uline"], "Software": ["Adobe", "Slack", "AWS"],
           "Travel": ["Delta Air Lines", "Marriott", "Uber"], "Bank Fees": ["Monthly service fee", "Wire fee"]}
BRANCHES = {"Downtown": 1.4, "Eastside": 1.0, "Airport": 0.6, "Mall": 0.9}
CHANNELS = {"Teller": 0.3, "ATM": 0.3, "Online": 0.2, "Mobile": 0.2}
AGENTS = {"Billing": ["Rosa Park", "Tom Hale"], "Tech": ["Ivy Chen", "Omar Nasser", "Lena Fox"],
          "Sales": ["Max Ortiz", "Jo Bell"]}


def _ledger_entries(rnd: random.Random) -> list[tuple[dt.date, str, str, float]]:
    """Every transaction of 2024, unsorted: fixed monthly bills, payroll twice a month, payments, spend."""
    out: list[tuple[dt.date, str, str, float]] = []
    for month in range(1, 13):
        first = dt.date(2024, month, 1)
        out.append((first, "Landlord LLC", "Rent", -4200.0))
        out.append((first + dt.timedelta(days=9), "City Power & Light", "Utilities",
                    -round(rnd.uniform(380, 720), 2)))
        for day in (14, 27):
            out.append((dt.date(2024, month, day), "Gusto payroll", "Payroll", -round(rnd.uniform(17000, 19500), 2)))
        out.append((dt.date(2024, month, 28), "Interest earned", "Interest", round(rnd.uniform(8, 40), 2)))
        for _ in range(rnd.randint(14, 20)):
            day = first + dt.timedelta(days=rnd.randrange(28))
            out.append((day, rnd.choice(["Stripe payout", "Check deposit", "ACH customer payment"]),
                        "Customer Payment", round(rnd.uniform(900, 9000), 2)))
        for category, (lo, hi, n) in {"Supplies": (40, 900, 4), "Software": (30, 600, 3), "Travel": (80, 1800, 2),
                                      "Bank Fees": (5, 45, 1)}.items():
            for _ in range(rnd.randint(1, n)):
                out.append((first + dt.timedelta(days=rnd.randrange(28)), rnd.choice(VENDORS[category]), category,
                            -round(rnd.uniform(lo, hi), 2)))
        if rnd.random() < 0.6:
            out.append((first + dt.timedelta(days=rnd.randrange(28)), "Customer refund", "Refund",
                        -round(rnd.uniform(100, 1500), 2)))
    return out


def _ledger(rnd: random.Random) -> list[list]:
    rows: list[list] = [["Date", "Description", "Category", "Amount", "Balance"]]
    balance = 25000.0
    for day, desc, category, amount in sorted(_ledger_entries(rnd)):
        balance = round(balance + amount, 2)
        rows.append([day.isoformat(), desc, category, amount, balance])
    return rows


def _members(rnd: random.Random) -> list[list]:
    rows: list[list] = [["Txn ID", "Txn Date", "Member ID", "Branch", "Type", "Channel", "Amount"]]
    start = dt.date(2025, 1, 1)
    for i in range(900):
        day = start + dt.timedelta(days=rnd.randrange(181))
        branch = rnd.choices(list(BRANCHES), weights=list(BRANCHES.values()))[0]
        channel = rnd.choices(list(CHANNELS), weights=list(CHANNELS.values()))[0]
        kind = "Deposit" if rnd.random() < 0.45 else "Withdrawal"
        if channel == "ATM":
            amount = float(rnd.choice([20, 40, 60, 100, 200, 300, 500]))
        else:
            amount = round(rnd.uniform(25, 2500) * BRANCHES[branch], 2)
        rows.append([f"X{i + 1:05d}", day.isoformat(), f"M{rnd.randint(100, 399)}", branch, kind, channel, amount])
    return rows


def _calls(rnd: random.Random) -> list[list]:
    rows: list[list] = [["Call ID", "Call Date", "Channel", "Team", "Agent", "Talk Time (min)", "Hours to Resolve",
                         "Refunded", "Refund Amount", "CSAT"]]
    start = dt.date(2024, 10, 1)
    for i in range(700):
        team = rnd.choice(list(AGENTS))
        channel = rnd.choices(["Phone", "Email", "Chat"], weights=[5, 3, 2])[0]
        talk = round(rnd.uniform(2, 35) * (1.5 if team == "Tech" else 1.0), 1)
        hours = round(rnd.uniform(0.5, 96) * (0.5 if channel == "Phone" else 1), 1)
        refunded = rnd.random() < (0.25 if team == "Billing" else 0.06)
        rows.append([f"C{i + 1:05d}", (start + dt.timedelta(days=rnd.randrange(92))).isoformat(), channel, team,
                     rnd.choice(AGENTS[team]), talk, hours,
                     "Yes" if refunded else "No", round(rnd.uniform(15, 400), 2) if refunded else 0,
                     rnd.choices([1, 2, 3, 4, 5], weights=[1, 1, 2, 4, 4])[0]])
    return rows


def main() -> None:
    write_tables([("bank_ledger", _ledger, 61), ("member_txns", _members, 62), ("help_calls", _calls, 63)])


if __name__ == "__main__":
    main()
