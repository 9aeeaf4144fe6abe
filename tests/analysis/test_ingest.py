"""Upload → dataset: types, roles, formats, limits, and clear rejections that leave nothing behind."""
from __future__ import annotations

import json

import pytest

from datavis.analysis import BadDataset, IngestLimits, ingest_csv, load_dataset


def cols(ds):
    return {c["name"]: c for c in ds.profile["columns"]}


def test_types_roles_and_name_styles(write_csv, tmp_path):
    csv = ("Order Date,order_id,customerName,Revenue,unit price,Discount %,Region,year\n"
           "2024-01-05,A1,Ann,\"$1,200.50\",10.5,5%,West,2020\n"
           "2024-02-10,A2,Bob,$300,12,10%,East,2021\n"
           "2024-03-15,A3,Cid,$45.25,9.75,0%,West,2022\n")
    ds = ingest_csv(write_csv(csv), tmp_path / "ds", name="orders")
    c = cols(ds)
    assert ds.row_count == 3
    assert c["Order Date"]["type"] == "date" and c["Order Date"]["role"] == "temporal"
    assert c["order_id"]["role"] == "identifier"
    assert c["Revenue"]["type"] == "number" and c["Revenue"]["role"] == "measure" and c["Revenue"]["additive"]
    assert c["Revenue"]["unit"] == "$" and c["Revenue"]["max"] == pytest.approx(1200.5)
    assert c["unit price"]["additive"] is False  # intensive: averaged, not summed
    assert c["Discount %"]["type"] == "number" and c["Discount %"]["max"] == 10
    assert c["Region"]["role"] == "dimension" and [v for v, _ in c["Region"]["values"]] == ["West", "East"]
    assert c["year"]["role"] == "temporal" and c["year"]["year_like"]
    assert ds.sample_rows[0]["Order Date"] == "2024-01-05"
    assert [x["name"] for x in ds.columns][:2] == ["Order Date", "order_id"]
    again = load_dataset(tmp_path / "ds")
    json.dumps(again.profile)
    json.dumps(ds.profile)
    assert again.profile == ds.profile
    assert again.row_count == 3 and again.columns == ds.columns and again.sample_rows == ds.sample_rows


def test_money_said_in_the_header(write_csv, tmp_path):
    """"Total ($)" and "Fee (USD)" hold money though their numbers carry no sign; "Price ($/lb)" is a price (not
    summed); "Rental Days" counts days of a rental, no money though "rental" is a word of money."""
    rows = [f"{3 + i % 4},{100 + i}.5,{20 + i},{2 + i % 3}.25" for i in range(10)]
    ds = ingest_csv(write_csv("Rental Days,Total ($),Fee (USD),Price ($/lb)\n" + "\n".join(rows) + "\n"),
                    tmp_path / "ds", name="rentals")
    c = cols(ds)
    assert c["Total ($)"].get("money") and c["Fee (USD)"].get("money") and c["Total ($)"]["additive"]
    assert c["Price ($/lb)"].get("money") and c["Price ($/lb)"]["additive"] is False
    assert not c["Rental Days"].get("money")


def test_a_number_sign_names_an_identifier_only_when_each_number_is_its_own(write_csv, tmp_path):
    """"Order #" 1001, 1002… numbers the rows; "Visitors #" repeats its counts (it is a measure, summed); a
    column named a rate by "rt" after another word is averaged, "RT" alone (retweets) is summed."""
    rows = [f"{1001 + i},{[120, 80, 120, 95, 80, 60][i % 6]},{i % 4},0.{30 + i}" for i in range(12)]
    ds = ingest_csv(write_csv("Order #,Visitors #,RT,bounce_rt\n" + "\n".join(rows) + "\n"), tmp_path / "ds",
                    name="weekly")
    c = cols(ds)
    assert c["Order #"]["role"] == "identifier"
    assert c["Visitors #"]["role"] == "measure" and c["Visitors #"]["additive"]
    assert c["RT"]["additive"] and c["bounce_rt"]["additive"] is False


@pytest.mark.parametrize("values,expected", [
    (["03/15/2024", "12/01/2024", "01/31/2023"], "2024-03-15"),
    (["15/03/2024", "01/12/2024", "31/01/2023"], "2024-03-15"),
    (["Mar 15, 2024", "Dec 1, 2024", "Jan 31, 2023"], "2024-03-15"),
    (["15.03.2024", "01.12.2024", "31.01.2023"], "2024-03-15"),
    (["2024/03/15", "2024/12/01", "2023/01/31"], "2024-03-15"),
    (["15-Mar-2024", "01-Dec-2024", "31-Jan-2023"], "2024-03-15"),
])
def test_common_date_formats(write_csv, tmp_path, values, expected):
    csv = "when,amount\n" + "".join(f"\"{v}\",{i}\n" for i, v in enumerate(values))
    ds = ingest_csv(write_csv(csv), tmp_path / "ds", name="d")
    assert cols(ds)["when"]["type"] == "date"
    assert ds.sample_rows[0]["when"] == expected


@pytest.mark.parametrize("name,values,expected", [
    ("amount", ["€1.234,50", "980,00 €", "€12,5"], [1234.5, 980.0, 12.5]),  # decimal commas
    ("amount", ["1.234.567", "2.000.000", "12,5"], [1234567.0, 2000000.0, 12.5]),
    ("amount", ["1,234", "2,500", "$12"], [1234.0, 2500.0, 12.0]),  # thousands, the American way
    ("refund", ["$5.00", "-", "$1,200.00"], [5.0, None, 1200.0]),  # a dash is nothing
    ("weight", ["1.2 kg", "800 kg", "3 kg"], [1.2, 800.0, 3.0]),
    ("rating", ["4.5/5", "3/5", "5/5"], [4.5, 3.0, 5.0]),
    ("seat", ["12A", "13B", "14C"], ["12A", "13B", "14C"]),  # codes stay text
    ("weight", ["1.2 kg", "800 g", "3 kg"], ["1.2 kg", "800 g", "3 kg"]),  # mixed units: not one number
    ("talk time", ["0:04:10", "1:00:00", "0:00:30"], [4 + 1 / 6, 60.0, 0.5]),  # minutes
    ("start time", ["09:15:00", "14:30:00", "08:00:00"], ["09:15:00", "14:30:00", "08:00:00"]),  # clock
    ("break start", ["12:30:00", "13:00:00", "12:45:00"], ["12:30:00", "13:00:00", "12:45:00"]),  # a moment
])
def test_numbers_as_exports_write_them(write_csv, tmp_path, name, values, expected):
    csv = f"id,{name}\n" + "".join(f"{i},\"{v}\"\n" for i, v in enumerate(values))
    ds = ingest_csv(write_csv(csv), tmp_path / "ds", name="d")
    got = [row[name] for row in ds.sample_rows]
    assert got == (pytest.approx(expected) if isinstance(expected[0], float) else expected)


def test_zoned_timestamps_are_utc(write_csv, tmp_path):
    csv = "id,created\n1,2025-03-31T14:05:00Z\n2,2025-04-01T09:15:00+02:00\n"
    ds = ingest_csv(write_csv(csv), tmp_path / "ds", name="d")
    assert cols(ds)["created"]["type"] == "datetime"
    assert [r["created"] for r in ds.sample_rows] == ["2025-03-31 14:05:00", "2025-04-01 07:15:00"]


def test_missing_values_short_rows_and_duplicate_headers(write_csv, tmp_path):
    csv = "id,Name,name,score\n1,a,x,nan\n2,b,y,None\n3,c\n"
    ds = ingest_csv(write_csv(csv), tmp_path / "ds", name="d")
    names = [c["name"] for c in ds.columns]
    assert names == ["id", "Name", "name_2", "score"]
    assert ds.profile["short_rows_padded"] == 1
    assert cols(ds)["score"]["non_null"] == 0
    assert ds.sample_rows[2] == {"id": 3, "Name": "c", "name_2": None, "score": None}


def test_formula_cells_are_neutralised(write_csv, tmp_path):
    csv = 'name,amount,note\nA,-5,"=HYPERLINK(""http://x"",""y"")"\nB,7,+cmd|calc\nC,3,@SUM(A1)\nD,4,plain\n'
    ds = ingest_csv(write_csv(csv), tmp_path / "ds", name="d")
    notes = [r["note"] for r in ds.sample_rows]
    assert notes == ["'=HYPERLINK(\"http://x\",\"y\")", "'+cmd|calc", "'@SUM(A1)", "plain"]
    assert [r["amount"] for r in ds.sample_rows] == [-5, 7, 3, 4]  # numbers are not touched
    assert ds.profile["formula_cells_neutralised"] == 3


def test_semicolon_and_tab_delimiters(write_csv, tmp_path):
    ds = ingest_csv(write_csv("a;b\n1;x\n2;y\n"), tmp_path / "s", name="d")
    assert [c["name"] for c in ds.columns] == ["a", "b"]
    ds = ingest_csv(write_csv("a\tb\n1\tx\n", "t.csv"), tmp_path / "t", name="d")
    assert ds.row_count == 1 and [c["name"] for c in ds.columns] == ["a", "b"]


def test_thousands_of_columns(write_csv, tmp_path):
    header = ",".join(f"metric_{i}" for i in range(1500))
    rows = "\n".join(",".join(str((r * 7 + i) % 100) for i in range(1500)) for r in range(20))
    ds = ingest_csv(write_csv(header + "\n" + rows + "\n"), tmp_path / "ds", name="wide")
    assert len(ds.columns) == 1500 and ds.row_count == 20


@pytest.mark.parametrize("content,message", [
    (b"", "the file is empty"),
    (b"  \n\n", "the file is empty"),
    (b"a,b\n1,\x81\n", "not valid UTF-8 (byte 0x81 at position 6)"),  # nor Windows-1252
    (b"\x89PNG\r\n\x1a\n....", "it is a PNG image"),
    (b"PK\x03\x04\x14\x00rest", "ZIP archive"),
    (b"%PDF-1.7 ...", "PDF"),
    (b'[{"a": 1}, {"a": 2}]', "looks like JSON"),
    (b"<!DOCTYPE html><html><body>hi</body></html>", "HTML or XML"),
    (b"a,b,c\n1,2,3\n4,5,6,7\n", "row 3 has 4 fields, the header has 3"),
    (b"a,b\n", "header row but no data rows"),
    (b"1,2,3\n4,5,6\n", "must hold the column names"),
    (b"a,b\n1,x\x00y\n", "binary data"),
    (b'a,b\n1,"unclosed\n', "does not look like CSV"),
])
def test_rejections_leave_nothing_behind(write_csv, tmp_path, content, message):
    target = tmp_path / "ds"
    with pytest.raises(BadDataset) as e:
        ingest_csv(write_csv(content), target, name="bad")
    assert message in e.value.message
    assert not target.exists()


@pytest.mark.parametrize("limits,content,message", [
    (IngestLimits(max_columns=3), "a,b,c,d\n1,2,3,4\n", "too many columns (4; the limit is 3)"),
    (IngestLimits(max_rows=2), "a\n1\n2\n3\n", "too many rows"),
    (IngestLimits(max_line_bytes=20), "a,b\n1," + "x" * 40 + "\n", "line 2 is too long"),
    (IngestLimits(max_cell_chars=10), 'a,b\n1,"' + "y" * 30 + '"\n', "longer than 10 characters"),
])
def test_limits(write_csv, tmp_path, limits, content, message):
    target = tmp_path / "ds"
    with pytest.raises(BadDataset) as e:
        ingest_csv(write_csv(content), target, name="bad", limits=limits)
    assert message in e.value.message
    assert not target.exists()


def test_existing_directory_is_not_overwritten(write_csv, tmp_path):
    (tmp_path / "ds").mkdir()
    with pytest.raises(FileExistsError):
        ingest_csv(write_csv("a\n1\n"), tmp_path / "ds", name="d")
    assert (tmp_path / "ds").exists()  # not ours to remove
