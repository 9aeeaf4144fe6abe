"""Generate the ranks2 practice set's three CSVs, deterministically (fixed seeds, no clock).

    python -m tests.analysis.practice.make_ranks2   # rewrites data/ranks2_car_rentals.csv,
                                                    # ranks2_dish_sales.csv, ranks2_deals.csv

ranks2_car_rentals.csv  rental agreements Jul 2024 – Jun 2025: "Agreement No", Branch, "Car Class", Model,
                        Customer, "Pickup Date" (ISO), Days, "Daily Rate", Charge, Miles, Damage (Yes/No),
                        Rating (1–5, blank when not rated)
ranks2_dish_sales.csv   one row per restaurant location, dish and day, Jan – Jun 2025: Date, Location,
                        Dish, Course, Portions, "Menu Price", Revenue, "Food Cost", Wasted, "Prep Min"
ranks2_deals.csv        a sales pipeline export, 2024 – 2025: "Deal ID", Rep, Team, Region, Plan, Status
                        (Won / Lost / Open), "Created", "Close Date" (blank while open), Amount,
                        "Days to Close" (blank while open), Discount

Each ends on the last day of a month, so relative periods are unambiguous.
"""
from __future__ import annotations

import datetime as dt
import random

from tests.analysis.practice import write_tables

BRANCHES = {"Airport": 1.6, "Downtown": 1.2, "Harbor": 0.8, "Uptown": 1.0, "Westgate": 0.6, "Eastfield": 0.9}
CLASSES = {"Economy": (32.0, ["Yaris", "Rio"]), "Compact": (41.0, ["Corolla", "Civic"]),
           "SUV": (68.0, ["RAV4", "CR-V", "Tucson"]), "Luxury": (115.0, ["BMW 5", "E-Class"]),
           "Van": (84.0, ["Transit", "Sienna"])}
CLASS_WEIGHT = {"Economy": 5, "Compact": 6, "SUV": 4, "Luxury": 1, "Van": 2}
FIRST = ["Alice", "Bruno", "Carla", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kemi", "Liam",
         "Mona", "Nils", "Olga", "Pavel", "Quinn", "Rosa", "Sami", "Tara"]
LAST = ["Berg", "Costa", "Diaz", "Evans", "Fox", "Gill"]
DISHES = {"Tomato Soup": ("Starter", 6.5, 4), "Calamari": ("Starter", 9.0, 9), "Caesar Salad": ("Starter", 8.0, 6),
          "Burger": ("Main", 14.0, 12), "Ribeye": ("Main", 29.0, 18), "Salmon": ("Main", 22.0, 15),
          "Mushroom Risotto": ("Main", 17.0, 22), "Fish Tacos": ("Main", 15.5, 11),
          "Cheesecake": ("Dessert", 7.5, 3), "Tiramisu": ("Dessert", 8.0, 5), "Apple Pie": ("Dessert", 6.0, 7),
          "Lemonade": ("Drink", 3.5, 2), "Iced Tea": ("Drink", 3.0, 1), "Espresso": ("Drink", 2.8, 2)}
LOCATIONS = {"Riverside": 1.3, "Old Town": 1.0, "Mall": 0.8, "Airport": 0.6}
REPS = {"Ava Stone": "Hunters", "Ben Okafor": "Hunters", "Cara Lind": "Hunters", "Dan Ruiz": "Hunters",
        "Eve Marsh": "Farmers", "Finn Hale": "Farmers", "Gia Patel": "Farmers", "Hal Moreno": "Farmers",
        "Ivy Chen": "Enterprise", "Jay Brooks": "Enterprise", "Kai Novak": "Enterprise", "Lea Haas": "Enterprise"}
REGIONS = ["North", "South", "East", "West", "Central"]
PLANS = {"Starter": (2000, 6), "Pro": (9000, 3), "Enterprise": (40000, 1)}


def _rentals(rnd: random.Random) -> list[list]:
    rows: list[list] = [["Agreement No", "Branch", "Car Class", "Model", "Customer", "Pickup Date", "Days",
                         "Daily Rate", "Charge", "Miles", "Damage", "Rating"]]
    customers = [f"{f} {ln}" for f in FIRST for ln in LAST][::3]
    start = dt.date(2024, 7, 1)
    for i in range(720):
        branch = rnd.choices(list(BRANCHES), weights=list(BRANCHES.values()))[0]
        cls = rnd.choices(list(CLASSES), weights=list(CLASS_WEIGHT.values()))[0]
        base, models = CLASSES[cls]
        days = rnd.choice([1, 1, 2, 2, 3, 3, 4, 5, 7, 7, 10, 14])
        rate = round(base * rnd.uniform(0.85, 1.25) * (1.1 if branch == "Airport" else 1.0), 2)
        damage = rnd.random() < (0.12 if branch in ("Harbor", "Westgate") else 0.04)
        rating = "" if rnd.random() < 0.2 else rnd.choice([2, 3, 4, 4, 5, 5] if branch != "Westgate" else [1, 2, 3, 4])
        rows.append([f"RA-{10001 + i}", branch, cls, rnd.choice(models), rnd.choice(customers),
                     (start + dt.timedelta(days=rnd.randrange(365))).isoformat(), days, rate,
                     round(days * rate + rnd.choice([0, 0, 15, 25, 40]), 2), round(days * rnd.uniform(20, 160), 1),
                     "Yes" if damage else "No", rating])
    return rows


def _dishes(rnd: random.Random) -> list[list]:
    rows: list[list] = [["Date", "Location", "Dish", "Course", "Portions", "Menu Price", "Revenue", "Food Cost",
                         "Wasted", "Prep Min"]]
    day = dt.date(2025, 1, 1)
    popularity = {d: rnd.uniform(0.5, 2.0) for d in DISHES}
    while day <= dt.date(2025, 6, 30):
        for loc, size in LOCATIONS.items():
            for dish in rnd.sample(list(DISHES), 4):
                course, price, prep = DISHES[dish]
                portions = max(1, int(rnd.uniform(4, 30) * size * popularity[dish]))
                rows.append([day.isoformat(), loc, dish, course, portions, price, round(portions * price, 2),
                             round(portions * price * rnd.uniform(0.25, 0.45), 2), rnd.randint(0, 4),
                             round(prep * rnd.uniform(0.8, 1.3), 1)])
        day += dt.timedelta(days=1)
    return rows


def _deals(rnd: random.Random) -> list[list]:
    rows: list[list] = [["Deal ID", "Rep", "Team", "Region", "Plan", "Status", "Created", "Close Date", "Amount",
                         "Days to Close", "Discount"]]
    skill = {r: rnd.uniform(0.2, 0.6) for r in REPS}
    for i in range(640):
        rep = rnd.choice(list(REPS))
        plan = rnd.choices(list(PLANS), weights=[w for _, w in PLANS.values()])[0]
        created = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(700))
        days = int(rnd.uniform(5, 90) * (2 if plan == "Enterprise" else 1))
        closed = created + dt.timedelta(days=days)
        if closed > dt.date(2025, 12, 31) or rnd.random() < 0.1:
            status, close_text, days_text = "Open", "", ""
        else:
            status = "Won" if rnd.random() < skill[rep] else "Lost"
            close_text, days_text = closed.isoformat(), days
        amount = round(PLANS[plan][0] * rnd.uniform(0.6, 1.8), 2)
        rows.append([f"D-{5001 + i}", rep, REPS[rep], rnd.choice(REGIONS), plan, status, created.isoformat(),
                     close_text, amount, days_text, rnd.choice([0, 0, 5, 10, 15, 20])])
    return rows


def main() -> None:
    write_tables([("ranks2_car_rentals", _rentals, 71), ("ranks2_dish_sales", _dishes, 72),
                  ("ranks2_deals", _deals, 73)])


if __name__ == "__main__":
    main()
