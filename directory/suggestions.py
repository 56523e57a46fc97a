"""Writes for residents' asset suggestions: store once and tell the directory team; a directory
editor makes a draft asset, marks a correction made or declines; the resident who asked is told,
once, when it is on the website.

Every decision locks the suggestion's row first, so a double click or two editors at once make
one draft page and send one email. Emails are queued in the same transaction as the change.
"""

import re

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page

from website.core.audit import audit_log
from website.core.models import ReviewStatus
from website.core.public_forms.screening import Screening, submission_store
from website.core.review import submission_review
from website.emails.services import email_queue

from .models import (
    AssetSuggestion,
    CommunityAssetMapPage,
    CommunityAssetPage,
    SuggestionKind,
    SuggestionStatus,
)

STATUS_ACTION = "website.submission.status"
# A held or spam suggestion is released by a directory editor before anything is decided.
DECIDABLE_REVIEW = (ReviewStatus.ACCEPTED, ReviewStatus.RELEASED)


class SuggestionStateError(Exception):
    """The suggestion is not in a state that allows this decision (decided, held, wrong kind)."""


@transaction.atomic
def suggestion_submit(
    *,
    kind: str,
    entry: Page | None,
    asset_name: str,
    category: str,
    details: str,
    location: str,
    get_involved: str,
    name: str,
    email: str,
    notify: bool,
    screening: Screening,
    language: str = "",
) -> AssetSuggestion:
    """Stores the suggestion once per rendered form and, unless it is held, emails the team.
    `language` (the page's) is the one the resident is written to in."""
    suggestion, created = submission_store(
        model=AssetSuggestion,
        screening=screening,
        kind=kind,
        entry=entry,
        asset_name=asset_name,
        category=category,
        details=details,
        location=location,
        get_involved=get_involved,
        name=name,
        email=email,
        notify=notify and bool(email),
        language=language or settings.LANGUAGE_CODE,
    )
    if created and suggestion.review_status == ReviewStatus.ACCEPTED:
        _team_notify(suggestion)
    return suggestion


@transaction.atomic
def suggestion_review(*, suggestion: AssetSuggestion, user, release: bool) -> None:
    """A directory editor's decision on a held suggestion; a released one goes to the team
    as if it had never been held. Deciding twice (a double click) does nothing more."""
    suggestion = _locked(suggestion)
    if suggestion.review_status != ReviewStatus.HELD:
        return
    submission_review(submission=suggestion, user=user, release=release)
    if release:
        _team_notify(suggestion)


@transaction.atomic
def suggestion_draft_asset(
    *, suggestion: AssetSuggestion, user, asset_map: CommunityAssetMapPage
) -> CommunityAssetPage:
    """Makes an unpublished community asset from a new-asset suggestion, for the editor to
    check, place on the map and publish. Asked twice, returns the draft made the first time."""
    suggestion = _locked(suggestion)
    if suggestion.status == SuggestionStatus.DRAFTED and suggestion.asset_id:
        return suggestion.asset
    _decidable(suggestion, kind=SuggestionKind.NEW)
    title = suggestion.asset_name or _("Suggested asset %(number)s") % {"number": suggestion.pk}
    page = CommunityAssetPage(
        title=title,
        # Wagtail makes a unique slug from the title; a title with no letters in it gets ours.
        slug="" if slugify(title, allow_unicode=True) else f"suggested-asset-{suggestion.pk}",
        category=suggestion.category,
        description=_rich_text(suggestion.details),
        get_involved=suggestion.get_involved,
        live=False,
        owner=user,
    )
    # Where it is stays on the suggestion: the editor places the asset (a person's skills by
    # neighbourhood only), so the resident's words never become an address by accident.
    asset_map.add_child(instance=page)
    revision = page.save_revision(user=user, clean=False)
    log(instance=page, action="wagtail.create", user=user, revision=revision, content_changed=True)
    suggestion.asset = page
    _decide(suggestion, status=SuggestionStatus.DRAFTED, user=user, extra=("asset",))
    return page


@transaction.atomic
def suggestion_decline(*, suggestion: AssetSuggestion, user) -> None:
    """Declines a suggestion; nothing is published and the resident is not emailed."""
    suggestion = _locked(suggestion)
    if suggestion.status == SuggestionStatus.DECLINED:
        return
    _decidable(suggestion)
    _decide(suggestion, status=SuggestionStatus.DECLINED, user=user)


@transaction.atomic
def suggestion_correction_done(*, suggestion: AssetSuggestion, user) -> None:
    """Records that the editor has corrected the entry, and tells the resident if they asked."""
    suggestion = _locked(suggestion)
    if suggestion.status == SuggestionStatus.CORRECTED:
        return
    _decidable(suggestion, kind=SuggestionKind.CORRECTION)
    _decide(suggestion, status=SuggestionStatus.CORRECTED, user=user)
    if _resident_notify_due(suggestion):
        entry = suggestion.entry.specific if suggestion.entry_id else None
        context = {"suggestion": suggestion, "entry": entry, "entry_url": _live_url(entry)}
        _resident_email(suggestion, template="directory_suggestion_corrected", context=context)


@transaction.atomic
def suggestion_notify_live(*, page: CommunityAssetPage) -> int:
    """Marks the suggestions drafted into `page` as live and emails each resident who asked,
    once: publishing the page again finds nothing left to do. Returns how many were emailed."""
    suggestions = AssetSuggestion.objects.select_for_update().filter(
        asset_id=page.pk, status=SuggestionStatus.DRAFTED
    )
    emailed = 0
    for suggestion in suggestions:
        suggestion.status = SuggestionStatus.LIVE
        suggestion.save(update_fields=["status"])
        if _resident_notify_due(suggestion):
            context = {"suggestion": suggestion, "page": page, "page_url": _live_url(page)}
            _resident_email(suggestion, template="directory_suggestion_live", context=context)
            emailed += 1
    return emailed


def suggestion_admin_url(*, suggestion: AssetSuggestion) -> str:
    """The full address of a suggestion in the admin, for the team's email."""
    path = reverse("asset_suggestions:inspect", args=[suggestion.pk])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _locked(suggestion: AssetSuggestion) -> AssetSuggestion:
    """The suggestion re-read under a row lock. No joins: after waiting for another editor's
    transaction, PostgreSQL re-reads the locked row but not a joined one, so a page that
    transaction made would look missing."""
    return AssetSuggestion.objects.select_for_update().get(pk=suggestion.pk)


def _decidable(suggestion: AssetSuggestion, *, kind: str | None = None) -> None:
    """Raises unless the suggestion waits for a decision: new, or drafted into a page that
    has since been deleted."""
    draft_deleted = suggestion.status == SuggestionStatus.DRAFTED and not suggestion.asset_id
    if suggestion.status != SuggestionStatus.NEW and not draft_deleted:
        raise SuggestionStateError(_("This suggestion has already been decided."))
    if suggestion.review_status not in DECIDABLE_REVIEW:
        raise SuggestionStateError(_("Release this suggestion from review first."))
    if kind and suggestion.kind != kind:
        raise SuggestionStateError(_("That does not apply to this kind of suggestion."))


def _decide(suggestion: AssetSuggestion, *, status: str, user, extra: tuple[str, ...] = ()) -> None:
    suggestion.status = status
    suggestion.decided_by = user
    suggestion.decided_at = timezone.now()
    suggestion.save(update_fields=["status", "decided_by", "decided_at", *extra])
    data = {"status": status}
    if suggestion.asset_id:
        data["asset"] = suggestion.asset_id
    audit_log(instance=suggestion, action=STATUS_ACTION, user=user, data=data)


def _resident_notify_due(suggestion: AssetSuggestion) -> bool:
    return bool(suggestion.notify and suggestion.email and not suggestion.notified_at)


def _resident_email(suggestion: AssetSuggestion, *, template: str, context: dict) -> None:
    """Queues the resident's one email, in the language they wrote in, and records it."""
    with translation.override(suggestion.language or settings.LANGUAGE_CODE):
        email_queue(to=[suggestion.email], template=template, context=context)
    suggestion.notified_at = timezone.now()
    suggestion.save(update_fields=["notified_at"])


def _team_notify(suggestion: AssetSuggestion) -> None:
    entry = suggestion.entry.specific if suggestion.entry_id else None
    context = {
        "suggestion": suggestion,
        "entry": entry,
        "entry_url": _live_url(entry),
        "admin_url": suggestion_admin_url(suggestion=suggestion),
    }
    with translation.override(settings.LANGUAGE_CODE):
        email_queue(
            to=settings.DIRECTORY_TEAM_EMAILS,
            template="directory_suggestion_received",
            context=context,
            reply_to=[suggestion.email] if suggestion.email else [],
        )


def _rich_text(text: str) -> str:
    """Plain text as Wagtail rich text: escaped, a <p> per paragraph, <br/> per line break."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", lines) if part.strip()]
    return "".join(
        "<p>" + "<br/>".join(escape(line) for line in part.split("\n")) + "</p>"
        for part in paragraphs
    )


def _live_url(page: Page | None) -> str:
    """The page's full address, or "" when it is not live or not in a site."""
    if page is None or not page.live:
        return ""
    return page.get_full_url() or ""
