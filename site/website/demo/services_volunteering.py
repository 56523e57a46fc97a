"""Builds the example volunteering (content_volunteering.py) with the volunteering builders.
Each step adds only what is missing (organisations by name, opportunities by slug, sign-ups
only for an opportunity that has none), so the loader can run again."""

import hashlib
import secrets
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone
from wagtail.models import Page

from volunteering.builders import OpportunityPageBuilder, OrganisationBuilder, SignupBuilder
from volunteering.models import (
    OpportunityPage,
    OpportunitySession,
    Organisation,
    Signup,
    SignupNote,
)
from website.core.geography import POSTCODES_CSV, postcode_rows
from website.core.models import Area

from . import content
from .pages import page_publish

# Entries of content.OPPORTUNITIES that go to the page as they are.
OPPORTUNITY_WORDS = (
    "title",
    "introduction",
    "cause",
    "location_kind",
    "address",
    "postcode",
    "commitment",
    "commitment_detail",
    "places",
    "minimum_age",
    "no_experience_needed",
    "dbs_check_needed",
    "is_accessible",
    "accessibility",
    "skills_gained",
    "training",
    "expenses",
)
# Entries of content.VOLUNTEER_SIGNUPS that go to the sign-up as they are.
SIGNUP_WORDS = (
    "place",
    "status",
    "name",
    "phone",
    "postcode",
    "availability",
    "needs",
    "language",
    "review_status",
    "held_reasons",
)


def volunteering_ensure(
    pages: dict[str, Page], *, today: date | None = None
) -> list[OpportunityPage]:
    """The example organisations, and their opportunities on the board with a few sign-ups.

    Dates count from `today` (default: the day of loading), so sessions are always ahead.
    """
    today = today or timezone.localdate()
    organisations = organisations_ensure()
    board = pages["volunteering"]
    wards = _postcode_wards()
    opportunities = {}
    for words in content.OPPORTUNITIES:
        page = board.get_children().filter(slug=words["slug"]).first()
        if page is None:
            fields = _opportunity_fields(
                words, organisations=organisations, wards=wards, today=today
            )
            page = page_publish(OpportunityPageBuilder(parent=board, slug=words["slug"], **fields))
        opportunities[words["slug"]] = page.specific
    signups_ensure(opportunities)
    return list(opportunities.values())


def organisations_ensure() -> dict[str, Organisation]:
    """The council's schemes and the partner organisations, by name."""
    organisations = {}
    for name, kind, description, email, phone in content.VOLUNTEERING_ORGANISATIONS:
        organisations[name] = Organisation.objects.filter(name=name).first() or (
            OrganisationBuilder(
                name=name,
                kind=kind,
                description=description,
                contact_email=email,
                contact_phone=phone,
                website="",
            )
        )
    return organisations


def _opportunity_fields(
    words: dict, *, organisations: dict, wards: dict[str, str], today: date
) -> dict:
    """Builder arguments for one entry of content.OPPORTUNITIES."""
    closes = words.get("closes")
    return {
        "address": "",
        "postcode": "",
        **{key: words[key] for key in OPPORTUNITY_WORDS if key in words},
        "organisation": organisations[words["organisation"]],
        "what_you_will_do": words["what_you_will_do"] + content.VOLUNTEERING_EXAMPLE_NOTE,
        "closes_on": today + timedelta(days=closes) if closes is not None else None,
        "areas": _areas(words, wards=wards),
        "sessions": [
            OpportunitySession(
                starts_at=_local(today + timedelta(days=day), starts),
                ends_at=_local(today + timedelta(days=day), ends),
                places=places,
                note=note,
                sort_order=order,
            )
            for order, (day, starts, ends, places, note) in enumerate(words.get("sessions", []))
        ],
    }


def _areas(words: dict, *, wards: dict[str, str]) -> list[Area]:
    """The ward of the opportunity's postcode, and any neighbourhoods it names."""
    slugs = list(words.get("areas", []))
    areas = list(Area.objects.filter(slug__in=slugs))
    if len(areas) != len(slugs):
        raise LookupError(f"Unknown area in {words['slug']}: {slugs}")
    if words.get("postcode"):
        if words["postcode"] not in wards:  # a typo: every example place is a real postcode
            raise LookupError(f"{words['postcode']} is not a Plymouth postcode")
        ward = Area.objects.filter(kind=Area.Kind.WARD, code=wards[words["postcode"]]).first()
        areas += [ward] if ward and ward not in areas else []
    return areas


def _postcode_wards() -> dict[str, str]:
    """Postcode -> ward code, from the bundled file (the table may be empty in some tests)."""
    with POSTCODES_CSV.open(newline="", encoding="utf-8") as handle:
        return {row["postcode"]: row["ward_code"] for row in postcode_rows(handle)}


def signups_ensure(opportunities: dict[str, OpportunityPage]) -> None:
    """The example sign-ups, for each opportunity that has none yet."""
    now = timezone.now()
    empty = {slug for slug, page in opportunities.items() if not page.signups.exists()}
    for words in content.VOLUNTEER_SIGNUPS:
        if words["opportunity"] in empty:
            _signup_make(opportunities[words["opportunity"]], words, now=now)


def _signup_make(page: OpportunityPage, words: dict, *, now: datetime) -> Signup:
    """One example sign-up, arrived `days_ago`, with a token nobody knows (no working link)."""
    session = (
        page.sessions.order_by("sort_order")[words["session"]]
        if words["session"] is not None
        else None
    )
    arrived = now - timedelta(days=words["days_ago"], hours=2)
    signup = SignupBuilder(
        opportunity=page,
        session=session,
        email=words.get("email", ""),
        hours=Decimal(words["hours"]) if "hours" in words else None,
        age_confirmed=page.minimum_age is not None,
        token_hash=hashlib.sha256(secrets.token_bytes(32)).hexdigest(),
        status_changed_at=arrived + timedelta(days=1) if words["status"] != "new" else None,
        **{key: words[key] for key in SIGNUP_WORDS if key in words},
    )
    Signup.objects.filter(pk=signup.pk).update(created_at=arrived)
    note = content.SIGNUP_NOTES.get(words["status"])
    if note:
        SignupNote.objects.create(signup=signup, status=words["status"], note=note)
    return signup


def _local(day: date, at: str) -> datetime:
    """That wall-clock time ("09:30") on that day in the site's time zone."""
    return timezone.make_aware(datetime.combine(day, time.fromisoformat(at)))
