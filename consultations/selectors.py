"""Reads of consultations for the finder, the home page, feeds and "you said, we did"."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Avg, Case, Count, F, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.models import Locale

from website.core.models import Area, ReviewStatus, Topic

from .models import (
    AGREE_SCALE,
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationResponse,
    ConsultationStatus,
    ResponseChannel,
)
from .models.questions import YES_NO

# The order groups appear in when a list mixes them: what residents can act on first.
STATUS_ORDER = [
    ConsultationStatus.OPEN,
    ConsultationStatus.FORTHCOMING,
    ConsultationStatus.CLOSED,
    ConsultationStatus.RESULTS,
]


def consultation_index_for_locale(*, locale: Locale) -> ConsultationIndexPage | None:
    """The live consultations index in this language, if there is one."""
    return ConsultationIndexPage.objects.live().filter(locale=locale).first()


def status_filter(status: str, *, now: datetime) -> Q:
    """The database condition for one status at `now`: the same rules as ConsultationPage.status."""
    published = Q(results_published_at__isnull=False, results_published_at__lte=now)
    return {
        ConsultationStatus.FORTHCOMING: Q(opens_at__gt=now),
        ConsultationStatus.OPEN: Q(opens_at__lte=now, closes_at__gt=now),
        ConsultationStatus.CLOSED: Q(closes_at__lte=now) & ~published,
        ConsultationStatus.RESULTS: Q(closes_at__lte=now) & published,
    }[ConsultationStatus(status)]


def _with_status_order(queryset: QuerySet, *, now: datetime) -> QuerySet:
    """Open (closing soonest), then forthcoming (opening soonest), then the past, newest first."""
    rank = Case(
        *(When(status_filter(s, now=now), then=Value(i)) for i, s in enumerate(STATUS_ORDER)),
        output_field=IntegerField(),
    )
    # One sort key per group: ascending dates for what is coming, descending for the past.
    soonest = Case(
        When(status_filter(ConsultationStatus.OPEN, now=now), then=F("closes_at")),
        When(status_filter(ConsultationStatus.FORTHCOMING, now=now), then=F("opens_at")),
    )
    return queryset.annotate(status_rank=rank, soonest=soonest).order_by(
        "status_rank", F("soonest").asc(nulls_last=True), F("closes_at").desc(), "pk"
    )


@dataclass(frozen=True)
class ConsultationFilters:
    """What a resident chose in the finder; empty means "any"."""

    statuses: tuple[str, ...] = ()
    topic: Topic | None = None
    area: Area | None = None
    keyword: str = ""


def _area_filter(area: Area) -> Q:
    """Tagged with the area, its ward or one of its neighbourhoods, or citywide."""
    related = [area.pk]
    if area.ward_id:
        related.append(area.ward_id)
    related += list(area.neighbourhoods.values_list("pk", flat=True))
    return Q(areas__in=related) | Q(is_citywide=True)


def consultations_find(
    *, index: ConsultationIndexPage, filters: ConsultationFilters, now: datetime | None = None
) -> QuerySet:
    """The live consultations under `index` that match every filter, in finder order."""
    now = now or timezone.now()
    queryset = ConsultationPage.objects.child_of(index).live().public()
    if filters.statuses:
        condition = Q()
        for status in filters.statuses:
            condition |= status_filter(status, now=now)
        queryset = queryset.filter(condition)
    if filters.topic:
        queryset = queryset.filter(topics__translation_key=filters.topic.translation_key)
    if filters.area:
        queryset = queryset.filter(_area_filter(filters.area))
    if filters.keyword:
        queryset = queryset.filter(
            Q(title__icontains=filters.keyword) | Q(introduction__icontains=filters.keyword)
        )
    pks = queryset.values("pk")  # filtering on M2M can repeat rows: de-duplicate first
    return _with_status_order(
        ConsultationPage.objects.filter(pk__in=pks).prefetch_related("topics"), now=now
    )


def status_counts(*, index: ConsultationIndexPage, now: datetime | None = None) -> dict:
    """How many live consultations are in each status (one query), for the finder's options."""
    now = now or timezone.now()
    queryset = ConsultationPage.objects.child_of(index).live().public()
    return queryset.aggregate(
        **{
            status.value: Count("pk", filter=status_filter(status, now=now))
            for status in STATUS_ORDER
        }
    )


def _day(moment: datetime) -> str:
    return date_format(timezone.localtime(moment), "j E Y")


def _card(page: ConsultationPage, meta: str) -> dict:
    return {"title": page.title, "url": page.url, "summary": page.listing_summary, "meta": meta}


def consultations_featured_open(*, locale: Locale, limit: int) -> list[dict]:
    """Cards for the open consultations in this language, closing soonest first."""
    now = timezone.now()
    pages = (
        ConsultationPage.objects.live()
        .public()
        .filter(locale=locale)
        .filter(status_filter(ConsultationStatus.OPEN, now=now))
        .order_by("closes_at")[:limit]
    )
    return [_card(page, _("Closes %(date)s") % {"date": _day(page.closes_at)}) for page in pages]


def results_latest(*, locale: Locale, limit: int) -> list[dict]:
    """Cards for the consultations whose results were published most recently, in this language."""
    now = timezone.now()
    pages = (
        ConsultationPage.objects.live()
        .public()
        .filter(locale=locale)
        .filter(status_filter(ConsultationStatus.RESULTS, now=now))
        .order_by("-results_published_at")[:limit]
    )
    return [
        _card(page, _("Results published %(date)s") % {"date": _day(page.results_published_at)})
        for page in pages
    ]


def response_answer_rows(response: ConsultationResponse) -> list[tuple[str, str]]:
    """(question, answer as text) for each answered question, in the form's order."""
    answers = response.answers
    rows = []
    for question in response.consultation.questions.all():
        value = answers.get(str(question.key))
        if value in (None, "", []):
            continue
        if isinstance(value, list):
            text = "; ".join(str(item) for item in value)
        elif isinstance(value, dict):
            text = f"{value.get('answer', '')}: {value.get('follow_up', '')}"
        else:
            text = str(value)
        rows.append((question.label, text))
    return rows


SUMMARISED_KINDS = {"single_choice", "multiple_choice", "agree_scale", "yes_no"}


def _counted_responses(consultation: ConsultationPage) -> QuerySet:
    """Responses that count: accepted or released, in every language of the consultation."""
    return ConsultationResponse.objects.filter(
        consultation__translation_key=consultation.translation_key,
        review_status__in=[ReviewStatus.ACCEPTED, ReviewStatus.RELEASED],
    )


def responses_by_channel(*, consultation: ConsultationPage) -> list[dict]:
    """How many responses came by each channel (one aggregate query), largest first."""
    labels = dict(ResponseChannel.choices)
    rows = (
        _counted_responses(consultation)
        .values("channel")
        .annotate(count=Count("pk"))
        .order_by("-count", "channel")
    )
    return [
        {"label": labels.get(row["channel"], row["channel"]), "count": row["count"]} for row in rows
    ]


def question_summaries(*, consultation: ConsultationPage) -> list[dict]:
    """Counts and percentages for each closed question, read in chunks (constant memory)."""
    questions = [q for q in consultation.questions.all() if q.kind in SUMMARISED_KINDS]
    if not questions:
        return []
    counts = {str(q.key): {} for q in questions}
    answered = dict.fromkeys(counts, 0)
    for answers in (
        _counted_responses(consultation).values_list("answers", flat=True).iterator(chunk_size=2000)
    ):
        for key, tally in counts.items():
            value = answers.get(key)
            if isinstance(value, dict):
                value = value.get("answer")
            chosen = value if isinstance(value, list) else [value] if value else []
            answered[key] += bool(chosen)
            for option in chosen:
                tally[option] = tally.get(option, 0) + 1
    return [_summary(q, counts[str(q.key)], answered[str(q.key)]) for q in questions]


def _summary(question, tally: dict, answered: int) -> dict:
    options = {
        "agree_scale": AGREE_SCALE,
        "yes_no": YES_NO,
    }.get(question.kind, [(option, option) for option in question.options])
    rows = [
        {
            "label": label,
            "count": tally.get(value, 0),
            "percent": round(100 * tally.get(value, 0) / answered) if answered else 0,
        }
        for value, label in options
    ]
    return {"question": question.label, "answered": answered, "rows": rows}


def results_published_list(*, locale: Locale) -> QuerySet:
    """Live consultations in this language with published results, newest results first."""
    return (
        ConsultationPage.objects.live()
        .public()
        .filter(locale=locale)
        .filter(status_filter(ConsultationStatus.RESULTS, now=timezone.now()))
        .order_by("-results_published_at", "pk")
    )


def consultations_awaiting_results(*, closed_before: datetime) -> QuerySet:
    """Live consultations that closed before then and still have no published results."""
    return (
        ConsultationPage.objects.live()
        .filter(closes_at__lt=closed_before)
        .filter(status_filter(ConsultationStatus.CLOSED, now=timezone.now()))
    )


def theme_counts(*, consultation: ConsultationPage) -> list[dict]:
    """How many counted responses were tagged with each theme (one aggregate query)."""
    return list(
        _counted_responses(consultation)
        .filter(themes__isnull=False)
        .values(name=F("themes__name"))
        .annotate(count=Count("pk"))
        .order_by("-count", "name")
    )


def response_summary(*, consultation: ConsultationPage) -> dict:
    """The staff summary: totals by channel and review status, themes, ratings, questions."""
    from .models import ProcessRating

    by_status = (
        ConsultationResponse.objects.filter(
            consultation__translation_key=consultation.translation_key
        )
        .values("review_status")
        .annotate(count=Count("pk"))
        .order_by("review_status")
    )
    ratings = ProcessRating.objects.filter(
        consultation__translation_key=consultation.translation_key
    ).aggregate(count=Count("pk"), average=Avg("rating"))
    return {
        "channels": responses_by_channel(consultation=consultation),
        "statuses": [
            {"label": ReviewStatus(row["review_status"]).label, "count": row["count"]}
            for row in by_status
        ],
        "themes": theme_counts(consultation=consultation),
        "ratings": ratings,
        "questions": question_summaries(consultation=consultation),
    }
