"""Exports of one consultation's responses, every language, as CSV or XLSX: streamed and audited.

Only the answers leave: no contact details or equality data are stored with responses. Every
cell is text or a number, and text that a spreadsheet would run as a formula is quoted (OWASP).
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, QuerySet
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
)
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.admin.widgets import Button, HeaderButton
from wagtail_localize.models import TranslationSource

from website.core.audit import audit_log
from website.core.models import ReviewStatus
from website.core.spreadsheets import Cell, csv_response, formula_safe, xlsx_file, xlsx_response

from .models import AGREE_SCALE, ConsultationPage, ConsultationResponse, QuestionKind
from .models.questions import YES_NO

LONDON = ZoneInfo("Europe/London")
CHUNK_SIZE = 2000  # rows per database fetch: memory stays flat whatever the total
PUBLISHED = (ReviewStatus.ACCEPTED, ReviewStatus.RELEASED)
FORMATS = ("xlsx", "csv")
ROW_FIELDS = ("pk", "created_at", "channel", "language", "review_status", "answers")
DATETIME = "yyyy-mm-dd hh:mm:ss"


@dataclass(frozen=True)
class AnswerColumn:
    """One answer column: a question's answer, or the follow-up of a yes/no question."""

    header: str
    key: str
    part: str  # "whole", "answer" or "follow_up"
    labels: dict[str, str]  # stored value -> what officers read (agree scale, yes/no)


@dataclass(frozen=True)
class ResponseExport:
    """One export: the consultation it is for, its columns, rows and size."""

    page: ConsultationPage
    columns: list[AnswerColumn]
    rows: QuerySet
    row_count: int
    include_held: bool


def export_source_page(*, page: ConsultationPage) -> ConsultationPage:
    """The consultation in the language it was translated from: its questions set the columns."""
    source = (
        TranslationSource.objects.filter(object_id=page.translation_key)
        .order_by("created_at")
        .first()
    )
    if source is None or source.locale_id == page.locale_id:
        return page
    return page.get_translation_or_none(source.locale_id) or page


def _choice_labels(kind: str) -> dict[str, str]:
    choices = {QuestionKind.AGREE_SCALE: AGREE_SCALE, QuestionKind.YES_NO: YES_NO}.get(kind, [])
    return {value: str(label) for value, label in choices}


def export_columns(*, page: ConsultationPage) -> list[AnswerColumn]:
    """The answer columns, in the page's question order; a yes/no follow-up gets its own."""
    columns = []
    for question in page.questions.all():
        key, labels = str(question.key), _choice_labels(question.kind)
        if question.kind == QuestionKind.YES_NO and question.follow_up_on:
            follow_up = _("%(question)s (follow-up)") % {"question": question.label}
            columns.append(AnswerColumn(question.label, key, "answer", labels))
            columns.append(AnswerColumn(follow_up, key, "follow_up", {}))
        else:
            columns.append(AnswerColumn(question.label, key, "whole", labels))
    return columns


def export_prepare(*, page: ConsultationPage, include_held: bool) -> ResponseExport:
    """What an export of `page` (in every language) holds; accepted and released by default."""
    rows = ConsultationResponse.objects.filter(consultation__translation_key=page.translation_key)
    # Spam is never exported; held responses only when asked for, to review them.
    rows = rows.filter(
        review_status__in=(*PUBLISHED, ReviewStatus.HELD) if include_held else PUBLISHED
    )
    # Fix the set of rows now, so the audit log's count is the count sent.
    size = rows.aggregate(count=Count("pk"), last=Max("pk"))
    rows = rows.filter(pk__lte=size["last"] or 0).order_by("pk")
    return ResponseExport(
        page=page,
        columns=export_columns(page=export_source_page(page=page)),
        rows=rows.values_list(*ROW_FIELDS),
        row_count=size["count"],
        include_held=include_held,
    )


def _label(value: object, labels: dict[str, str]) -> str:
    return "" if value is None else labels.get(str(value), str(value))


def answer_text(value: object, column: AnswerColumn) -> str:
    """One stored answer as text for one column: lists joined in order with "; "."""
    if isinstance(value, dict):
        if column.part == "whole":
            parts = [_label(value.get("answer"), column.labels), _label(value.get("follow_up"), {})]
            return "; ".join(part for part in parts if part)
        labels = column.labels if column.part == "answer" else {}
        return _label(value.get(column.part), labels)
    if column.part == "follow_up":
        return ""
    if isinstance(value, list):
        return "; ".join(_label(item, column.labels) for item in value)
    return _label(value, column.labels)


def export_header(export: ResponseExport) -> list[str]:
    """The header row: the response's details, then one column per answer."""
    details = [_("Response number"), _("Received"), _("Channel"), _("Language")]
    return [*details, _("Review status"), *(column.header for column in export.columns)]


def export_rows(export: ResponseExport) -> Iterator[list[Cell]]:
    """The header, then one row per response, read from the database in chunks."""
    yield [formula_safe(text) for text in export_header(export)]
    channels = dict(ConsultationResponse._meta.get_field("channel").flatchoices)
    statuses = dict(ReviewStatus.choices)
    for pk, created_at, channel, language, status, answers in export.rows.iterator(
        chunk_size=CHUNK_SIZE
    ):
        received = timezone.localtime(created_at, LONDON).replace(tzinfo=None, microsecond=0)
        details = [pk, received, str(channels.get(channel, channel)), language]
        answers = answers if isinstance(answers, dict) else {}
        answer_cells = [answer_text(answers.get(c.key), c) for c in export.columns]
        row = [*details, str(statuses.get(status, status)), *answer_cells]
        yield [formula_safe(value) for value in row]


def export_filename(export: ResponseExport, extension: str) -> str:
    """E.g. plan-for-nature-responses-2026-11-22.csv (the date in London)."""
    today = timezone.localdate(timezone=LONDON).isoformat()
    return f"{export.page.slug}-responses-{today}.{extension}"


def export_response(export: ResponseExport, file_format: str) -> HttpResponse:
    """The file download: CSV streamed row by row, XLSX from a temporary file."""
    filename = export_filename(export, file_format)
    if file_format == "csv":
        return csv_response(export_rows(export), filename=filename)
    output = xlsx_file(export_rows(export), sheet_title=_("Responses"), datetime_format=DATETIME)
    return xlsx_response(output, filename=filename)


def _export_audit(export: ResponseExport, *, file_format: str, user) -> None:
    data = {"format": file_format, "rows": export.row_count, "include_held": export.include_held}
    audit_log(instance=export.page, action="website.personal_data.export", user=user, data=data)


def export_view(viewset) -> Callable[..., HttpResponse]:
    """The export view for the responses view set: officers only, each export audit-logged."""

    @require_GET
    def view(request: HttpRequest, page_id: int) -> HttpResponse:
        if not viewset.permission_policy.user_has_permission(request.user, "view"):
            raise PermissionDenied
        file_format = request.GET.get("format", "xlsx")
        if file_format not in FORMATS:
            return HttpResponseBadRequest(_("Choose xlsx or csv."))
        page = get_object_or_404(ConsultationPage, pk=page_id)
        export = export_prepare(page=page, include_held=request.GET.get("include") == "held")
        _export_audit(export, file_format=file_format, user=request.user)
        return export_response(export, file_format)

    return view


def export_buttons(*, url_name: str, page_id: int) -> tuple[HeaderButton, list[Button]]:
    """The responses list's export button for one consultation, and the other exports' menu."""
    url = reverse(url_name, args=[page_id])
    main = HeaderButton(_("Export responses"), url=f"{url}?format=xlsx", icon_name="download")
    more = [
        Button(_("Export as CSV"), url=f"{url}?format=csv", icon_name="download"),
        Button(
            _("Export with held responses (XLSX)"),
            url=f"{url}?format=xlsx&include=held",
            icon_name="download",
        ),
    ]
    return main, more
