"""Words the embedded planner knows: synonyms and abbreviations of column words, the cue words of
aggregations, grouping, ordering, time grains and chart types, values said another way (aliases,
opposites), the word sets of money, pay, prices, quantities, people, rates and shares, weekdays, and
everyday metrics said by their initials (METRIC_NAMES)."""
from __future__ import annotations

import re

# Abbreviation -> full word (both directions are tried when matching column names).
ABBREVIATIONS = {
    "amt": "amount", "qty": "quantity", "rev": "revenue", "cust": "customer", "dt": "date", "num": "number",
    "no": "number", "nbr": "number", "nr": "number", "pct": "percent", "perc": "percent", "avg": "average",
    "yr": "year", "hr": "hour", "hrs": "hour", "min": "minute", "mins": "minute", "sec": "second",
    "dept": "department", "emp": "employee", "mgr": "manager", "prod": "product", "cat": "category",
    "ref": "reference", "stu": "student", "acc": "account", "acct": "account", "bal": "balance",
    "addr": "address", "tel": "telephone", "desc": "description", "qtr": "quarter", "mo": "month",
    "wk": "week", "temp": "temperature", "info": "information", "org": "organization", "org.": "organization",
    "cnt": "count", "ctry": "country", "st": "state", "loc": "location", "img": "image", "pop": "population",
    "est": "estimate", "max": "maximum", "fname": "first name", "lname": "last name", "dob": "date of birth",
    "id": "identifier", "mph": "mile per hour", "sqft": "square foot", "sku": "product", "usd": "dollar",
    "eur": "euro", "gbp": "pound", "lat": "latitude", "lon": "longitude", "lng": "longitude", "w/": "with",
    "yoy": "year over year", "ytd": "year to date", "dur": "duration", "conv": "conversion", "attr": "attribute",
    "cmi": "cmi", "gpa": "grade point average", "phd": "doctorate", "univ": "university", "pos": "position",
    "sal": "salary", "comm": "commission", "std": "standard", "cap": "capacity", "vol": "volume",
    "csat": "satisfaction", "ot": "overtime", "pto": "time off", "fte": "full time equivalent",
    "disc": "discount", "appt": "appointment", "inv": "invoice", "pt": "patient",
    # headers of web, sales and operations exports ("sess", "pv", "bounce_rt", "src", "tgt", "whse")
    "sess": "session", "pv": "page view", "pvs": "page view", "rt": "rate", "src": "source", "tot": "total",
    "ttl": "total", "tgt": "target", "fcst": "forecast", "bdgt": "budget", "prio": "priority", "lvl": "level",
    "grp": "group", "pmt": "payment", "pymt": "payment", "tkt": "ticket", "resp": "response", "rcvd": "received",
    "whse": "warehouse", "mfr": "manufacturer", "wgt": "weight", "wt": "weight", "pax": "passenger",
    # units a header states ("Net Wt (lb)"): "pounds", "lbs" name the column measured in them
    "lb": "pound", "lbs": "pound",
    "rtn": "return", "cmpgn": "campaign", "deliv": "delivery", "dest": "destination",
    "mth": "month", "yrs": "year", "svc": "service", "rgn": "region", "md": "doctor", "los": "length of stay",
    # export shorthand whose letters are not the full word's in order (see matching.abbreviates for those)
    "mom": "month over month", "txn": "transaction", "trx": "transaction", "px": "price", "nm": "name", "tm": "time",
}

# Synonym groups: words in a group match each other (tier 3 of matching).
SYNONYM_GROUPS = [
    {"revenue", "sales", "turnover", "income", "sale", "takings", "amount"},
    {"profit", "margin", "earning", "earnings", "gain"},
    {"customer", "client", "user", "buyer", "shopper", "account", "member", "subscriber"},
    {"order", "purchase", "transaction", "sale", "deal", "booking"},
    {"quantity", "unit", "volume", "qty", "count", "items"},
    {"cost", "spend", "expense", "expenditure", "spending"},
    {"region", "area", "territory", "zone"},
    {"product", "item", "sku", "article", "good"},
    {"category", "type", "kind", "class", "group"},
    {"segment", "tier", "category"},
    {"employee", "staff", "worker", "personnel"},  # "headcount" is a count cue (AGG_CUES)
    {"provider", "doctor", "physician", "clinician", "practitioner", "attending"},  # an ED's Attending
    {"price", "cost"},
    {"country", "nation", "nationality"},
    {"city", "town"},
    {"salary", "pay", "wage", "compensation", "paid", "payroll"},
    {"date", "day", "time", "when"},
    {"signup", "registration", "sign", "join", "registered", "joined", "signups"},
    {"channel", "source", "medium"},
    {"plan", "subscription", "package"},
    {"gender", "sex"},
    {"age", "old", "older", "younger"},
    {"child", "kid", "children", "kids"},
    {"rating", "score", "stars"},
    # how satisfied people were is what a rating records ("customer satisfaction" ~ Customer Rating); not a
    # score, which is as often a credit or test score
    {"satisfaction", "rating", "stars"},
    {"temperature", "temp", "heat"},
    {"visitor", "visit", "session", "traffic"},
    {"discount", "rebate", "markdown"},
    {"store", "shop", "outlet", "branch"},
    {"job", "occupation", "title", "position", "role"},
    {"conversion", "converted", "convert", "converts", "conversions"},
    {"churn", "churned", "churns"},
    {"visit", "visitor", "visits"},
    {"hour", "hours", "time"},
    {"delivery", "shipping", "shipment", "transit"},
    {"hand", "stock", "inventory"},  # "stock" ~ On Hand
    {"usage", "consumption", "used", "consumed"},  # "energy usage" ~ kwh_used
    {"talk", "handle", "handling"},  # a call's "handle time" is its talk time
    {"tip", "gratuity", "gratuities"},
    {"ticket", "case", "incident", "call"},  # a help desk's rows: "tickets" over Case ID, one for each call
    # who sells: a CRM's deal "Owner" is its rep
    {"rep", "representative", "salesperson", "salesman", "saleswoman", "seller", "owner"},
    # who leads a class or a session
    {"trainer", "instructor", "coach", "teacher", "tutor"},
]
SYNONYMS: dict[str, set[str]] = {}
for _group in SYNONYM_GROUPS:
    for _w in _group:
        SYNONYMS.setdefault(_w, set()).update(_group - {_w})
# What a bill is for: the "total" of one (orderTotal, Check Total, invoice_total) is money, not hours or units.
BILLED_NOUNS = {"order"} | SYNONYMS["order"] | {"check", "bill", "basket", "cart", "invoice"}

# Gender-like values people write in words.
VALUE_ALIASES = {
    "female": ["f", "female", "w", "woman", "women"], "females": ["f", "female"], "women": ["f", "female", "w"],
    "woman": ["f", "female", "w"], "girls": ["f", "female"], "male": ["m", "male", "man", "men"],
    "males": ["m", "male"], "men": ["m", "male"], "man": ["m", "male"], "boys": ["m", "male"],
    "yes": ["y", "yes", "true", "1"], "no": ["n", "no", "false", "0"],
    # statuses said another way (tried only when the word is not itself a value)
    "late": ["overdue", "past due", "delayed"], "overdue": ["late", "past due"], "delayed": ["late"],
    "missed": ["no show", "noshow", "missed"], "attended": ["completed", "attended"],
    "kept": ["completed", "attended"],
    # tiers and plans exports shorten
    "enterprise": ["ent", "enterprise"], "professional": ["pro", "prof"], "premium": ["prem"],
    "standard": ["std"], "midmarket": ["mid", "mid market"],
    # a sales "pipeline" is the deals still open (its money: measure_base.MONEY_WORDS)
    "pipeline": ["open", "in progress", "pending"],
}

# The points of the compass, whose initials are the codes of regions ("northeast" ~ NE, "midwest" ~ MW, "the
# west" ~ W): a word made of them names the code of their initials (matching.ColumnIndex.code_of).
COMPASS_PARTS = {"north": "n", "south": "s", "east": "e", "west": "w", "mid": "m", "central": "c"}

# Two-word phrases of business English and the codes exports write for them ("credit card" ~ CC, "human
# resources" ~ HR, "full time" ~ FT): two initials alone are too often a coincidence ("cost centre" is no CC of
# credit card), so a two-word name is a code only when it is one of these (three words or more: by initials).
CODE_PHRASES = {
    "credit card": {"cc"}, "debit card": {"dc"}, "bank transfer": {"bt"}, "direct debit": {"dd"},
    "human resource": {"hr"}, "full time": {"ft"}, "part time": {"pt"}, "part timer": {"pt"},
    "quality assurance": {"qa"}, "customer service": {"cs"}, "customer success": {"cs"},
    "information technology": {"it"}, "public relation": {"pr"}, "research development": {"rd"},
    "business development": {"bd"}, "account payable": {"ap"}, "account receivable": {"ar"},
    "new york": {"ny", "nyc"}, "los angeles": {"la", "lax"}, "san francisco": {"sf", "sfo"},
    "united states": {"us", "usa"}, "united kingdom": {"uk"}, "new zealand": {"nz"}, "hong kong": {"hk"},
    "single family": {"sf", "sfh"}, "work from home": {"wfh"},
}

# Well-known codes people write out in full ("in Texas" -> TX).
US_STATES = {
    "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA", "colorado": "CO",
    "connecticut": "CT", "delaware": "DE", "florida": "FL", "georgia": "GA", "hawaii": "HI", "idaho": "ID",
    "illinois": "IL", "indiana": "IN", "iowa": "IA", "kansas": "KS", "kentucky": "KY", "louisiana": "LA",
    "maine": "ME", "maryland": "MD", "massachusetts": "MA", "michigan": "MI", "minnesota": "MN",
    "mississippi": "MS", "missouri": "MO", "montana": "MT", "nebraska": "NE", "nevada": "NV",
    "new hampshire": "NH", "new jersey": "NJ", "new mexico": "NM", "new york": "NY", "north carolina": "NC",
    "north dakota": "ND", "ohio": "OH", "oklahoma": "OK", "oregon": "OR", "pennsylvania": "PA",
    "rhode island": "RI", "south carolina": "SC", "south dakota": "SD", "tennessee": "TN", "texas": "TX",
    "utah": "UT", "vermont": "VT", "virginia": "VA", "washington": "WA", "west virginia": "WV",
    "wisconsin": "WI", "wyoming": "WY", "united states": "US", "usa": "US", "united kingdom": "UK",
    "britain": "UK", "england": "UK",
}
for _name, _code in US_STATES.items():
    VALUE_ALIASES.setdefault(_name, [_code.lower()])

# A superlative that ranks, and whether it asks for the top (True) or the bottom.
RANKING_WORDS = {"highest": True, "best": True, "most": True, "biggest": True, "largest": True, "top": True,
                 "busiest": True, "lowest": False, "worst": False, "least": False, "smallest": False}
# Words that keep or drop the rows named after them ("only us", "just the uk", "excluding returns").
KEEPING_WORDS = {"only", "just", "excluding", "except", "without"}
# Words of a date column of when something was booked: the booked event's date beside it is the
# main one ("Booked On" beside "Appt Date", "Booking Date" beside "Check-in").
RESERVATION_WORDS = {"book", "booked", "booking", "reserved", "reservation", "scheduled"}
# A superlative before a unit of time ranks the periods ("the busiest hour of the day", "best month for
# sales"), and whether it asks for the top (True) or the bottom.
PERIOD_SUPERLATIVES = {"best": True, "worst": False, "busiest": True, "quietest": False, "slowest": False,
                       "highest": True, "lowest": False, "biggest": True, "peak": True, "top": True,
                       "strongest": True, "weakest": False}
# People-like nouns: "users under 25" compares their age.
PEOPLE = {"user", "users", "customer", "customers", "people", "person", "persons", "student", "students",
          "employee", "employees", "player", "players", "member", "members", "client", "clients", "patient",
          "patients", "visitor", "visitors", "participant", "participants", "respondent", "respondents"}
# people named by their time of life: who an age compares ("kids under 12", "seniors over 65")
AGE_GROUP_WORDS = {"kid", "kids", "child", "children", "adult", "adults", "senior", "seniors", "teen", "teens",
                   "teenager", "teenagers", "minor", "minors", "infant", "infants", "baby", "babies", "toddler",
                   "toddlers", "youth", "elderly"}
# people named by their role: a column of them ("Sales Rep", "Agent") counts people, not rows
PEOPLE_ROLES = PEOPLE | {"rep", "agent", "staff", "owner", "manager", "seller", "salesperson", "assignee",
                         "author", "driver", "doctor", "teacher", "technician", "buyer", "requester", "worker",
                         "consultant"}

# Who does what to a sale: "who sold the most" asks for the seller's column, "who spent the most" the buyer's.
SELLER_WORDS = {"rep", "seller", "salesperson", "agent", "staff", "employee", "cashier", "clerk", "associate",
                "owner", "manager", "consultant", "broker", "advisor"}
BUYER_WORDS = {"customer", "client", "buyer", "member", "guest", "patient", "user", "shopper", "donor"}
SELLING_VERBS = {"sold", "sell", "sells", "selling", "closed", "close", "closes", "booked", "won", "signed"}
BUYING_VERBS = {"bought", "buy", "buys", "spent", "spend", "spends", "ordered", "purchased", "purchase", "paid",
                "donated", "gave"}

# Words that never name a column on their own (filler, question words, chart words).
STOPWORDS = {
    "a", "an", "the", "of", "for", "in", "on", "at", "to", "by", "and", "or", "with", "from", "as", "is", "are",
    "was", "were", "be", "been", "what", "which", "who", "whom", "whose", "how", "me", "my", "i", "we", "our",
    "you", "your", "it", "its", "that", "this", "these", "those", "there", "their", "them", "they", "show",
    "give", "tell", "list", "display", "plot", "draw", "visualize", "visualise", "chart", "graph", "please",
    "could", "can", "would", "will", "want", "like", "see", "find", "get", "return", "report", "compute",
    "calculate", "create", "make", "do", "does", "did", "have", "has", "had", "each", "every", "all", "per",
    "any", "some", "about", "data", "dataset", "table", "value", "values", "using", "use", "let", "s", "us",
    "into", "than", "then", "also", "just", "only", "so", "if", "but", "not", "no", "over", "under", "between",
    "bar", "pie", "line", "scatter", "histogram", "stacked", "grouped", "group", "donut", "area",
    "here", "where", "when", "why", "up", "out", "down", "via", "based", "according", "along", "together",
    "different", "distinct", "unique", "versus", "vs", "against", "across", "among", "within", "during",
    "visualization", "visualisation", "showing", "shows", "shown", "x", "y", "axis", "axes",
    "bars", "kind", "sort", "order", "ordered", "sorted", "rank", "ranked", "asc", "desc", "ascending",
    "descending", "low", "high", "lowest", "highest", "top", "bottom", "number", "total", "sum", "average",
    "mean", "count", "many", "much", "amount", "proportion", "percentage", "share", "distribution", "trend",
    "attribute", "whole", "overall", "combined", "should", "may", "might", "own", "other", "same", "more",
    "less", "most", "least", "one", "two", "three", "first", "last", "next", "previous", "year", "month",
    "week", "day", "quarter", "date", "time", "name", "type", "bin", "interval", "grouping",
    "colored", "coloured", "color", "colour", "relationship", "correlation", "comparison", "compare",
    "tendency", "change", "changes", "monthly", "yearly", "weekly", "daily", "quarterly",
}
# Generic words that may name a column, but only weakly on their own (partial matches).
GENERIC = {"name", "id", "type", "code", "date", "number", "value", "time", "year", "detail", "details", "other",
           "info", "information", "description", "status", "flag", "total", "count", "amount", "percent", "rate",
           "level", "class", "group", "category", "key", "min", "max", "mean", "avg", "day", "month", "in", "to",
           "from", "of", "the", "and", "on", "at", "by", "for", "with", "a", "per", "is"}

AGG_CUES = {
    "sum": ["total", "sum", "sum of", "overall", "combined", "aggregate", "cumulative", "altogether", "in total"],
    "avg": ["average", "avg", "mean", "typical", "on average", "averaged"],
    "median": ["median", "middle"],
    "max": ["max", "maximum", "highest", "largest", "biggest", "greatest", "most", "peak", "top", "maximal",
            "longest", "oldest", "best", "record", "heaviest", "tallest", "priciest"],
    "min": ["min", "minimum", "lowest", "smallest", "least", "fewest", "minimal", "shortest", "youngest",
            "worst", "cheapest", "lightest"],
    "count": ["how many", "number of", "count", "count of", "# of", "frequency", "how often", "tally",
              "total number", "the number", "headcount", "head count"],
}

CHART_WORDS = {
    "bar": "bar", "bars": "bar", "column chart": "bar", "histogram": "histogram", "pie": "arc", "donut": "arc",
    "doughnut": "arc", "line": "line", "lines": "line", "area": "area", "scatter": "point", "scatterplot": "point",
    "point": "point", "points": "point", "dot": "point", "bubble": "point", "box plot": "boxplot",
    "boxplot": "boxplot", "box and whisker": "boxplot", "table": "table", "heatmap": "heatmap", "heat map": "heatmap",
    "kpi": "kpi", "number card": "kpi",
}

GRAIN_WORDS = {
    "hourly": "hour", "by hour": "hour", "per hour": "hour", "each hour": "hour", "hour by hour": "hour",
    "daily": "day", "by day": "day", "per day": "day", "each day": "day", "day by day": "day", "by date": "day",
    "weekly": "week", "by week": "week", "per week": "week", "each week": "week", "week by week": "week",
    "monthly": "month", "by month": "month", "per month": "month", "each month": "month", "month by month": "month",
    "month over month": "month", "quarterly": "quarter", "by quarter": "quarter", "per quarter": "quarter",
    "each quarter": "quarter", "yearly": "year", "annual": "year", "annually": "year", "by year": "year",
    "per year": "year", "each year": "year", "year over year": "year", "year by year": "year",
    "by qtr": "quarter", "per qtr": "quarter", "each qtr": "quarter", "by yr": "year", "per yr": "year",
    "by wk": "week", "per wk": "week", "by mo": "month", "per mo": "month", "by hr": "hour", "per hr": "hour",
    "weekday": "weekday", "weekdays": "weekday", "day of week": "weekday", "day of the week": "weekday",
    "days of the week": "weekday", "days of week": "weekday", "day-of-week": "weekday",
    "month of year": "month_of_year", "month of the year": "month_of_year", "months of the year": "month_of_year",
    "seasonality": "month_of_year", "hour of day": "hour_of_day", "hour of the day": "hour_of_day",
    "time of day": "hour_of_day", "hours of the day": "hour_of_day",
}

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50, "hundred": 100,
    "a dozen": 12, "dozen": 12, "a couple": 2, "couple": 2, "a few": 3,
}

MONTH_NAMES = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

# Everyday words for a column word, one way only (the column's word does not name what they name elsewhere):
# "output", "made" ~ Units Produced; "asking price" ~ List Price.
PARAPHRASES: dict[str, set[str]] = {
    "produced": {"output", "outputs", "made", "make", "makes", "making", "manufactured", "production"},
    "production": {"output", "outputs", "manufactured"},  # not "made": "which studio made the most" (Production Budget)
    **dict.fromkeys(["made", "built", "manufactured"], {"output", "outputs", "production"}),  # ~ Units Made
    "list": {"asking"},
    "billed": {"billable"},  # "billable hours" ~ Hours Billed
    # a unit turned away (or scrapped) is a defect: "defect rate" ~ Units Rejected as a % of Units Produced
    **dict.fromkeys(["rejected", "reject", "defective", "nonconforming", "scrapped", "scrap"],
                    {"defect", "defects", "defective", "faulty", "faults"}),
}
# Words of the units that passed ("good units", "usable parts"): the whole made minus the units turned away, and
# the column words of those turned away (Units Scrapped, Rejects, Defective Qty).
GOOD_WORDS = {"good", "usable", "saleable", "sellable", "passed"}
BAD_UNIT_WORDS = {"scrapped", "scrap", "rejected", "rejects", "reject", "defective", "defects", "defect", "waste",
                  "wasted", "spoiled", "spoilage"}
# Column words of the whole a part of units is taken from ("scrap rate" ~ Units Scrapped as a % of Units
# Produced, not of the Units Rejected it is a part of too).
WHOLE_WORDS = {"produced", "production", "output", "made", "built", "manufactured", "inspected", "processed",
               "tested", "total"}


# The noun of an event a date column may be named by, for its participle ("homes sold" ~ Sale Date filled in).
# First names that are also everyday English words: typed in lower case they are the word ("mark as done",
# "grant totals", "frank feedback", "avg val", "dev team"); a person's name by them must be capitalised or said
# with 's
WORD_NAMES = frozenset({
    "amber", "angel", "april", "art", "ash", "august", "autumn", "bill", "brook", "buck", "bud", "cal", "cam",
    "chase", "chip", "christian", "cliff", "crystal", "daisy", "dale", "dawn", "dean", "destiny", "dev", "drew",
    "earl", "eve", "faith", "fern", "frank", "gene", "ginger", "glen", "grace", "grant", "guy", "hazel", "heath",
    "heather", "holly", "honey", "hope", "hunter", "iris", "ivy", "jack", "jade", "jewel", "joy", "june", "kit",
    "lane", "lily", "mac", "mark", "mason", "mat", "max", "may", "melody", "miles", "nick", "olive", "pat",
    "patience", "pearl", "penny", "price", "ray", "reed", "reg", "rich", "river", "rob", "robin", "rod", "rose",
    "ruby", "rusty", "sandy", "scott", "sky", "star", "stu", "sue", "summer", "sunny", "val", "victor", "violet",
    "wade", "will", "win"
})

PARTICIPLE_NOUNS = {"sold": "sale", "bought": "purchase", "paid": "payment", "hired": "hire", "shipped": "ship",
                    "delivered": "delivery", "closed": "close", "opened": "open", "signed": "signing"}


# Verbs that name a measure ("which 3 stores sold the most", "customers we billed the most"): the words
# of the numeric column they point at, best first, used when no numeric column is named.
_SELL = ["sold", "sales", "revenue", "quantity", "unit", "amount"]
_BILL = ["amount", "revenue", "sales", "total", "charge"]
_SPEND = ["spend", "cost", "expense", "amount", "price"]
_EARN = ["revenue", "sales", "income", "profit", "earning", "amount"]
_OWE = ["balance", "due", "outstanding", "amount"]
_GIVE = ["donation", "gift", "pledge", "contribution", "amount", "raised", "collected"]
_GIVING = ["gave", "given", "donate", "donated", "donates", "donating", "raised", "raise", "raises", "contributed",
           "contribute", "pledged", "collected", "brought"]
VERB_MEASURES: dict[str, list[str]] = {
    **dict.fromkeys(["sold", "sell", "sells", "selling"], _SELL),
    **dict.fromkeys(["bill", "billed", "bills", "billing", "invoiced", "invoice", "charged", "charge"], _BILL),
    **dict.fromkeys(["spent", "spend", "spends", "spending"], _SPEND),
    **dict.fromkeys(["earned", "earn", "earns", "grossed"], _EARN),
    **dict.fromkeys(["owe", "owes", "owed", "owing"], _OWE),
    **dict.fromkeys(["visited", "visit"], ["session", "visit", "visitor"]),
    **dict.fromkeys(_GIVING, _GIVE),
}
# Verbs and nouns of money coming in ("which campaign raised the least", "takings per level", "what it brought
# in"): when no column is named by their words, they name the table's money column (phrasing.takings_column).
MONEY_TAKEN_WORDS = {*_GIVING, "takings", "money", "cash", "revenue", "income", "proceeds", "turnover"}

# Words of money going out of an account and coming in (a bank export's one signed Amount: planning/flows.py):
# "how much did we spend on supplies", "expenses by category", "outflows"; "income by month", "deposits".
MONEY_OUT_WORDS = {"spend", "spent", "spending", "spends", "expense", "expenses", "expenditure", "expenditures",
                   "outflow", "outflows", "outgoings", "outgoing", "paid", "pay", "cost", "costs", "debit", "debits",
                   "withdrawal", "withdrawals", "withdrawn", "refund", "refunded", "refunds", "bill", "bills",
                   "payout", "payouts", "fee", "fees"}
# ... of which the nouns of one movement of money, as a Type column's values say them ("total deposits by month"
# sums the Amount of the Deposit rows; "paid invoices" counts invoices: a participle describes the rows)
# (not "purchase": an event log's "purchases by day" counts the purchase events)
MONEY_MOVEMENT_NOUNS = {"deposit", "withdrawal", "refund", "payment", "transfer", "expense", "debit", "credit",
                        "payout", "fee", "charge", "chargeback", "reimbursement", "disbursement"}
# ... by the way they go, as the values of one Type column ("net flow" = the Deposit rows less the Withdrawal rows)
MONEY_IN_NOUNS = {"deposit", "credit", "receipt", "inflow", "income"}
MONEY_OUT_NOUNS = {"withdrawal", "debit", "expense", "fee", "charge", "purchase", "refund", "payout", "outflow"}
# words of the money moving both ways ("net flow per month": what came in less what went out)
NET_FLOW_WORDS = {"flow", "flows", "cashflow"}
MONEY_IN_WORDS = {"income", "deposit", "deposits", "deposited", "inflow", "inflows", "incoming", "received",
                  "receipts", "credits", "earned", "earnings", "takings"}

# Irregular verbs by their participle, the form a status value takes ("write off" → Written Off, "we win" → Won).
PARTICIPLES = {"write": "written", "wrote": "written", "break": "broken", "broke": "broken", "give": "given",
               "gave": "given", "take": "taken", "took": "taken", "freeze": "frozen", "froze": "frozen",
               "choose": "chosen", "chose": "chosen", "steal": "stolen", "stole": "stolen", "lose": "lost",
               "pay": "paid", "send": "sent", "sell": "sold", "buy": "bought", "hold": "held", "leave": "left",
               "drive": "driven", "drove": "driven", "fall": "fallen", "fell": "fallen", "speak": "spoken",
               "spoke": "spoken", "throw": "thrown", "threw": "thrown", "begin": "begun", "began": "begun",
               "win": "won", "forget": "forgotten", "forgot": "forgotten", "hide": "hidden", "hid": "hidden",
               "bring": "brought", "teach": "taught", "catch": "caught", "withdraw": "withdrawn",
               "withdrew": "withdrawn", "ride": "ridden", "rode": "ridden", "eat": "eaten", "ate": "eaten"}
# Their simple pasts unlike the participle ("the candidates withdrew", "which machines broke"): said of the rows,
# they name the event itself. ("took" says a length of time: "how long it took".)
PAST_TENSES = {"wrote", "broke", "gave", "froze", "chose", "stole", "drove", "fell", "spoke", "threw", "began",
               "forgot", "hid", "withdrew", "rode", "ate"}


# Derived measures (planning/measures.py): "return rate", "percentage of … returned", "cost per kg",
# "profit margin", "delivery time", "how long … to resolve", "adults plus children".
RATE_WORDS = {"rate", "rates", "ratio"}
# Superlatives that describe one item, not a group's total ("which supplier has the longest lead time",
# "the hotel with the longest stays", "the most expensive category"): the groups are ranked by their
# average item.
LEVEL_SUPERLATIVES = {"longest", "shortest", "oldest", "youngest", "heaviest",
                      "lightest", "tallest", "cheapest", "priciest", "costliest", "expensive", "dearest"}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]  # DuckDB's dayname()
SHARE_OF_WORDS = {"percentage", "percent", "pct", "share", "proportion", "fraction"}
DURATION_WORDS = {"time", "times", "duration", "durations", "delay", "delays", "lag", "turnaround", "wait",
                  "days", "hours", "minutes", "weeks", "took", "take", "takes", "taken", "taking"}
# a column of clock readings named like these holds lengths of time ("Duration 1:05:30", "Talk Time 0:04:10")
DURATION_COLUMN_WORDS = {"duration", "dur", "length", "elapsed", "handle", "handling", "talk", "wait", "hold",
                         "runtime", "spent", "turnaround", "delay", "lag", "break", "downtime", "uptime"}
# Nouns of a length of time said of the rows ("avg session length", "average stay", "the longest stay") and units
# a number column's name may say it in: with no number column named, they name the table's one such column.
LENGTH_OF_TIME_WORDS = {"length", "stay", "duration"}
TIME_UNIT_NAME_WORDS = {"min", "minute", "sec", "second", "hr", "hour", "ms", "millisecond", "night", "day"}
# ... unless the name says it is a moment ("Break Start", "Hold Until"): a time of day
CLOCK_WORDS = {"start", "starts", "started", "end", "ends", "ended", "until", "from", "at", "begin", "finish",
               "clock", "in", "out", "open", "close", "since"}
# Superlatives of speed said of an event ("which region pays fastest", "the slowest to ship"): the time up
# to it, lowest first (False) or highest first (True).
# Superlatives of size that do not say which quantity ("the 3 largest orders", "the 5 biggest shipments"): the
# rows' amount of money, else their weight, volume or quantity ("bulkiest": the volume first).
SIZE_SUPERLATIVES = {"largest", "biggest", "smallest", "bulkiest"}
VOLUME_WORDS = {"volume", "m3", "cbm", "cubic", "litre", "liter", "capacity"}
# Superlatives of a moment ("the 10 most recent calls", "the 5 newest hires"): rows ranked by their date.
MOMENT_SUPERLATIVES = {"newest", "latest", "recent", "recently", "earliest"}
# Words of waiting to be answered ("which agent is slowest to answer", "the quickest to pick up", "keeps people
# waiting"): a speed said with them is the wait's length (a column named so), not the call's.
WAIT_WORDS = {"answer", "answers", "answering", "answered", "pick", "picks", "picking", "wait", "waits", "waiting",
              "waited", "respond", "responds", "responding", "response", "reply", "replies", "replying", "queue",
              "queued", "hold"}
WAIT_COLUMN_WORDS = {"wait", "queue", "hold", "response", "answer", "reply", "pickup", "ring"}
SPEED_WORDS = {"fastest": False, "quickest": False, "soonest": False, "slowest": True}
# Participles that do not end in -ed ("paid" names Paid Date as "shipped" names Ship Date).
IRREGULAR_PARTICIPLES = {"paid", "sent", "sold", "built", "made", "done", "given", "taken", "won", "lost", "spent",
                         "held", "bought", "begun", "written", "drawn", "seen", "met", "left"}
# An event said late or early ("invoices paid late"): its date after (>) or before (<) the row's due date.
TIMING_WORDS = {"late": ">", "overdue": ">", "early": "<"}
# Words of time past a due date ("days overdue", "days past due"): from the due date to the data's last day.
OVERDUE_WORDS = {"overdue", "past"}
DUE_WORDS = {"due", "deadline", "expiry", "expiration"}
# Words of a date column a row is due by ("Promised Date", "promised_dt", "Target Date"): said of a date column
# only, never a word the question may say for a column the data lacks (coverage reads DUE_WORDS).
DUE_DATE_WORDS = DUE_WORDS | {"promised", "promise", "committed", "target", "need", "needed", "required"}  # "Need By"
TIME_UNIT_WORDS = {"minute": "minute", "minutes": "minute", "mins": "minute", "hour": "hour", "hours": "hour",
                   "hrs": "hour", "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
                   "months": "month", "year": "year", "years": "year"}
# The unit a column's name states ("Wait (sec)", "spend_usd", "Weight kg"): two measures said "A vs B" in one
# unit are set side by side as bars, in two units one is plotted against the other (planning/features.py).
UNIT_WORDS = {**dict.fromkeys(["sec", "secs", "second", "seconds"], "second"),
              **dict.fromkeys(["min", "mins", "minute", "minutes"], "minute"),
              **dict.fromkeys(["hr", "hrs", "hour", "hours"], "hour"), **dict.fromkeys(["day", "days"], "day"),
              **dict.fromkeys(["age", "years", "yrs"], "year"), **dict.fromkeys(["kg", "kgs", "lb", "lbs"], "weight"),
              **dict.fromkeys(["km", "mi", "miles"], "distance"), **dict.fromkeys(["pct", "percent"], "%"),
              **dict.fromkeys(["usd", "eur", "gbp", "dollars"], "money")}
# The other side of a comparison said as "the rest" ("scholarship students vs others"): the Yes/No before it is
# a grouping, both sides of it (language/parsing._versus).
REST_WORDS = {"others", "rest", "everyone", "everybody", "remainder"}
REVENUE_WORDS = {"revenue", "sales", "sale", "turnover", "income", "amount", "total", "price", "value"}
PROFIT_WORDS = {"profit", "profits", "earning", "earnings", "gain", "margin"}
ROW_VALUE_WORDS = {"value", "size", "amount", "spend", "revenue", "total"}  # "average order value"
# Nouns of money coming in: never a column named a cost ("revenue by region" over costs only is declined)
INCOME_NOUNS = {"revenue", "revenues", "income", "turnover", "takings", "proceeds"}
COST_WORDS = {"cost", "costs", "cogs", "cog", "expense", "expenses"}  # column tokens are singular: COGS → "cog"
# Money that is a level per person, compared between groups by its average ("compare pay for men vs women").
PAY_LEVEL_WORDS = {"salary", "salaries", "wage", "wages", "pay", "compensation", "earnings"}
# Words of pay that name what a price per unit of time or work comes to ("labour cost", "payroll").
PAY_WORDS = {"pay", "wage", "wages", "payroll", "labour", "labor", "billing", "earnings"}
# Column words of a price per thing ("Unit Price", "Rate/hr", "unitCost").
PRICE_WORDS = {"price", "cost", "fee", "rate", "fare"}
# Words of goods held ("stock value", "inventory value", "value on hand"): the quantity held × its unit cost.
STOCK_WORDS = {"stock", "inventory", "hand", "holding", "holdings"}
# A level's column word → the words of the column compared with it when the question leaves that unsaid
# ("items below reorder level": the quantity held; "projects over budget": the actual spend).
LEVEL_SUBJECTS = {"reorder": STOCK_WORDS | {"quantity", "qty"}, "par": STOCK_WORDS | {"quantity", "qty"},
                  "budget": {"actual", "spend", "spent", "cost", "expense", "expenses"},
                  "target": {"actual", "achieved", "sales", "revenue", "made", "produced", "built"},
                  "quota": {"actual", "achieved", "sales"},
                  "estimate": {"actual", "logged", "worked", "spent", "used"},  # "jobs over estimate": actual hours
                  # "shifts that missed plan": the units made (or produced, built) beside Planned Qty
                  "planned": {"actual", "achieved", "made", "produced", "built", "manufactured"},
                  "plan": {"actual", "achieved", "made", "produced", "built", "manufactured"}}
# Column words of a quantity a price or a rate is charged per ("Units" × "Unit Price", "Hours" × "Rate/hr").
QUANTITY_WORDS = {"unit", "quantity", "qty", "hour", "seat", "item", "night", "piece", "license", "licence", "portion",
                  "serving"}
# Nouns of the goods a business sells: what "best-selling" ranks, counted in units sold, not in money
GOODS_WORDS = {"product", "item", "sku", "dish", "book", "title", "article", "drink", "beverage", "flavor", "flavour",
               "model", "style", "variant", "meal", "menu"}
# What a count rate is taken over when the count has no condition ("conversion rate": conversions per
# session): the base counts of web, marketing and sales tables.
RATE_BASE_WORDS = {"session", "sessions", "visit", "visits", "visitor", "visitors", "impression", "impressions",
                   "view", "views", "pageview", "pageviews", "lead", "leads", "send", "sends", "sent", "call",
                   "calls", "trial", "trials", "click", "clicks"}
# Names of everyday ratios said by their initials or a set phrase, in the words the derived-measure
# readers read ("CTR" → "click rate", a rate of clicks over their base count). Used only when no
# column is named so.
METRIC_NAMES = {
    "ctr": "click rate", "click-through rate": "click rate", "click through rate": "click rate",
    "cpc": "cost per click", "cpa": "cost per conversion", "cost per acquisition": "cost per conversion",
    "roas": "revenue per spend", "return on ad spend": "revenue per spend", "aov": "average order value",
    "mpg": "miles per gallon", "fuel economy": "miles per gallon", "fuel efficiency": "miles per gallon",
    "gas mileage": "miles per gallon", "atv": "average transaction value",
}
# Growth from one time bucket to the one before ("month over month growth", "MoM", "% change by quarter"): the
# short names and the grain each says.
PERIOD_OVER_PERIOD = {"mom": "month", "wow": "week", "qoq": "quarter", "yoy": "year", "dod": "day"}
GROWTH_WORDS = {"growth", "growing"}
CHANGE_WORDS = {"change", "changes", "increase", "increases"}  # a growth only as "% change" or "month over month"
# Rate nouns and the values of the data they count ("attrition rate": Status = Terminated), for the
# words whose stem does not already name the value ("cancellation" ~ Cancelled is found by stems).
RATE_VALUE_WORDS = {
    "attrition": ["terminated", "left", "resigned", "quit", "exited", "inactive"],
    "turnover": ["terminated", "left", "resigned", "quit", "exited"],
    "churn": ["churned", "cancelled", "canceled", "lost", "inactive"],
    "conversion": ["converted", "won", "purchased", "yes"],
    "win": ["won", "closed won"], "loss": ["lost", "closed lost"],
    "retention": ["retained", "active", "renewed"], "completion": ["completed", "complete", "done", "finished"],
    "resolution": ["resolved", "closed"], "failure": ["failed", "fail", "error"], "success": ["succeeded", "success",
                                                                                              "successful", "passed"],
    "rejection": ["rejected", "declined", "denied"], "approval": ["approved", "accepted"],
    "refund": ["refunded"], "default": ["defaulted"], "delay": ["delayed", "late"], "late": ["late", "delayed"],
    "on-time": ["on time", "on-time", "ontime"], "no-show": ["no-show", "no show", "noshow"],
}


# Pairs of words that name the two ends of one stretch of time in a table's column names ("Start Time" /
# "End Time", "Check In" / "Check Out", "Date Out" / "Date In"): the rows last from one to the other
# (which comes first is read from the data, planning/pairs.py).
SPAN_PAIRS = (("start", "end"), ("start", "finish"), ("begin", "end"), ("in", "out"), ("arrival", "departure"),
              ("pickup", "dropoff"), ("pickup", "return"), ("opened", "closed"), ("open", "close"), ("on", "off"),
              ("started", "ended"), ("started", "finished"), ("began", "ended"), ("checkin", "checkout"),
              ("from", "to"), ("depart", "return"), ("departure", "return"), ("departed", "returned"),
              ("out", "back"), ("opened", "resolved"), ("created", "resolved"), ("created", "closed"),
              ("reported", "fixed"), ("raised", "closed"), ("submitted", "completed"),
              # a listing's stretch: listed, then sold (a house, a car, an item for sale)
              ("list", "sale"), ("list", "sold"), ("listed", "sold"), ("listing", "sale"), ("listing", "sold"))
# Words that ask how long each row lasts ("how long does a job take", "pick duration", "visit length").
LENGTH_WORDS = {"duration", "durations", "length", "lengths", "long", "turnaround", "lasts", "last", "took", "take",
                "takes", "taking", "time", "times"}
# Words naming an event by another word than its date column's ("arrive" ~ Delivered, "payment" ~ Paid Date),
# and the time between two events said as one noun ("transit": from shipping to delivery).
EVENT_WORDS = {"arrive": "delivered", "arrives": "delivered", "arrived": "delivered", "arrival": "delivered",
               "transit": "delivered", "payment": "paid", "payments": "paid", "settled": "paid",
               "collection": "paid", "collections": "paid",
               "payout": "paid", "payouts": "paid", "shipment": "shipped", "shipments": "shipped",
               "pickup": "picked", "pickups": "picked", "dropoff": "dropped"}  # ~ Picked Up, Dropped Off
# Verbs and nouns of a row's work being finished ("time to resolve", "days to fix", "how long to close"): with
# no date column named by them, they name the end of the table's one stretch of time (planning/pairs.py).
DONE_EVENT_WORDS = {"resolve", "resolved", "resolution", "fix", "fixed", "fixing", "close", "closed", "closing",
                    "closure", "solve", "solved", "finish", "finished", "complete", "completed", "completion",
                    "clear", "cleared", "settle", "settled", "return", "returned", "come", "back"}
# Words of a membership, account or contract ending, in a date column's name (Cancelled, Churn Date, End Date,
# Terminated On): while the date is blank the row is still active ("active members", "current subscribers").
ENDED_WORDS = {"cancelled", "canceled", "cancellation", "cancel", "churned", "churn", "terminated", "termination",
               "ended", "end", "expired", "expiry", "expiration", "lapsed", "left", "closed", "close"}
ACTIVE_WORDS = {"active", "current"}
# How long a member, employee or customer has been with us ("average tenure by plan"), and the words of a start
# date's name such a stay begins at (Joined, Hire Date, Start Date, Member Since, Signed Up).
TENURE_WORDS = {"tenure", "tenures"}
JOINED_WORDS = {"joined", "join", "hired", "hire", "started", "start", "signup", "signed", "since", "enrolled",
                "subscribed", "activated", "onboarded"}
# Words of a thing coming in ("lead time", "slowest to deliver", "days to arrive"): with no date column named by
# them, they name the one date a row gets when its goods arrive (Received, Delivered On; planning/durations.py).
ARRIVAL_WORDS = {"lead", "leadtime", "deliver", "delivery", "arrive", "arrival", "receive", "receipt"}
ARRIVED_DATE_WORDS = {"received", "receipt", "delivered", "delivery", "arrived", "arrival"}  # column words ("Rcvd")
# Verbs of a state kept ("how long do bugs stay open", "remain unpaid"): the value said after one names the
# stretch of time, not a filter.
STAY_WORDS = {"stay", "stays", "stayed", "remain", "remains", "remained", "sit", "sits", "sat"}
# Column words of an amount planned or asked for, beside the same amount done ("Qty Ordered" / "Qty
# Picked", "Planned Hours" / "Actual Hours"): what is short is the first minus the second.
PLANNED_WORDS = {"ordered", "requested", "planned", "plan", "scheduled", "expected", "budget", "budgeted",
                 "target", "estimated", "estimate", "quoted", "due", "allocated", "booked", "committed", "available",
                 "capacity", "forecast", "forecasted", "quota", "goal"}
# Column words of the amount done beside a plan named by one word ("Budget" / "Actual Spend", "Estimate (h)" /
# "Hours Logged", "Target" / "Achieved").
DONE_WORDS = {"actual", "actuals", "logged", "spent", "spend", "used", "achieved", "worked", "consumed", "delivered",
              "made", "produced", "built", "manufactured",  # "Planned Qty" / "Units Made": output against a plan
              "billed", "incurred", "realised", "realized"}
# Column words of what fills a capacity ("Capacity" / "Tickets Sold", "Seats Occupied", "Attendees"): the amount
# done beside a capacity named by one word when no DONE_WORDS column is there.
CAPACITY_FILL_WORDS = {"sold", "occupied", "attended", "attendance", "attendees", "enrolled", "filled", "taken"}
# Column words of the part of a total done ("Lessons Total" / "Lessons Done", "Tasks Total" / "Tasks Completed")
TOTAL_DONE_WORDS = DONE_WORDS | {"done", "completed", "finished", "watched", "attended", "passed", "closed"}
# Words of the amount done beyond its plan ("variance to budget", "hours over estimate", "overrun"): done − planned;
# "over"/"under" only right before the plan's name ("over budget").
OVER_PLAN_WORDS = {"variance", "variances", "overrun", "overruns", "overspend", "overspent", "deviation",
                   "difference", "gap", "delta"}
BEYOND_WORDS = {"over": True, "above": True, "under": False, "below": False}
# Words of an amount short of its plan ("qty short", "shortfall", "units not picked") and of the share done
# ("fill rate", "% fulfilled").
SHORT_WORDS = {"short", "shortfall", "shortage", "shortages", "unfilled", "missing", "undelivered", "outstanding",
               # what is left of a capacity: "empty seats", "unsold tickets", "vacant places"
               "empty", "unsold", "vacant", "unoccupied", "remaining",
               # time planned or available and not used: "downtime" of Planned / Run hours, "idle hours"
               "downtime", "idle", "unused", "spare"}
FILL_WORDS = {"fill", "filled", "fulfilment", "fulfillment", "fulfilled", "completion", "attainment", "utilisation",
              "utilization", "utilised", "utilized", "occupancy", "fills",
              "achieved", "achievement", "attained"}  # "% of plan achieved": the amount done as a % of the plan
# ... of which these are a ratio on their own ("utilisation by machine", "which genre fills its seats best"); the
# others need "rate" or "%"
SELF_RATIO_WORDS = {"fill", "fulfilment", "fulfillment", "utilisation", "utilization", "occupancy", "attainment",
                    "fills"}
# Column words of money taken off an amount ("Discount ($)", "Refunds", "Fees"): "net X" / "X after discount"
# is the amount minus it.
DEDUCTION_WORDS = {"discount", "discounts", "refund", "refunds", "deduction", "deductions", "rebate", "rebates",
                   "returns", "allowance", "allowances", "chargeback", "chargebacks", "writeoff", "credit", "credits"}
# Column words of a price before and after money is taken off it ("List Price" / "Price Paid", "Original Price" /
# "Sale Price"): with no discount column, "discount" is the first minus the second.
LIST_PRICE_WORDS = {"list", "full", "original", "regular", "msrp", "rrp", "retail", "sticker", "standard"}
PAID_PRICE_WORDS = {"paid", "sale", "selling", "charged", "final", "discounted", "net", "actual"}
DISCOUNT_WORDS = {"discount", "discounts", "markdown", "markdowns", "discounting"}
# What is still owed on a bill ("outstanding balance by customer", "how much is still owed") and the words of a
# money column holding what of it was paid ("Paid ($)", "Amount Paid", "Payments Received")
OWED_WORDS = {"balance", "balances", "outstanding", "owed", "owe", "owes", "owing", "unpaid", "receivable",
              "receivables", "arrears"}
PAID_WORDS = {"paid", "payment", "payments", "collected", "received"}
# Money columns that are never the takings ("sales by hour" over Refund Amt and Tip is not their total)
ASIDE_MONEY_WORDS = DEDUCTION_WORDS | {"tip", "tips", "gratuity", "tax", "taxes", "vat"}
NET_WORDS = {"net", "after", "less", "minus", "excluding", "excl"}
# Unit words of a measure said instead of its name ("cost per lb" → Weight (lbs), "per mile" → Miles).
MEASURE_UNIT_WORDS = {**dict.fromkeys(["lb", "lbs", "pound", "pounds"], {"lb", "lbs", "pound", "pounds", "weight"}),
                      **dict.fromkeys(["kg", "kgs", "kilo", "kilos"], {"kg", "kgs", "kilo", "kilos", "weight"}),
                      **dict.fromkeys(["mile", "miles", "mi"], {"mile", "miles", "mi", "distance"}),
                      # what a field or a plant puts out, weighed ("yield per acre" over Net Wt (lb) and Acres)
                      **dict.fromkeys(["yield", "yields"], {"lb", "lbs", "pound", "pounds", "kg", "kgs", "weight",
                                                            "wt", "bushel", "bushels", "ton", "tons", "tonne"}),
                      **dict.fromkeys(["km", "kms"], {"km", "kms", "distance"}),
                      **dict.fromkeys(["meter", "meters", "metre", "metres"], {"m", "meter", "meters", "metre",
                                                                               "metres", "distance", "travel"}),
                      **dict.fromkeys(["sqft", "sq", "sf", "m2", "sqm"], {"sqft", "sq", "sf", "ft", "m2", "sqm",
                                                                          "area"}),
                      **dict.fromkeys(["gallon", "gallons", "gal"], {"gallon", "gal", "fuel"}),
                      **dict.fromkeys(["litre", "litres", "liter", "liters"], {"litre", "liter", "l", "fuel"}),
                      # "sales per employee" over a count of staff (Headcount, FTE)
                      **dict.fromkeys(["employee", "employees", "head", "staff", "fte", "worker", "workers"],
                                      {"headcount", "fte", "staff", "employee", "employees", "worker"})}
# Column words of a count of what a visit converts into ("conversion rate" = Transactions per Visitor when no
# column or value names a conversion).
CONVERTED_COUNT_WORDS = {"transaction", "order", "purchase", "booking", "signup", "checkout", "sale", "conversion",
                         "lead", "enrollment", "enrolment"}

# Words that name the No of a Yes/No column by its opposite ("returning visitors": is_new_user = No);
# un- / non- / in- words are read by their prefix (language.matching.negated_booleans).
ANTONYMS = {"returning": "new", "repeat": "new", "existing": "new", "old": "new", "offline": "online",
            "external": "internal", "manual": "automatic", "failed": "successful", "active": "churned",
            "retained": "churned", "rejected": "approved", "rejection": "approved", "declined": "approved",
            "denied": "approved", "free": "premium", "late": "on time", "delayed": "on time"}

# Words that say "not" before a quality ("didn't bounce", "never reopened", "non-members"); contractions
# typed with or without their apostrophe.
_NOT_WORDS = {"not", "no", "non", "never", "without", "excluding", "exclude", "except", "n't", "nor"}
_CONTRACTED_NOT = re.compile(r"(?:do|does|did|is|are|was|were|has|have|had|wo|ca|could|should|would)n'?t")


def negates(word: str) -> bool:
    """Whether a token negates what follows it ("not", "didn't", "didnt", "never")."""
    return word in _NOT_WORDS or bool(_CONTRACTED_NOT.fullmatch(word))


# Words that say a text begins with some letters ("names starting with A"): grammar, never a typo.
STARTS_WORDS = ("starting", "starts", "beginning", "begins")


def _lexicon_words() -> frozenset[str]:
    """Every word the lexicon knows: an everyday word of a question, never a typo of a column or a value
    ("sales" is not "scales", "price" not "prime")."""
    phrases: set[str] = set(SYNONYMS) | set(ABBREVIATIONS.values()) | PEOPLE_ROLES | STOPWORDS | set(VERB_MEASURES)
    phrases |= {w for ws in PARAPHRASES.values() for w in ws}
    phrases |= {p for ps in AGG_CUES.values() for p in ps} | set(CHART_WORDS) | set(GRAIN_WORDS) | set(MONTH_NAMES)
    phrases |= set(NUMBER_WORDS) | set(RANKING_WORDS) | set(VALUE_ALIASES) | set(ANTONYMS) | set(ANTONYMS.values())
    phrases |= set(RATE_VALUE_WORDS) | {v for vs in RATE_VALUE_WORDS.values() for v in vs}
    phrases |= REVENUE_WORDS | PROFIT_WORDS | COST_WORDS | PAY_LEVEL_WORDS | PAY_WORDS | PRICE_WORDS | QUANTITY_WORDS
    phrases |= DURATION_WORDS | set(TIME_UNIT_WORDS) | SHARE_OF_WORDS | RATE_WORDS | RATE_BASE_WORDS | ROW_VALUE_WORDS
    phrases |= REST_WORDS | KEEPING_WORDS | set(TIMING_WORDS) | DUE_WORDS | OVERDUE_WORDS | set(SPEED_WORDS)
    phrases |= MONEY_TAKEN_WORDS | LENGTH_OF_TIME_WORDS
    phrases |= set(PERIOD_SUPERLATIVES) | LEVEL_SUPERLATIVES | STOCK_WORDS | set(UNIT_WORDS) | RESERVATION_WORDS
    phrases |= set(PARTICIPLES) | set(PARTICIPLES.values()) | IRREGULAR_PARTICIPLES | set(STARTS_WORDS)
    phrases |= LENGTH_WORDS | set(EVENT_WORDS) | SHORT_WORDS | FILL_WORDS
    phrases |= NET_WORDS | set(MEASURE_UNIT_WORDS)
    return frozenset(w for p in phrases for w in re.findall(r"[a-z]+", p.lower()))


LEXICON_WORDS = _lexicon_words()
