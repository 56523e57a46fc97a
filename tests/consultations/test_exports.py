"""Exports of a consultation's responses: officers only, audited, safe in a spreadsheet, streamed."""

import csv
import io
import time
import tracemalloc
from datetime import UTC, datetime

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import PageLogEntry

from consultations.builders import ConsultationPageBuilder
from consultations.exports import LONDON
from consultations.models import ConsultationQuestion, ConsultationResponse
from website.core.models import ReviewStatus
from website.staff.services import staff_groups_sync

from ..conftest import staff_client_for

URL = "/admin/consultation_responses/export/{}/"
EXPORT = "website.personal_data.export"
HEADER = [
    "Response number",
    "Received",
    "Channel",
    "Language",
    "Review status",
    "What should change?",
    "Which places?",
    "Rank these",
    "More trees are a good idea",
    "Would you help?",
    "Would you help? (follow-up)",
]


@pytest.fixture
def member(db, django_user_model):
    staff_groups_sync()

    def _member(group_name):
        user = django_user_model.objects.create_user(group_name[:10], password="x" * 20)
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return _member


@pytest.fixture
def officer_client(member):
    return staff_client_for(member("Consultation officers"))


def _ask(page, kind, label, **extra):
    order = page.questions.count()
    return ConsultationQuestion.objects.create(
        page=page, kind=kind, label=label, sort_order=order, **extra
    )


@pytest.fixture
def plan(section_pages):
    """A consultation with one question of each answer shape."""
    page = ConsultationPageBuilder(
        parent=section_pages["consultations"], title="Plan for Nature", slug="plan-for-nature"
    )
    questions = {
        "change": _ask(page, "long_text", "What should change?"),
        "places": _ask(page, "multiple_choice", "Which places?", choices="Parks\nBeaches\nWoods"),
        "rank": _ask(page, "ranking", "Rank these", choices="Trees\nBenches\nBins"),
        "scale": _ask(page, "agree_scale", "More trees are a good idea"),
        "help": _ask(
            page, "yes_no", "Would you help?", follow_up_on="yes", follow_up_label="Doing what?"
        ),
    }
    return page, questions


def _respond(page, questions, status=ReviewStatus.ACCEPTED, **answers):
    """A stored response; answers by the `plan` fixture's question names."""
    return ConsultationResponse.objects.create(
        consultation=page,
        review_status=status,
        answers={str(questions[name].key): answer for name, answer in answers.items()},
    )


def _export(client, page, file_format="csv", **params):
    """The export's HTTP response and its rows as lists of cell values."""
    response = client.get(URL.format(page.pk), {"format": file_format, **params})
    body = b"".join(response.streaming_content)
    if file_format == "csv":
        return response, list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))
    book = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
    rows = [
        ["" if v is None else v for v in row] for row in book.active.iter_rows(values_only=True)
    ]
    return response, rows


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_header_and_answers_flattened_as_text(officer_client, plan, file_format):
    page, questions = plan
    response = _respond(
        page,
        questions,
        change="More benches; fewer bins",
        places=["Parks", "Woods"],
        rank=["Bins", "Trees", "Benches"],
        scale="strongly_agree",
        help={"answer": "yes", "follow_up": "Litter picks"},
    )
    summer = datetime(2026, 7, 1, 12, 30, 5, 123456, tzinfo=UTC)  # 13:30:05 in London (BST)
    ConsultationResponse.objects.filter(pk=response.pk).update(created_at=summer, channel="paper")
    later = _respond(page, questions, help="no")

    http, rows = _export(officer_client, page, file_format)

    received = datetime(2026, 7, 1, 13, 30, 5)
    assert rows[0] == HEADER
    assert rows[1] == [
        *([str(response.pk), str(received)] if file_format == "csv" else [response.pk, received]),
        "Paper",
        "en",
        "Accepted",
        "More benches; fewer bins",
        "Parks; Woods",
        "Bins; Trees; Benches",
        "Strongly agree",
        "Yes",
        "Litter picks",
    ]
    assert rows[2][0] in (later.pk, str(later.pk)) and rows[2][5:] == ["", "", "", "", "No", ""]
    today = timezone.localdate(timezone=LONDON).isoformat()
    filename = f"plan-for-nature-responses-{today}.{file_format}"
    assert http["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert "no-store" in http["Cache-Control"]


FORMULAS = ['=HYPERLINK("http://evil.example","Click")', "+1", "-1+1", "@SUM(1)", "\tx", "\r=1"]


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_formula_payloads_are_quoted(officer_client, plan, file_format):
    page, questions = plan
    questions["change"].label = "=1+1"
    questions["change"].save()
    for payload in FORMULAS:
        _respond(page, questions, change=payload, places=[payload, "Parks"])

    _, rows = _export(officer_client, page, file_format)

    expected = ["'" + payload for payload in FORMULAS]
    if file_format == "xlsx":  # XML parsers read a carriage return as a line feed
        expected = [text.replace("\r", "\n") for text in expected]
    assert rows[0][5] == "'=1+1"
    assert [row[5] for row in rows[1:]] == expected
    assert [row[6] for row in rows[1:]] == [text + "; Parks" for text in expected]


def test_xlsx_cells_are_strings_and_control_characters_are_shown_harmlessly(officer_client, plan):
    page, questions = plan
    _respond(page, questions, change="=SUM(A1:A2)", scale="1+1")
    _respond(page, questions, change="escape \x1b here \u202e")
    response = officer_client.get(URL.format(page.pk))  # XLSX by default

    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert (sheet["F2"].value, sheet["F2"].data_type) == ("'=SUM(A1:A2)", "s")
    assert (sheet["I2"].value, sheet["I2"].data_type) == ("1+1", "s")
    assert sheet["F3"].value == "escape \ufffd here \u202e"


def test_csv_keeps_text_exactly(officer_client, plan):
    page, questions = plan
    text = 'Say "no", then\nnew line, \u0627\u0644\u0639\u0631\u0628\u064a\u0629 \x1b e\u0301 \U0001f44d'
    _respond(page, questions, change=text)
    _, rows = _export(officer_client, page)
    assert rows[1][5] == text


def test_every_export_is_in_the_audit_log(member, plan):
    page, questions = plan
    officer = member("Consultation officers")
    _respond(page, questions, change="Benches")
    _respond(page, questions, change="Trees", status=ReviewStatus.HELD)
    client = staff_client_for(officer)
    _export(client, page, "csv")
    _export(client, page, "xlsx", include="held")

    entries = PageLogEntry.objects.filter(action=EXPORT).order_by("pk")
    assert [(e.page_id, e.user_id) for e in entries] == [(page.pk, officer.pk)] * 2
    assert [e.data for e in entries] == [
        {"format": "csv", "rows": 1, "include_held": False},
        {"format": "xlsx", "rows": 2, "include_held": True},
    ]


def test_held_are_left_out_unless_asked_for_and_spam_always(officer_client, plan):
    page, questions = plan
    statuses = [ReviewStatus.ACCEPTED, ReviewStatus.RELEASED, ReviewStatus.HELD, ReviewStatus.SPAM]
    for status in statuses:
        _respond(page, questions, change=f"From {status}", status=status)

    _, published = _export(officer_client, page)
    _, everything = _export(officer_client, page, include="held")

    assert [row[5] for row in published[1:]] == ["From accepted", "From released"]
    assert [row[5] for row in everything[1:]] == [f"From {status}" for status in statuses[:3]]
    assert [row[4] for row in everything[1:]] == [
        "Accepted",
        "Released by a moderator",
        "Held for review",
    ]


def test_one_consultation_in_every_language(
    officer_client, plan, section_pages, locales, translate
):
    page, questions = plan
    other = ConsultationPageBuilder(parent=section_pages["consultations"], title="Pride in Place")
    _respond(page, questions, change="In English")
    ConsultationResponse.objects.create(consultation=other, answers={"x": "Other consultation"})
    translate(section_pages["consultations"], locales["pl"])
    polish = translate(page, locales["pl"])
    change = polish.questions.get(key=questions["change"].key)
    # The translation's own labels and order must not change the columns.
    polish.questions.filter(pk=change.pk).update(label="Co zmienić?", sort_order=99)
    ConsultationResponse.objects.create(
        consultation=polish, language="pl", answers={str(change.key): "Po polsku"}
    )

    _, rows = _export(officer_client, polish)  # from the translation: the source's columns

    assert rows[0] == HEADER
    assert [(row[3], row[5]) for row in rows[1:]] == [("en", "In English"), ("pl", "Po polsku")]


def test_a_consultation_officer_can_export_a_consultation_with_no_responses(officer_client, plan):
    response, rows = _export(officer_client, plan[0])
    assert response.status_code == 200 and rows == [HEADER]


@pytest.mark.parametrize("group", ["Comms editors", "Moderators"])
def test_other_groups_cannot_export(member, plan, group):
    page, questions = plan
    _respond(page, questions, change="Benches")
    client = staff_client_for(member(group))
    for file_format in ("csv", "xlsx"):
        response = client.get(URL.format(page.pk), {"format": file_format})
        assert response.status_code != 200
        assert b"Benches" not in b"".join(
            getattr(response, "streaming_content", [response.content])
        )
    assert not PageLogEntry.objects.filter(action=EXPORT).exists()


def test_unknown_format_or_page_is_refused(officer_client, plan):
    assert officer_client.get(URL.format(plan[0].pk), {"format": "pdf"}).status_code == 400
    assert officer_client.get(URL.format(999_999)).status_code == 404
    assert not PageLogEntry.objects.filter(action=EXPORT).exists()


def test_the_list_offers_an_export_once_filtered_to_one_consultation(officer_client, plan):
    page = plan[0]
    export_url = URL.format(page.pk)
    unfiltered = officer_client.get("/admin/consultation_responses/").content.decode()
    filtered = officer_client.get(f"/admin/consultation_responses/?consultation={page.pk}")
    html = filtered.content.decode()
    assert export_url not in unfiltered
    assert f"{export_url}?format=xlsx" in html and f"{export_url}?format=csv" in html
    assert f"{export_url}?format=xlsx&amp;include=held" in html


def _bulk_responses(page, questions, count, start=0):
    ConsultationResponse.objects.bulk_create(
        (
            ConsultationResponse(
                consultation=page,
                channel="online",
                answers={
                    str(questions["change"].key): f"Answer {n}",
                    str(questions["places"].key): ["Parks", "Beaches"],
                    str(questions["help"].key): {"answer": "yes", "follow_up": f"Task {n}"},
                },
            )
            for n in range(start, start + count)
        ),
        batch_size=2000,
    )


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_query_count_does_not_grow_with_rows(
    officer_client, plan, file_format, django_assert_max_num_queries
):
    page, questions = plan
    _bulk_responses(page, questions, 5)
    _export(officer_client, page, file_format)  # warm caches (content types, locales)
    with django_assert_max_num_queries(25) as few:
        _export(officer_client, page, file_format)
    _bulk_responses(page, questions, 500, start=5)
    with django_assert_max_num_queries(len(few)):
        _, rows = _export(officer_client, page, file_format)
    assert len(rows) == 506


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_ten_thousand_rows(officer_client, plan, file_format):
    page, questions = plan
    _bulk_responses(page, questions, 10_000)
    first_pk = ConsultationResponse.objects.order_by("pk").values_list("pk", flat=True)[0]

    started = time.perf_counter()
    response, rows = _export(officer_client, page, file_format)
    seconds = time.perf_counter() - started

    assert response.status_code == 200 and len(rows) == 10_001
    last = rows[-1]
    assert str(last[0]) == str(first_pk + 9_999)
    assert last[5:] == ["Answer 9999", "Parks; Beaches", "", "", "Yes", "Task 9999"]
    assert [row[5] for row in rows[1:]] == [f"Answer {n}" for n in range(10_000)]
    assert seconds < 15, f"{file_format}: {seconds:.1f} s for 10,000 rows"


def _peak_memory_of_csv_export(client, page) -> tuple[int, int]:
    """Peak Python memory (bytes) while streaming the whole CSV, and the CSV's size."""
    tracemalloc.start()
    try:
        response = client.get(URL.format(page.pk), {"format": "csv"})
        size = sum(len(chunk) for chunk in response.streaming_content)
        return tracemalloc.get_traced_memory()[1], size
    finally:
        tracemalloc.stop()


def test_csv_export_memory_does_not_grow_with_rows(officer_client, plan):
    page, questions = plan
    _bulk_responses(page, questions, 10_000)
    _peak_memory_of_csv_export(officer_client, page)  # warm up imports and caches
    peak_10k, size_10k = _peak_memory_of_csv_export(officer_client, page)
    _bulk_responses(page, questions, 10_000, start=10_000)
    peak_20k, size_20k = _peak_memory_of_csv_export(officer_client, page)

    assert size_20k > 1.9 * size_10k
    assert peak_20k < 1.25 * peak_10k, (peak_10k, peak_20k)


def test_exports_never_carry_equality_answers_or_contact_details(officer_client, plan):
    from consultations.models import EqualityMonitoring, OutcomeSubscription

    page, questions = plan
    _respond(page, questions, change="Benches")
    EqualityMonitoring.objects.create(consultation=page, age_band="35_44", carer="yes")
    OutcomeSubscription.objects.create(
        consultation=page, consultation_key=page.translation_key, email="resident@example.org"
    )
    for file_format in ("csv", "xlsx"):
        _, rows = _export(officer_client, page, file_format)
        text = " ".join(str(cell) for row in rows for cell in row)
        assert "resident@example.org" not in text
        assert "35_44" not in text and "35 to 44" not in text and "carer" not in text.lower()
        assert len(rows) == 2  # the header and the one response
