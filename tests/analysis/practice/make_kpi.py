"""Generate the kpi practice set's three CSVs, deterministically (fixed seeds, no clock).

    python -m tests.analysis.practice.make_kpi     # rewrites data/charity_donations.csv, data/music_plays.csv,
                                                  # data/parking_sessions.csv

charity_donations.csv  CRM export, 1500 gifts Jan 2024 – Jun 2025: "Gift #", "Date Received" as US dates
                       (MM/DD/YYYY), "Donor", "Campaign", "Channel", "Amt (USD)" as "$1,234.00" text,
                       "Is Member" Y/N, "Recurring" 1/0, "Anonymous" Yes/No, "State", "Refunded" TRUE/FALSE
music_plays.csv        streaming log, 3000 plays Jan – Jun 2025: snake_case, played_at timestamps, artist, track,
                       genre, ms_played, explicit 1/0, skipped true/false, platform, premium_user Yes/No, country
parking_sessions.csv   garage export, 2000 sessions Jan – Jun 2025: "Ticket No", "Entry Time" as US date-times,
                       "Level", "Vehicle Type", "Duration (min)", "Fee" "$12.50" text, "Validated" Y/N,
                       "Monthly Pass" 1/0, "Payment Method", "EV Charging" Yes/No

Each ends on the last day of a month, so "last month" is unambiguous.
"""
from __future__ import annotations

import datetime as dt
import random

from tests.analysis.practice import write_tables

FIRST = ["Ann", "Bill", "Carla", "Dev", "Elena", "Frank", "Grace", "Hiro", "Ines", "Jon", "Kate", "Liam", "Mona",
         "Nate", "Olga", "Pete", "Rosa", "Sam", "Tara", "Umar"]
LAST = ["Adams", "Baker", "Cruz", "Diaz", "Evans", "Fox", "Gupta", "Hill", "Ito", "Jones"]
ARTISTS = {"Nova Lane": ("Pop", 1.6), "The Drift": ("Rock", 1.1), "DJ Koto": ("Electronic", 1.3),
           "Mara Sol": ("Latin", 0.9), "Big Jules": ("Hip-Hop", 1.5), "Eastbound": ("Rock", 0.7),
           "Lumen": ("Electronic", 0.6), "Ivy Reed": ("Folk", 0.5), "K-Rhyme": ("Hip-Hop", 1.0),
           "Sunny Vega": ("Pop", 1.2), "Oslo Quartet": ("Classical", 0.3), "Blue Harbor": ("Jazz", 0.4)}


def pick(rng: random.Random, weighted: dict):
    return rng.choices(list(weighted), list(weighted.values()))[0]


def _days(rng: random.Random, first: dt.date, last: dt.date, n: int) -> list[dt.date]:
    span = (last - first).days + 1
    days = sorted(first + dt.timedelta(days=rng.randrange(span)) for _ in range(n - 1))
    return days + [last]


def charity_donations(rng: random.Random) -> list[list]:
    rows: list[list] = [["Gift #", "Date Received", "Donor", "Campaign", "Channel", "Amt (USD)", "Is Member",
                         "Recurring", "Anonymous", "State", "Refunded"]]
    donors = [f"{f} {la}" for f in FIRST for la in LAST]
    members = set(rng.sample(donors, 70))
    recurring = set(rng.sample(donors, 45))
    for i, day in enumerate(_days(rng, dt.date(2024, 1, 1), dt.date(2025, 6, 30), 1500)):
        donor = rng.choice(donors[:120]) if rng.random() < 0.7 else rng.choice(donors)
        rec = donor in recurring and rng.random() < 0.8
        month = day.month
        campaign = ("Giving Tuesday" if month in (11, 12) and rng.random() < 0.5 else
                    pick(rng, {"Spring Appeal": 0.3, "Annual Gala": 0.15, "General Fund": 0.4, "Scholarships": 0.15}))
        channel = "Event" if campaign == "Annual Gala" else pick(rng, {"Online": 0.6, "Check": 0.25, "Cash": 0.15})
        amount = 25 if rec else round(rng.lognormvariate(4.3, 1.0) * (2.5 if campaign == "Annual Gala" else 1), 2)
        rows.append([f"G-{5001 + i}", day.strftime("%m/%d/%Y"), donor, campaign, channel, f"${amount:,.2f}",
                     "Y" if donor in members else "N", int(rec), "Yes" if rng.random() < 0.08 else "No",
                     pick(rng, {"NY": 0.3, "CA": 0.25, "TX": 0.2, "IL": 0.15, "WA": 0.1}),
                     "TRUE" if rng.random() < 0.03 else "FALSE"])
    return rows


def music_plays(rng: random.Random) -> list[list]:
    rows: list[list] = [["play_id", "played_at", "user_id", "artist", "track", "genre", "ms_played", "explicit",
                         "skipped", "platform", "premium_user", "country"]]
    weights = {a: w for a, (_, w) in ARTISTS.items()}
    premium = {u: rng.random() < 0.4 for u in range(1, 301)}
    for i, day in enumerate(_days(rng, dt.date(2025, 1, 1), dt.date(2025, 6, 30), 3000)):
        artist = pick(rng, weights)
        genre = ARTISTS[artist][0]
        user = rng.randint(1, 300)
        skipped = rng.random() < (0.35 if genre in ("Hip-Hop", "Pop") else 0.2)
        length = rng.randint(150_000, 320_000) if genre != "Classical" else rng.randint(300_000, 700_000)
        ms = rng.randint(5_000, 40_000) if skipped else length
        explicit = genre == "Hip-Hop" and rng.random() < 0.7 or genre in ("Pop", "Rock") and rng.random() < 0.15
        at = dt.datetime.combine(day, dt.time(rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)))
        rows.append([f"p{100000 + i}", at.strftime("%Y-%m-%d %H:%M:%S"), f"u{user:04d}", artist,
                     f"{artist.split()[0]} Track {rng.randint(1, 8)}", genre, ms, int(explicit),
                     "true" if skipped else "false", pick(rng, {"iOS": 0.4, "Android": 0.35, "Web": 0.1,
                                                               "Desktop": 0.15}),
                     "Yes" if premium[user] else "No", pick(rng, {"US": 0.45, "BR": 0.2, "UK": 0.2, "JP": 0.15})])
    return rows


def parking_sessions(rng: random.Random) -> list[list]:
    rows: list[list] = [["Ticket No", "Entry Time", "Level", "Vehicle Type", "Duration (min)", "Fee", "Validated",
                         "Monthly Pass", "Payment Method", "EV Charging"]]
    for i, day in enumerate(_days(rng, dt.date(2025, 1, 1), dt.date(2025, 6, 30), 2000)):
        weekend = day.weekday() >= 5
        vehicle = pick(rng, {"Car": 0.55, "SUV": 0.25, "Motorcycle": 0.07, "EV": 0.13})
        level = pick(rng, {"P1": 0.35, "P2": 0.3, "P3": 0.22, "Roof": 0.13})
        minutes = int(rng.lognormvariate(4.6 if weekend else 5.0, 0.7)) + 5
        pass_ = rng.random() < 0.2
        validated = not pass_ and rng.random() < 0.25
        fee = 0.0 if pass_ or validated else round(min(40.0, 3.0 + minutes / 60 * 4.5), 2)
        payment = "Pass" if pass_ else pick(rng, {"Card": 0.6, "Cash": 0.15, "App": 0.25})
        entry = dt.datetime.combine(day, dt.time(rng.randint(6, 21), rng.choice([0, 15, 30, 45])))
        rows.append([f"T{70001 + i}", entry.strftime("%m/%d/%Y %H:%M"), level, vehicle, minutes, f"${fee:,.2f}",
                     "Y" if validated else "N", int(pass_), payment,
                     "Yes" if vehicle == "EV" and rng.random() < 0.7 else "No"])
    return rows


DATASETS = [("charity_donations", charity_donations, 5101), ("music_plays", music_plays, 5102),
            ("parking_sessions", parking_sessions, 5103)]


def main() -> None:
    write_tables(DATASETS)


if __name__ == "__main__":
    main()
