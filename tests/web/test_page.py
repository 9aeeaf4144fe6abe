"""The chat page in a real browser (Debian's chromium): what a person does with it."""
from __future__ import annotations

import csv
import io
import re

import pytest
from playwright.sync_api import expect

from tests.helpers import SALES_CSV

pytestmark = pytest.mark.e2e
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MARKS = ".chart[data-drawn] svg g[class*='mark-'] path, .chart[data-drawn] svg g[class*='mark-'] rect"


def answers(page):
    return page.locator("li.message.assistant")


def last_answer(page):
    return answers(page).last


def upload_sales(page):
    page.set_input_files("#file-input", str(SALES_CSV))  # the file picker
    expect(page.locator("#dataset-name")).to_have_text("sales.csv")


def ask(page, question: str) -> None:
    box = page.locator("#question")
    box.fill(question)
    box.press("Enter")


def wait_for_answer(page, count: int):
    """The count-th answer has arrived (and, when it has a chart, its marks are drawn)."""
    expect(answers(page)).to_have_count(count)
    answer = answers(page).nth(count - 1)
    if answer.get_attribute("data-chart-id"):
        expect(answer.locator(".chart[data-drawn] svg")).to_have_count(1)
    return answer


def test_upload_ask_follow_up_revise_download(open_page, site):
    page, shot = open_page(expected_statuses=(415,))  # the refused upload
    page.goto(site.url)
    expect(page.locator("#welcome")).to_be_visible()
    shot("empty")

    # A file that is not a CSV, dropped on the drop zone: the API's reason, in plain words.
    drop = page.evaluate_handle("""() => {
        const data = new DataTransfer();
        data.items.add(new File(["%PDF-1.4 not a table"], "report.pdf", {type: "application/pdf"}));
        return data;
    }""")
    page.dispatch_event("#dropzone", "drop", {"dataTransfer": drop})
    expect(page.locator("#upload-error")).to_contain_text("is not a CSV file")
    shot("upload-error")

    upload_sales(page)
    expect(page.locator("#dataset-meta")).to_have_text("2,400 rows · 10 columns")
    expect(page.locator("#columns-table tbody tr")).to_have_count(10)
    expect(page.locator("#columns-table tbody tr").nth(1)).to_contain_text("order_date")
    expect(page.locator("#columns-table tbody tr").nth(1)).to_contain_text("temporal")
    expect(page.locator("#sample-table tbody tr")).to_have_count(5)
    suggestions = page.locator("#suggestion-list button")
    assert 3 <= suggestions.count() <= 6
    assert suggestions.first.inner_text() == "Total revenue by month"
    shot("dataset")

    # A suggested question: the question shows at once, then its stages, then the chart.
    suggestions.first.click()
    question = page.locator("li.message.user").first
    expect(question).to_contain_text("Total revenue by month")
    first = wait_for_answer(page, 1)
    expect(question).to_have_attribute("data-stages", "sending queued processing completed")
    expect(question.locator(".stage")).to_have_text("Answered")
    assert page.locator(MARKS).count() > 0
    assert re.search(r"/c/chat_[0-9a-f]+$", page.url)
    insight = first.locator(".insight").inner_text()
    assert re.search(r"\d", insight)
    # The insight is the chart's accessible description too.
    assert insight in first.locator(".chart svg").get_attribute("aria-label")
    chips = first.locator(".readings select")
    expect(first.locator("select[data-chip=Aggregate]")).to_have_value("sum")
    expect(first.locator("select[data-chip=Measure]")).to_have_value("revenue")
    expect(first.locator("select[data-chip=Dimension]")).to_have_value("order_date")
    expect(first.locator("select[data-chip='Time grain']")).to_have_value("month")
    expect(first.locator("select[data-chip='Chart type']")).to_have_value("line")
    assert chips.count() >= 5
    # Interactive: hovering a point shows its tooltip.
    first.locator(".chart svg g[class*='mark-symbol'] path").nth(3).hover(force=True)
    expect(page.locator("#vg-tooltip-element")).to_contain_text("Total revenue")
    shot("answer")

    # Shift+Enter is a new line, not a question.
    box = page.locator("#question")
    box.type("first line")
    box.press("Shift+Enter")
    box.type("second line")
    assert box.input_value() == "first line\nsecond line"
    assert page.locator("li.message.user").count() == 1
    box.fill("")

    ask(page, "now by quarter")  # a follow-up
    second = wait_for_answer(page, 2)
    expect(second.locator("select[data-chip='Time grain']")).to_have_value("quarter")
    shot("follow-up")

    # A chip changed: average instead of total, re-answered through the revisions route.
    second.locator("select[data-chip=Aggregate]").select_option("avg")
    expect(page.locator("li.message.user").last).to_contain_text("Change: average instead of total")
    third = wait_for_answer(page, 3)
    expect(third.locator("select[data-chip=Aggregate]")).to_have_value("avg")
    expect(third.locator("select[data-chip='Time grain']")).to_have_value("quarter")
    assert "average" in third.locator(".insight").inner_text().lower()
    shot("chip-changed")

    with page.expect_download() as png:
        third.locator("[data-download=png]").click()
    assert png.value.suggested_filename.endswith(".png")
    assert png.value.path().read_bytes()[:8] == PNG_SIGNATURE
    with page.expect_download() as data:
        third.locator("[data-download=csv]").click()
    rows = list(csv.reader(io.StringIO(data.value.path().read_text(encoding="utf-8"))))
    assert rows[0] == ["order_date", "Average revenue"] and len(rows) == 9  # 8 quarters
    with page.expect_download() as sql:
        third.locator("[data-download=sql]").click()
    assert sql.value.path().read_text().startswith("SELECT")

    ask(page, "what is the weather in paris")  # cannot be answered from this data
    refusal = wait_for_answer(page, 4)
    expect(refusal).to_have_class(re.compile(r"\berror\b"))
    expect(refusal).to_contain_text("could not find “paris”")  # the word no row holds, named
    expect(refusal).to_contain_text("Its columns are order_id")
    shot("unanswerable")

    # A reload reopens the same chat: the same messages, charts drawn again.
    chat_url = page.url
    page.reload()
    wait_for_answer(page, 4)
    expect(page.locator("li.message")).to_have_count(8)
    expect(page.locator(".chart[data-drawn]")).to_have_count(3)
    assert page.url == chat_url
    shot("reloaded")


def test_narrow_screen(open_page, site):
    page, shot = open_page(width=390, height=844)
    page.goto(site.url)
    expect(page.locator("#sidebar")).to_be_hidden()
    page.click("#sidebar-toggle")
    expect(page.locator("#dropzone")).to_be_visible()
    shot("menu")
    upload_sales(page)
    expect(page.locator("#sidebar")).to_be_hidden()
    ask(page, "top 5 product by revenue")
    answer = wait_for_answer(page, 1)
    expect(answer.locator(".readings")).to_be_visible()
    shot("answer")
    # Nothing wider than the screen: no sideways scrolling of the page.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_delete_a_dataset_after_confirming(open_page, site):
    page, shot = open_page(expected_statuses=(404,))
    page.goto(site.url)
    upload_sales(page)
    ask(page, "total units by region")
    wait_for_answer(page, 1)
    chat_url = page.url
    item = page.locator("#file-list li.current")
    item.locator("button").click()
    expect(page.locator("#confirm-dialog")).to_be_visible()
    shot("confirm")
    page.locator("#confirm-dialog button[value=cancel]").click()
    expect(page.locator("#file-list li.current")).to_have_count(1)  # cancelled: still there
    item.locator("button").click()
    page.locator("#confirm-dialog button[value=ok]").click()
    expect(page.locator("#notice")).to_contain_text("was deleted")
    expect(page.locator("#file-list li.current")).to_have_count(0)
    page.goto(chat_url)
    expect(page.locator("#notice")).to_contain_text("does not exist any more")
    shot("deleted")


def test_api_key_is_asked_once_and_kept_for_the_session(open_page, make_site):
    site = make_site("keyed", API_KEYS="right-key")
    page, shot = open_page(expected_statuses=(401,))
    page.goto(site.url)
    dialog = page.locator("#key-dialog")
    expect(dialog).to_be_visible()
    shot("asked")
    page.fill("#key-input", "wrong-key")
    page.press("#key-input", "Enter")
    expect(page.locator("#key-error")).to_contain_text("refused")
    page.fill("#key-input", "right-key")
    page.press("#key-input", "Enter")
    expect(dialog).to_be_hidden()
    expect(page.locator("#files-empty")).to_be_visible()
    upload_sales(page)  # the upload and every later call carry the key
    ask(page, "total revenue by region")
    wait_for_answer(page, 1)  # the event stream too: fetch() sends the key
    page.reload()
    wait_for_answer(page, 1)
    expect(dialog).to_be_hidden()  # kept for the session: not asked again
    shot("after-reload")
    page.context.close()  # before the server goes: its stream would retry and log errors


def test_an_alternative_with_two_measures_is_one_click(open_page, site):
    """"revenue vs profit by region" draws both measures side by side and offers the close call, the
    same two measures as dots, as a button; the button asks for it and draws both series as dots."""
    page, shot = open_page()
    page.goto(site.url)
    upload_sales(page)
    ask(page, "revenue vs profit by region")
    first = wait_for_answer(page, 1)
    legend = first.locator(".chart svg g.role-legend")
    expect(legend).to_contain_text("Total revenue")
    expect(legend).to_contain_text("Total profit")
    assert first.locator(".chart svg g[class*='mark-rect'] path").count() == 8  # 4 regions × 2 measures
    expect(first.locator(".readings .chip", has_text="and Total profit")).to_be_visible()  # both measures read
    buttons = first.locator(".alternatives button")
    expect(buttons.first).to_be_visible()
    texts = buttons.all_inner_texts()
    assert "Total revenue and Total profit by region as a scatter plot" in texts, texts
    shot("alternatives")
    buttons.filter(has_text=re.compile(r"^Total revenue and Total profit by region as a scatter plot$")).click()
    second = wait_for_answer(page, 2)
    expect(page.locator("li.message.user").last).to_contain_text("Total revenue and Total profit by region")
    expect(second.locator(".chart svg g.role-legend")).to_contain_text("Total profit")
    expect(second.locator(".chart svg g.mark-symbol.role-mark path")).to_have_count(8)  # 4 regions × 2 measures
    expect(second.locator(".readings .chip", has_text="and Total profit")).to_be_visible()
    shot("alternative-chosen")


def test_a_day_of_the_week_condition_is_a_chip_that_can_be_removed(open_page, site):
    """"revenue by region on weekends" filters the order date to Saturday and Sunday: its chip says
    so in words, and removing it answers again over every day."""
    page, shot = open_page()
    page.goto(site.url)
    upload_sales(page)
    ask(page, "revenue by region on weekends")
    first = wait_for_answer(page, 1)
    chip = first.locator(".chip", has_text="order_date is on Saturday, Sunday")
    expect(chip).to_be_visible()
    shot("weekday-chip")
    chip.locator(".chip-remove").click()
    second = wait_for_answer(page, 2)
    expect(second.locator(".chip", has_text="is on")).to_have_count(0)
    shot("weekday-removed")
