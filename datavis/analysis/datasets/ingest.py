"""Upload → dataset: validate the CSV, convert it once into a DuckDB file, profile it.

The CSV is checked in two streaming passes before DuckDB sees it (bytes: UTF-8 and line
length; records: field counts, cell sizes, row and column limits), so every rejection has a
plain message and nothing is left behind. DuckDB then reads it with the validated dialect;
text columns that hold dates in other formats, money ("$1,200") or percentages are converted,
and text cells that start like a spreadsheet formula are neutralised (see `_neutralise`).
"""
from __future__ import annotations

import codecs
import csv
import json
import re
import shutil
from pathlib import Path

import duckdb

from ..errors import BadDataset
from ..language.lexicon import CLOCK_WORDS, DURATION_COLUMN_WORDS
from ..language.names import norm_tokens, quote_ident
from ..models import Dataset, IngestLimits
from .profile import build_profile, columns_summary, count_of, sample_rows
from .store import DATA_FILE, PROFILE_FILE, load_profile

TABLE = "data"
NULL_STRINGS = ["", "nan", "NaN", "NAN", "None", "none", "NULL", "null", "N/A", "n/a", "#N/A", "NaT"]

_CHUNK = 1 << 20
_TRANSCODED = "upload.utf-8.csv"
_DELIMITERS = [",", ";", "\t", "|"]
_MAGIC = [
    (b"PK\x03\x04", "a ZIP archive (an Excel .xlsx workbook is one); save it as CSV"),
    (b"\xd0\xcf\x11\xe0", "an old Excel/Office file; save it as CSV"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive; unpack it first"),
    (b"SQLite format 3", "a SQLite database"),
    (b"PAR1", "a Parquet file"),
]
# Date formats tried on text columns DuckDB left as VARCHAR (it sniffs one format per file).
_DATE_FORMATS = [
    "%m/%d/%Y", "%d/%m/%Y", "%Y/%m/%d", "%m-%d-%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y.%m.%d",
    "%m/%d/%y", "%d/%m/%y", "%b %d, %Y", "%B %d, %Y", "%b %d %Y", "%B %d %Y", "%d %b %Y",
    "%d %B %Y", "%d-%b-%Y", "%d-%b-%y", "%b %Y", "%B %Y", "%b-%Y", "%Y-%m", "%Y%m%d",
    "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%m/%d/%Y %H:%M", "%m/%d/%Y %H:%M:%S", "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S", "%m/%d/%Y %I:%M %p", "%m/%d/%Y %I:%M:%S %p", "%Y-%m-%d %H:%M:%S%z",
    "%a, %d %b %Y %H:%M:%S", "%Y-%m-%d %H:%M:%S",
]
# a currency sign before a number with or without thousands separators ("$1,200.50", "€1200.50"), or
# a number with thousands separators alone ("1,200")
_MONEY = (r"^\s*\(?\s*[-+]?\s*[$€£¥]\s*[-+]?(\d{1,3}(,\d{3})*|\d+)(\.\d+)?\s*\)?\s*$"
          r"|^\s*[-+]?\d{1,3}(,\d{3})+(\.\d+)?\s*$")
_PERCENT = r"^\s*[-+]?\d+(\.\d+)?\s*%\s*$"
# a European export writes money and decimals with a decimal comma: "€1.234,50", "980,00 €", "12,5"
_DECIMAL_COMMA = (r"^\s*[-+]?\s*[$€£¥]?\s*[-+]?(\d{1,3}(\.\d{3})+|\d+)(,\d{1,3})?\s*[$€£¥]?\s*$")
# one unit written after every number: "1.2 kg", "45 min", "4.5/5"
_UNIT_NUMBER = r"^\s*[-+]?\d+(\.\d+)?\s*([A-Za-z]{1,6}|/\s*\d+)\s*$"
# what an export writes for "nothing" in a number column
_PLACEHOLDERS = {"-", "–", "—", "--", "?"}
_PLAIN_NUMBER = r"^\s*[-+]?\d{1,3}(\.\d+)?\s*$"
_FORMULA = r"^[=+\-@\t\r]"
DEFAULT_LIMITS = IngestLimits()  # frozen: one shared default


def ingest_csv(csv_path: Path, dataset_dir: Path, *, name: str, limits: IngestLimits = DEFAULT_LIMITS) -> Dataset:
    """Validate `csv_path`, store it as a DuckDB file + profile in `dataset_dir` (created here).

    On any failure everything created is removed and BadDataset (or the unexpected error) raised.
    """
    csv_path, dataset_dir = Path(csv_path), Path(dataset_dir)
    dataset_dir.mkdir(parents=True, exist_ok=False)
    try:
        encoding = "utf-8"
        try:
            dialect_delim, header, rows, short = _validate(csv_path, limits)
        except _NotUtf8 as not_utf8:
            copy = _from_windows_1252(csv_path, dataset_dir)
            if copy is None:
                raise not_utf8 from None
            csv_path, encoding = copy, "windows-1252"
            dialect_delim, header, rows, short = _validate(csv_path, limits)
        names = _column_names(header)
        with duckdb.connect(str(dataset_dir / DATA_FILE)) as con:
            _load(con, csv_path, dialect_delim, names)
            conversions = _refine_types(con, names)
            neutralised = _neutralise(con)
            profile = build_profile(con, TABLE, name=name, conversions=conversions)
            profile["formula_cells_neutralised"] = neutralised
            profile["short_rows_padded"] = short
            profile["encoding"] = encoding
            samples = sample_rows(con, TABLE)
        if profile["row_count"] != rows:  # both readers must agree, or the file was read two ways
            raise BadDataset(f"the file could not be read consistently ({rows:,} rows by the checker, "
                             f"{profile['row_count']:,} by the loader); check its quoting")
        dataset = Dataset(row_count=profile["row_count"], columns=columns_summary(profile),
                          profile=profile, sample_rows=samples)
        (dataset_dir / PROFILE_FILE).write_text(json.dumps({"profile": profile, "sample_rows": samples}))
        (dataset_dir / _TRANSCODED).unlink(missing_ok=True)
        return dataset
    except BaseException as exc:
        shutil.rmtree(dataset_dir, ignore_errors=True)
        if isinstance(exc, duckdb.Error):
            raise BadDataset(f"the file could not be read as CSV: {_first_line(str(exc))}") from exc
        raise


class _NotUtf8(BadDataset):
    """The upload's bytes are not UTF-8 (the message names the first bad byte)."""


def _from_windows_1252(path: Path, dataset_dir: Path) -> Path | None:
    """A UTF-8 copy of an upload that reads as Windows-1252 (what Excel on Windows saves as "CSV"),
    kept in the dataset's directory until it is loaded; None when it does not read so either."""
    copy = dataset_dir / _TRANSCODED
    try:
        with open(path, encoding="cp1252", newline="") as src, \
                open(copy, "w", encoding="utf-8", newline="") as dst:
            shutil.copyfileobj(src, dst, _CHUNK)
    except UnicodeDecodeError:  # a byte Windows-1252 leaves undefined: not text in either
        copy.unlink(missing_ok=True)
        return None
    return copy


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0][:300] if text.strip() else "unknown error"


# ---------------------------------------------------------------- validation
def _validate(path: Path, limits: IngestLimits) -> tuple[str, list[str], int, int]:
    """Check the bytes then the records; returns (delimiter, header, data rows, short rows)."""
    with open(path, "rb") as f:
        head = f.read(64 * 1024)
    if not head.strip(b" \t\r\n\xef\xbb\xbf"):
        raise BadDataset("the file is empty")
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise BadDataset(f"the file does not look like CSV: it is {what}")
    if b"\x00" in head:
        raise BadDataset("the file does not look like CSV: it contains binary data (NUL bytes)")
    _check_bytes(path, limits)
    text_head = head.decode("utf-8-sig", errors="ignore").lstrip()
    if text_head[:1] in "{[" and _looks_like_json(text_head):
        raise BadDataset("the file does not look like CSV: it looks like JSON")
    if re.match(r"<(\?xml|!doctype|html|\w+[ >])", text_head[:200], re.I):
        raise BadDataset("the file does not look like CSV: it looks like HTML or XML")
    delim = _sniff_delimiter(text_head)
    return (delim, *_check_records(path, delim, limits))


def _looks_like_json(text: str) -> bool:
    return bool(re.match(r"[\[{]\s*([\"{\[]|$)", text))


def _check_bytes(path: Path, limits: IngestLimits) -> None:
    """UTF-8 (with the byte and its position when not) and the physical line length."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset, current_line, line_no = 0, 0, 1
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as e:
                pos = max(0, offset + e.start - len(decoder.getstate()[0]))
                bad = chunk[e.start] if e.start < len(chunk) else 0
                raise _NotUtf8(f"the file is not valid UTF-8 (byte 0x{bad:02x} at position {pos:,}); "
                               "save it as UTF-8 CSV") from None
            parts = chunk.split(b"\n")
            # lengths of complete lines in this chunk; the last part continues in the next chunk
            first = current_line + len(parts[0])
            longest = max([first] + [len(p) for p in parts[1:-1]]) if len(parts) > 1 else first
            if longest > limits.max_line_bytes:
                where = line_no if first == longest else line_no + 1 + [len(p) for p in parts[1:-1]].index(longest)
                raise BadDataset(f"line {where:,} is too long (more than {limits.max_line_bytes:,} bytes)")
            current_line = len(parts[-1]) if len(parts) > 1 else first
            line_no += len(parts) - 1
            offset += len(chunk)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            raise _NotUtf8(f"the file is not valid UTF-8 (it ends in the middle of a character, "
                           f"position {offset:,})") from None
        if current_line > limits.max_line_bytes:
            raise BadDataset(f"line {line_no:,} is too long (more than {limits.max_line_bytes:,} bytes)")


def _sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most, equally long, records."""
    lines = text.splitlines()[:30]
    if len(text) >= 64 * 1024 - 16 and len(lines) > 1:
        lines = lines[:-1]  # the last line of the sample may be cut
    best, best_score = ",", -1.0
    for d in _DELIMITERS:
        try:
            rows = [r for r in csv.reader(lines, delimiter=d) if r]
        except csv.Error:
            continue
        if not rows:
            continue
        widths = [len(r) for r in rows]
        if widths[0] < 2:
            continue
        consistent = sum(w == widths[0] for w in widths) / len(widths)
        score = consistent * 10 + min(widths[0], 50) / 50
        if score > best_score:
            best, best_score = d, score
    return best


def _check_records(path: Path, delim: str, limits: IngestLimits) -> tuple[list[str], int, int]:
    csv.field_size_limit(max(limits.max_cell_chars, 1))
    rows = short = 0
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f, delimiter=delim, quotechar='"', doublequote=True, strict=True)
        try:
            header = next(reader, None)
            while header is not None and not any(h.strip() for h in header):
                header = next(reader, None)  # leading blank lines
            if header is None:
                raise BadDataset("the file is empty")
            width = len(header)
            if width > limits.max_columns:
                raise BadDataset(f"too many columns ({width:,}; the limit is {limits.max_columns:,})")
            if width == 1 and len(header[0]) > 200:
                raise BadDataset("the file does not look like CSV: the first line is long text with no "
                                 "delimiter (comma, semicolon, tab or |)")
            if all(_is_number(h) for h in header if h.strip()) and width > 1:
                raise BadDataset("the first row must hold the column names, but it holds numbers; "
                                 "add a header row")
            for record in reader:
                if not record or (len(record) == 1 and not record[0].strip() and width > 1):
                    continue  # blank line
                rows += 1
                if len(record) < width:
                    short += 1  # missing trailing fields are read as empty (many exporters drop them)
                elif len(record) > width:
                    raise BadDataset(f"row {rows + 1:,} has {len(record)} field{'s' * (len(record) != 1)}, "
                                     f"the header has {width}")
                if rows > limits.max_rows:
                    raise BadDataset(f"too many rows (more than {limits.max_rows:,}; the limit is "
                                     f"{limits.max_rows:,})")
        except csv.Error as e:
            msg = str(e)
            if "field larger than field limit" in msg:
                raise BadDataset(f"a cell in row {rows + 2:,} is longer than {limits.max_cell_chars:,} "
                                 "characters") from None
            raise BadDataset(f"the file does not look like CSV: {msg} (near row {rows + 2:,})") from None
    if rows == 0:
        raise BadDataset("the file has a header row but no data rows")
    return header, rows, short


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", ""))
        return True
    except ValueError:
        return False


def _column_names(header: list[str]) -> list[str]:
    """Header cells as column names: trimmed, empty ones named, duplicates (any case) numbered."""
    names: list[str] = []
    seen: set[str] = set()
    for i, raw in enumerate(header, start=1):
        base = re.sub(r"\s+", " ", raw.replace("\x00", "")).strip()[:120] or f"column_{i}"
        candidate, n = base, 2
        while candidate.lower() in seen:
            candidate, n = f"{base}_{n}", n + 1
        seen.add(candidate.lower())
        names.append(candidate)
    return names


# ---------------------------------------------------------------- loading
def _load(con: duckdb.DuckDBPyConnection, path: Path, delim: str, names: list[str]) -> None:
    con.execute(
        f"CREATE TABLE {TABLE} AS SELECT * FROM read_csv(?, header=true, delim=?, quote='\"', escape='\"', "
        "sample_size=-1, nullstr=?, names=?, strict_mode=false, null_padding=true, encoding='utf-8')",
        [str(path), delim, NULL_STRINGS, names],
    )


def _refine_types(con: duckdb.DuckDBPyConnection, names: list[str]) -> dict[str, dict[str, str | None]]:
    """Convert VARCHAR columns that hold dates, money or percentages, and zoned timestamps to UTC ones;
    returns what was converted."""
    types = dict(con.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?", [TABLE]).fetchall())
    conversions: dict[str, dict[str, str | None]] = {}
    for col in names:
        if types.get(col) == "TIMESTAMP WITH TIME ZONE":
            # "2025-03-31T14:05:00Z" is read with its zone: kept as the UTC wall time, since a zoned
            # timestamp can be neither profiled as a time of day nor handed to Python without pytz
            conversions[col] = {"kind": "utc", "format": "timestamp with time zone, as UTC", "type": "datetime"}
            continue
        words = set(norm_tokens(col))
        if types.get(col) == "TIME" and words & DURATION_COLUMN_WORDS and not words & CLOCK_WORDS:
            conversions[col] = {"kind": "minutes", "format": "h:mm:ss, as minutes", "unit": "min"}
            continue
        if types.get(col) != "VARCHAR":
            continue
        q = quote_ident(col)
        sample = [r[0] for r in con.execute(
            f"SELECT DISTINCT trim({q}) FROM {TABLE} WHERE {q} IS NOT NULL AND trim({q}) <> '' LIMIT 500").fetchall()]
        if not sample:
            continue
        conv = _date_conversion(con, sample) or _number_conversion(sample)
        if conv:
            conversions[col] = conv
    if not conversions:
        return {}
    select = []
    for col in names:
        q = quote_ident(col)
        conv = conversions.get(col)
        if conv is None:
            select.append(q)
        elif conv["kind"] == "utc":
            select.append(f"timezone('UTC', {q}) AS {q}")
        elif conv["kind"] == "minutes":
            select.append(f"epoch({q}) / 60.0 AS {q}")
        elif conv["kind"] == "date":
            cast = "DATE" if conv["type"] == "date" else "TIMESTAMP"
            select.append(f"CAST(try_strptime(trim({q}), '{conv['format']}') AS {cast}) AS {q}")
        elif conv["kind"] == "decimal_comma":
            select.append(f"TRY_CAST(replace(regexp_replace(trim({q}), '[$€£¥.\\s]', '', 'g'), ',', '.') "
                          f"AS DOUBLE) AS {q}")
        elif conv["kind"] == "unit":
            select.append(f"TRY_CAST(regexp_extract(trim({q}), '^[-+]?\\d+(\\.\\d+)?') AS DOUBLE) AS {q}")
        else:
            select.append(f"TRY_CAST(regexp_replace(regexp_replace(trim({q}), '^\\((.*)\\)$', '-\\1'), "
                          f"'[$€£¥,%\\s]', '', 'g') AS DOUBLE) AS {q}")
    con.execute(f"CREATE TABLE {TABLE}_typed AS SELECT {', '.join(select)} FROM {TABLE}")
    con.execute(f"DROP TABLE {TABLE}")
    con.execute(f"ALTER TABLE {TABLE}_typed RENAME TO {TABLE}")
    return conversions


def _date_conversion(con: duckdb.DuckDBPyConnection, sample: list[str]) -> dict[str, str | None] | None:
    if not any(ch.isdigit() for ch in sample[0]) or max(len(s) for s in sample) > 40:
        return None
    best: tuple[float, str] | None = None
    for fmt in _DATE_FORMATS:
        ok = count_of(con, "SELECT count(try_strptime(v, ?)) FROM unnest(?::VARCHAR[]) t(v)", [fmt, sample])
        share = ok / len(sample)
        if share >= 0.9 and (best is None or share > best[0]):
            best = (share, fmt)
    if best is None:
        return None
    fmt = best[1]
    has_time = "%H" in fmt or "%I" in fmt
    return {"kind": "date", "format": fmt, "type": "datetime" if has_time else "date"}


def _number_conversion(given: list[str]) -> dict[str, str | None] | None:
    sample = [s for s in given if s not in _PLACEHOLDERS]
    if len(sample) < max(1, len(given) // 2):
        return None
    money = sum(bool(re.match(_MONEY, s)) for s in sample)
    # an export writes "1,234.50" and "803.45" in one column: the small ones have no separator
    plain = sum(bool(re.match(_PLAIN_NUMBER, s)) for s in sample) if money else 0
    if money / len(sample) >= 0.95 or (money >= 0.2 * len(sample) and (money + plain) / len(sample) >= 0.95):
        symbol = next((c for s in sample for c in s if c in "$€£¥"), None)
        return {"kind": "number", "unit": symbol}
    if sum(bool(re.match(_PERCENT, s)) for s in sample) / len(sample) >= 0.95:
        return {"kind": "number", "unit": "%"}
    # a comma is a decimal comma only where some value cannot be read the American way ("1.234,50", "12,5")
    if all(re.match(_DECIMAL_COMMA, s) for s in sample) and any(
            re.search(r",\d{1,2}\s*[$€£¥]?\s*$|\d\.\d{3}\.\d{3}", s) for s in sample):
        symbol = next((c for s in sample for c in s if c in "$€£¥"), None)
        return {"kind": "decimal_comma", "unit": symbol}
    units = [m.group(2).replace(" ", "").lower() for s in sample if (m := re.match(_UNIT_NUMBER, s))]
    if units and len(units) / len(sample) >= 0.95 and len({u.rstrip("s") or u for u in units}) == 1:
        return {"kind": "unit", "unit": units[0]}
    return None


def _neutralise(con: duckdb.DuckDBPyConnection) -> int:
    """Prefix text cells that start like a spreadsheet formula (=, +, -, @, tab, CR) with a quote.

    Done once at ingest, so every way the value leaves datavis (sample rows, chart data, SQL
    results, an exported CSV, the LLM prompt) carries the inert form '=... (OWASP's advice).
    Numbers are typed columns by now, so "-5" in a numeric column is untouched.
    """
    text_cols = [r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND data_type = 'VARCHAR'",
        [TABLE]).fetchall()]
    total = 0
    for col in text_cols:
        q = quote_ident(col)
        n = count_of(con, f"SELECT count(*) FROM {TABLE} WHERE regexp_matches({q}, ?)", [_FORMULA])
        if n:
            con.execute(f"UPDATE {TABLE} SET {q} = '''' || {q} WHERE regexp_matches({q}, ?)", [_FORMULA])
            total += n
    return total


def load_dataset(dataset_dir: Path) -> Dataset:
    """Re-read what ingest stored (profile and sample rows); cheap, no query on the data."""
    stored = load_profile(Path(dataset_dir))
    # no in-memory indexes; the keys are copied first because request threads add lazily built
    # indexes (the matcher's, the coverage check's) to the same cached profile
    profile = {k: v for k, v in list(stored["profile"].items()) if not k.startswith("_")}
    return Dataset(row_count=profile["row_count"], columns=columns_summary(profile), profile=profile,
                   sample_rows=stored["sample_rows"])
