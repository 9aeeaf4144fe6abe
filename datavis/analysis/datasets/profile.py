"""The dataset profile: types, roles, cardinality, ranges and the values of low-cardinality
columns, computed once at upload and reused by every question (never the rows themselves)."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

import duckdb

from ..language.lexicon import BILLED_NOUNS
from ..language.names import norm_tokens, quote_ident
from ..sql.jsonsafe import jsonable, rows_to_dicts

PROFILE_VERSION = 1
MAX_VALUES = 1000  # distinct values kept per low-cardinality column (value matching: "in the West")
MAX_VALUE_CHARS = 100
_BATCH = 150  # columns per profiling query (wide tables)

_INTENSIVE = {
    "price", "rate", "pct", "percent", "percentage", "ratio", "score", "rating", "age", "temperature",
    "temp", "avg", "average", "mean", "per", "margin", "share", "index", "gpa", "grade", "level", "speed",
    "velocity", "humidity", "pressure", "latitude", "longitude", "lat", "lon", "lng", "height", "weight",
    "density", "probability", "prob", "%", "median", "min", "max", "minimum", "maximum", "visibility",
    "dew", "elevation", "altitude", "duration", "tenure", "bmi", "satisfaction", "nps", "churn", "yield",
    "efficiency", "utilization", "utilisation", "conversion", "cpc", "ctr", "roi", "apr", "interest", "csat",
}
_HEADER_MONEY = re.compile(r"\$|[€£¥]|\((?:usd|eur|gbp|cad|aud)\)", re.IGNORECASE)  # "Total ($)", "Fee (USD)"
_MONEY_PER = re.compile(r"(?:\$|[€£¥]|usd|eur|gbp)\s*/\s*[a-z]", re.IGNORECASE)  # "$/lb", "USD/hr"
_COUNTED_UNITS = {"day", "hour", "night", "item", "unit", "qty", "count", "seat", "session", "visit", "minute"}
_PRICE = {"cost", "price", "fee"}  # with "unit" or "per", a price: "UnitCost", "Cost per Unit"
_EVENT_NOUNS = {"conversion", "churn"}  # intensive as a rate, additive as a count of events
_MONEY = {
    "revenue", "sales", "price", "cost", "amount", "amt", "profit", "income", "spend", "spending",
    "salary", "budget", "payment", "fee", "earning", "balance", "expense", "wage", "pay", "gross",
    "turnover", "usd", "dollar", "bal", "invoice", "rent", "rental", "cash", "fare", "tax",
}
# Money only as the head noun, alone or said of the whole bill or a period: "Charge", "Total Charges",
# "MonthlyCharges" are billed; "Charge Level", "Charge Cycles" of a battery are not, and a "Damage Charge" is an
# extra beside the bill (not the takings "revenue" names)
_MONEY_HEADS = {"charge"}
_WHOLE_CHARGE = {"total", "monthly", "annual", "yearly", "weekly", "daily", "rental"}
_ID_WORDS = {"id", "#", "uuid", "guid", "key", "code", "no", "num", "number", "nbr", "ref", "sku", "isbn", "zip",
             "postal", "phone", "email", "fax", "ssn", "account"}
_YEAR_WORDS = {"year", "yr", "yyyy", "fy", "season"}


def duck_type(t: str) -> str:
    t = t.upper()
    if t in ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER",
             "UBIGINT", "UHUGEINT"):
        return "integer"
    if t in ("FLOAT", "DOUBLE", "REAL") or t.startswith("DECIMAL"):
        return "number"
    if t == "DATE":
        return "date"
    if t.startswith("TIMESTAMP"):
        return "datetime"
    if t == "BOOLEAN":
        return "boolean"
    return "text"


def count_of(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> int:
    """The value of a count query: an aggregate without GROUP BY always returns exactly one row."""
    row = con.execute(sql, params).fetchone()
    assert row is not None
    return int(row[0])


def build_profile(con: duckdb.DuckDBPyConnection, table: str, *, name: str,
                  conversions: dict[str, Any]) -> dict[str, Any]:
    cols = con.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [table]).fetchall()
    row_count = count_of(con, f"SELECT count(*) FROM {table}")
    exact = row_count <= 200_000
    stats: dict[str, dict[str, Any]] = {}
    long_form = len(cols) > 100 and row_count * len(cols) <= 20_000_000
    if long_form:  # wide tables: one UNPIVOT query per type instead of thousands of aggregates
        stats.update(_column_stats_long(con, table, cols))
    rest = [c for c in cols if c[0] not in stats]
    for i in range(0, len(rest), _BATCH):
        stats.update(_column_stats(con, table, rest[i:i + _BATCH], exact))
    columns = []
    for col, dtype in cols:
        kind = duck_type(dtype)
        s = stats[col]
        info = {"name": col, "type": kind, "duck_type": dtype, "tokens": norm_tokens(col), **s}
        conv = conversions.get(col)
        if conv:
            info["converted_from"] = conv.get("format") or "text"
            if conv.get("unit"):
                info["unit"] = conv["unit"]
        _assign_role(info, row_count)
        columns.append(info)
    _values(con, table, columns)
    profile = {"version": PROFILE_VERSION, "name": name, "table": table, "row_count": row_count,
               "column_count": len(columns), "columns": columns,
               "created_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()}
    return profile


def _column_stats(con: duckdb.DuckDBPyConnection, table: str, cols: list[tuple[str, str]],
                  exact: bool) -> dict[str, dict[str, Any]]:
    parts = []
    for col, dtype in cols:
        q = quote_ident(col)
        kind = duck_type(dtype)
        distinct = f"count(DISTINCT {q})" if exact else f"approx_count_distinct({q})"
        parts += [f"count({q})", distinct]
        if kind in ("integer", "number"):
            parts += [f"min({q})", f"max({q})", f"avg({q})::DOUBLE", f"stddev_samp({q})::DOUBLE",
                      f"quantile_cont({q}, 0.5)::DOUBLE", f"count_if({q} < 0)"]
        elif kind in ("date", "datetime"):
            parts += [f"min({q})", f"max({q})", f"count_if({q}::TIME <> TIME '00:00:00')" if kind == "datetime"
                      else "0", "NULL", "NULL", "NULL"]
        else:
            parts += [f"min({q})", f"max({q})", f"avg(length({q}::VARCHAR))::DOUBLE", "NULL", "NULL", "NULL"]
    row = con.execute(f"SELECT {', '.join(parts)} FROM {table}").fetchone()
    assert row is not None  # aggregates without GROUP BY: one row
    out = {}
    for i, (col, dtype) in enumerate(cols):
        nn, nd, mn, mx, avg, std, med, neg = row[i * 8:(i + 1) * 8]
        kind = duck_type(dtype)
        s = {"non_null": nn, "distinct": nd}
        if kind in ("integer", "number"):
            s.update(min=jsonable(mn), max=jsonable(mx), mean=jsonable(avg), std=jsonable(std),
                     median=jsonable(med), negatives=neg)
        elif kind in ("date", "datetime"):
            s.update(min=jsonable(mn), max=jsonable(mx))
            if kind == "datetime":
                s["has_time"] = bool(avg)
        else:
            s.update(min=_clip(mn), max=_clip(mx), avg_length=jsonable(avg))
        out[col] = s
    return out


def _column_stats_long(con: duckdb.DuckDBPyConnection, table: str,
                       cols: list[tuple[str, str]]) -> dict[str, dict[str, Any]]:
    """Stats of numeric and text columns through UNPIVOT (exact distinct counts)."""
    out: dict[str, dict[str, Any]] = {}
    numeric = [(c, t) for c, t in cols if duck_type(t) in ("integer", "number")]
    text = [(c, t) for c, t in cols if duck_type(t) == "text"]
    if numeric:
        sel = ", ".join(f"CAST({quote_ident(c)} AS DOUBLE) AS {quote_ident(c)}" for c, _ in numeric)
        rows = con.execute(
            f"SELECT name, count(v), count(DISTINCT v), min(v), max(v), avg(v), stddev_samp(v), quantile_cont(v, 0.5), "
            f"count_if(v < 0) FROM (UNPIVOT (SELECT {sel} FROM {table}) ON COLUMNS(*) INTO NAME name VALUE v) "
            f"GROUP BY name").fetchall()
        got = {r[0]: r for r in rows}
        for c, t in numeric:
            r = got.get(c, (c, 0, 0, None, None, None, None, None, 0))
            as_int = duck_type(t) == "integer"
            out[c] = {"non_null": r[1], "distinct": r[2], "min": _bound(r[3], as_int), "max": _bound(r[4], as_int),
                      "mean": jsonable(r[5]), "std": jsonable(r[6]), "median": jsonable(r[7]), "negatives": r[8]}
    if text:
        sel = ", ".join(f"CAST({quote_ident(c)} AS VARCHAR) AS {quote_ident(c)}" for c, _ in text)
        rows = con.execute(
            f"SELECT name, count(v), count(DISTINCT v), min(v), max(v), avg(length(v))::DOUBLE FROM "
            f"(UNPIVOT (SELECT {sel} FROM {table}) ON COLUMNS(*) INTO NAME name VALUE v) GROUP BY name").fetchall()
        got = {r[0]: r for r in rows}
        for c, _ in text:
            r = got.get(c, (c, 0, 0, None, None, None))
            out[c] = {"non_null": r[1], "distinct": r[2], "min": _clip(r[3]), "max": _clip(r[4]),
                      "avg_length": jsonable(r[5])}
    return out


def _bound(v: float | None, as_int: bool) -> float | int | None:
    """A numeric min/max as JSON: whole numbers for integer columns (they were cast to DOUBLE)."""
    return int(v) if v is not None and as_int else jsonable(v)


def _clip(v: object) -> Any:
    v = jsonable(v)
    return v[:MAX_VALUE_CHARS] if isinstance(v, str) else v


_CODE = re.compile(r"[A-Za-z]{0,4}[-_#]?\d{2,}")


def code_like(info: dict[str, Any]) -> bool:
    """E0001…E0800 or INV-1002: a unique text column of codes labels rows (an identifier)."""
    lo, hi = info.get("min"), info.get("max")
    return isinstance(lo, str) and isinstance(hi, str) and bool(_CODE.fullmatch(lo) and _CODE.fullmatch(hi))


def is_numeric(col: dict[str, Any]) -> bool:
    return col["type"] in ("integer", "number")


_LINE_ITEM_WORDS = {"sku", "item", "product", "line", "part"}


def has_line_items(profile: dict[str, Any]) -> bool:
    """Whether rows are the lines of something (a column of the item on each line: SKU, Item, Product): then a
    repeating id (Order No) is the thing the lines belong to; else each row is one of them (a flight of a
    repeating Flight No, a seat of a repeating Seat No)."""
    return any(set(c["tokens"]) & _LINE_ITEM_WORDS and c["type"] == "text" for c in profile["columns"])


def is_identifier(col: dict[str, Any]) -> bool:
    """Identifiers (E0001…, unique per row) label rows; they are never a category to chart."""
    return col["role"] == "identifier" or (col["type"] == "text" and bool(col.get("unique")) and
                                           (bool(set(col.get("tokens") or []) & {"id", "code", "key", "no"})
                                            or code_like(col)))


def _assign_role(info: dict[str, Any], row_count: int) -> None:
    tokens = set(info["tokens"])
    kind, nn, nd = info["type"], info["non_null"], info["distinct"]
    unique = nn > 0 and nd >= nn * (0.999 if row_count <= 200_000 else 0.97)
    info["unique"] = bool(unique)
    if kind in ("date", "datetime"):
        info["role"] = "temporal"
        return
    if kind == "integer" and tokens & _YEAR_WORDS and info.get("min") is not None \
            and info["min"] >= 1800 and info["max"] <= 2100:
        info["role"], info["year_like"] = "temporal", True
        return
    last = info["tokens"][-1] if info["tokens"] else ""
    id_named = last in _ID_WORDS or bool(re.search(r"(^|[^a-z])id$", info["name"].lower())) \
        or info["name"].lower().endswith("id") and info["name"][-2:] in ("ID", "Id")
    if kind in ("integer", "number"):
        sequence = kind == "integer" and unique and nn > 2 and info["max"] - info["min"] + 1 == nd
        # "Order #" numbers the rows only when every number is its own; "Visitors #" with repeats is a count
        if (id_named and (unique or nd > 0.5 * nn and last != "#" or last in ("id", "uuid", "guid", "key"))) or \
                (sequence and (id_named or not tokens & _INTENSIVE and nn > 20 and info["min"] in (0, 1))):
            info["role"] = "identifier"
            return
        info["role"] = "measure"
        # "bounce_rt" is a rate; a column named "RT" alone is more likely retweets, counted
        rate_words = tokens & _INTENSIVE | ({"rt"} if len(tokens) > 1 and last == "rt" else set())
        # "conversions", "churns": whole counts past 1 are events, summed; 0/1 or fractions are a rate
        if rate_words and rate_words <= _EVENT_NOUNS and kind == "integer" and (info.get("max") or 0) > 1:
            rate_words = set()
        # "Price ($/lb)", "Pay Rate ($/hr)": money per some unit, a price
        priced = bool(tokens & _PRICE) and bool(tokens & {"unit", "per"}) or bool(_MONEY_PER.search(info["name"]))
        intensive = bool(rate_words) or priced or info.get("unit") == "%"
        info["additive"] = not intensive
        # "Total ($)" says its money in the header; "Rental Days" counts days of a rental, no money
        counted = last in _COUNTED_UNITS and not _HEADER_MONEY.search(info["name"])
        whole_charge = last in _MONEY_HEADS and tokens - {last} <= _WHOLE_CHARGE
        if (tokens & _MONEY or whole_charge or info.get("unit") in ("$", "€", "£", "¥")
                or _HEADER_MONEY.search(info["name"]) or "total" in tokens and tokens & BILLED_NOUNS) and not counted:
            info["money"] = True
        info["groupable"] = nd <= 30 and kind == "integer"
        return
    if kind == "text" and unique and id_named:
        info["role"] = "identifier"
        return
    info["role"] = "dimension"


def _values(con: duckdb.DuckDBPyConnection, table: str, columns: list[dict[str, Any]]) -> None:
    """Keep the distinct values (with counts) of low-cardinality text, boolean and small integer columns."""
    wanted = [c for c in columns if c["distinct"] <= MAX_VALUES and c["non_null"] > 0 and
              (c["type"] in ("text", "boolean") or (c["type"] == "integer" and c["distinct"] <= 50))]
    rows = count_of(con, f"SELECT count(*) FROM {table}")
    if len(wanted) > 100 and rows * len(wanted) <= 20_000_000:
        sel = ", ".join(f"CAST({quote_ident(c['name'])} AS VARCHAR) AS {quote_ident(c['name'])}" for c in wanted)
        per_name: dict[str, list[list[Any]]] = {}
        for name, v, n in con.execute(f"SELECT name, v, count(*) FROM (UNPIVOT (SELECT {sel} FROM {table}) ON "
                                      f"COLUMNS(*) INTO NAME name VALUE v) GROUP BY ALL").fetchall():
            per_name.setdefault(name, []).append([v[:MAX_VALUE_CHARS], n])
        for c in wanted:
            c["values"] = sorted(per_name.get(c["name"], []), key=lambda p: (-p[1], p[0]))[:MAX_VALUES]
        return
    for i in range(0, len(wanted), 50):
        batch = wanted[i:i + 50]
        sql = " UNION ALL ".join(
            f"(SELECT {j} AS k, CAST({quote_ident(c['name'])} AS VARCHAR) AS v, count(*) AS n FROM {table} "
            f"WHERE {quote_ident(c['name'])} IS NOT NULL GROUP BY 2)"
            for j, c in enumerate(batch))
        per: dict[int, list[list[Any]]] = {}
        for k, v, n in con.execute(sql).fetchall():
            per.setdefault(k, []).append([v[:MAX_VALUE_CHARS], n])
        for j, c in enumerate(batch):
            vals = sorted(per.get(j, []), key=lambda p: (-p[1], p[0]))
            c["values"] = vals[:MAX_VALUES]


def columns_summary(profile: dict[str, Any]) -> list[dict[str, Any]]:
    """The per-column view the service shows: name, type, role (+ additive for measures)."""
    out = []
    for c in profile["columns"]:
        d = {"name": c["name"], "type": c["type"], "role": c["role"]}
        if c["role"] == "measure":
            d["additive"] = c.get("additive", True)
        out.append(d)
    return out


def sample_rows(con: duckdb.DuckDBPyConnection, table: str, n: int = 10) -> list[dict[str, Any]]:
    cur = con.execute(f"SELECT * FROM {table} LIMIT {int(n)}")
    names = [d[0] for d in cur.description]
    return rows_to_dicts(names, cur.fetchall())
