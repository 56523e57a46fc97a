"""Exports of sign-ups as XLSX: only what the user may see, streamed from a temporary file
and audit-logged against each organisation whose volunteers are in it.

The rows follow the sign-ups list's filters (opportunity, session, status, place). Held and
spam sign-ups never leave. Every cell is text, a number or a date, and text that a
spreadsheet would run as a formula is quoted (OWASP).
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.db.models import Count, Max, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from website.core.audit import audit_log
from website.core.models import ReviewStatus
from website.core.spreadsheets import Cell, formula_safe, xlsx_file, xlsx_response

from .admin_forms import SignupFilterSet
from .models import Availability, Organisation, Place, SignupStatus
from .permissions import signups_visible

LONDON = ZoneInfo("Europe/London")
CHUNK_SIZE = 2000  # rows per database fetch: memory stays flat whatever the total
PUBLISHED = (ReviewStatus.ACCEPTED, ReviewStatus.RELEASED)
ROW_FIELDS = (
    "pk", "created_at", "opportunity__title", "opportunity__organisation__name",
    "session__starts_at", "place", "status", "name", "email", "phone", "postcode",
    "availability", "needs", "age_confirmed", "contact_consent", "language", "hours",
)  # fmt: skip
FILTERS = ("opportunity", "session", "status", "place")


@dataclass(frozen=True)
class SignupExport:
    """One export: its rows (fixed when prepared), their count per organisation, the filters."""

    rows: QuerySet
    counts: dict[int, int]  # organisation id -> rows
    filters: dict[str, str]
    slug: str

    @property
    def row_count(self) -> int:
        return sum(self.counts.values())


def export_prepare(*, request: HttpRequest) -> SignupExport:
    """The sign-ups the user may see, filtered like the list by the query string.

    A filter naming another organisation's opportunity or session is not valid for this
    user, so the export is refused (404), as every other way to another's sign-ups is.
    """
    filters = {name: request.GET[name] for name in FILTERS if request.GET.get(name)}
    visible = signups_visible(user=request.user)
    filterset = SignupFilterSet(filters, queryset=visible, request=request)
    if not filterset.is_valid():
        raise Http404
    rows = filterset.qs.filter(review_status__in=PUBLISHED)
    # Fix the set of rows now, so the audit log's counts are the rows sent.
    rows = rows.filter(pk__lte=rows.aggregate(last=Max("pk"))["last"] or 0)
    counts = rows.order_by().values("opportunity__organisation").annotate(count=Count("pk"))
    opportunity = filterset.form.cleaned_data.get("opportunity")
    return SignupExport(
        rows=rows.order_by("pk").values_list(*ROW_FIELDS),
        counts={row["opportunity__organisation"]: row["count"] for row in counts},
        filters=filters,
        slug=opportunity.slug if opportunity else "all",
    )


def export_header() -> list[str]:
    return [
        _("Sign-up number"), _("Received"), _("Opportunity"), _("Organisation"),
        _("Session starts"), _("Place"), _("Status"), _("Name"), _("Email"), _("Phone"),
        _("Postcode"), _("Availability"), _("Anything we should know"),
        _("Confirmed minimum age"), _("Agreed to be contacted"), _("Language"),
        _("Hours volunteered"),
    ]  # fmt: skip


def _local(value: datetime | None) -> datetime | None:
    """A time in London without its zone (spreadsheets have none), to the second."""
    if value is None:
        return None
    return timezone.localtime(value, LONDON).replace(tzinfo=None, microsecond=0)


def _row(values: tuple, labels: dict[str, str]) -> list[Cell]:
    (pk, created_at, opportunity, organisation, starts_at, place, status, name, email, phone,
     postcode, availability, needs, age_confirmed, consent, language, hours) = values  # fmt: skip
    chosen = availability if isinstance(availability, list) else []
    return [
        pk, _local(created_at), opportunity, organisation, _local(starts_at),
        labels.get(place, place), labels.get(status, status), name, email, phone, postcode,
        "; ".join(labels.get(item, str(item)) for item in chosen), needs,
        _("Yes") if age_confirmed else _("No"), _("Yes") if consent else _("No"),
        language, hours,
    ]  # fmt: skip


def export_rows(export: SignupExport) -> Iterator[list[Cell]]:
    """The header, then one row per sign-up, read from the database in chunks."""
    yield [formula_safe(text) for text in export_header()]
    labels = {
        value: str(label)
        for choices in (Place.choices, SignupStatus.choices, Availability.choices)
        for value, label in choices
    }
    for values in export.rows.iterator(chunk_size=CHUNK_SIZE):
        yield [formula_safe(value) for value in _row(values, labels)]


def export_filename(export: SignupExport) -> str:
    """E.g. volunteer-sign-ups-befriending-2026-11-22.xlsx (the date in London)."""
    today = timezone.localdate(timezone=LONDON).isoformat()
    return f"volunteer-sign-ups-{export.slug}-{today}.xlsx"


def export_audit(export: SignupExport, *, user) -> None:
    """One audit entry per organisation whose volunteers are in the file."""
    organisations = Organisation.objects.in_bulk(list(export.counts))
    for organisation_id, count in export.counts.items():
        data = {"format": "xlsx", "rows": count, "filters": export.filters}
        audit_log(
            instance=organisations[organisation_id],
            action="website.personal_data.export",
            user=user,
            data=data,
        )


def export_response(request: HttpRequest) -> HttpResponse:
    """The download for the sign-ups list's export button (the view checks permission)."""
    export = export_prepare(request=request)
    export_audit(export, user=request.user)
    output = xlsx_file(export_rows(export), sheet_title=_("Sign-ups"))
    return xlsx_response(output, filename=export_filename(export))
