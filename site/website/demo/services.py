"""Writes that build the example content; each step is idempotent (safe to run again)."""

import csv
from collections import Counter
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText
from wagtail_localize.models import Translation, TranslationSource

from consultations.builders import (
    ConsultationIndexPageBuilder,
    ConsultationPageBuilder,
    YouSaidWeDidIndexPageBuilder,
)
from consultations.models import (
    ConsultationAction,
    ConsultationPage,
    ConsultationQuestion,
    ConsultationResponse,
)
from directory.builders import DirectoryIndexPageBuilder
from volunteering.builders import VolunteeringIndexPageBuilder
from volunteering.workflow import opportunity_workflow_ensure
from website.core.builders import AlertBannerBuilder, AreaBuilder, TopicBuilder, locale_ensure
from website.core.geography import POSTCODES_CSV, plymouth_wards, ward_display_name
from website.core.models import AlertBanner, Area, Postcode, SiteSettings, Topic
from website.core.postcode_loading import postcodes_bundled_load
from website.home.builders import home_page_ensure
from website.navigation.builders import FooterMenuBuilder, MainMenuBuilder, page_link
from website.navigation.models import FooterMenu, MainMenu, NavigationSettings
from website.staff.services import staff_groups_sync
from website.standard_pages.builders import StandardPageBuilder

from . import content
from .pages import child_ensure, page_publish
from .services_directory import directory_ensure
from .services_volunteering import volunteering_ensure

INDEX_BUILDERS = {
    "consultations": ConsultationIndexPageBuilder,
    "volunteering": VolunteeringIndexPageBuilder,
    "directory": DirectoryIndexPageBuilder,
}
RICH_TEXT_KEYS = {"text", "content"}
# Wall-clock times for the consultations' dates, in the site's time zone.
OPENS_AT, CLOSES_AT, RESULTS_AT = time(9, 0), time(23, 59), time(10, 0)
# Entries of content.CONSULTATIONS that go to the page as they are.
CONSULTATION_WORDS = (
    "title",
    "introduction",
    "why_we_are_asking",
    "what_is_being_decided",
    "what_cannot_change",
    "decision_maker",
    "is_citywide",
)


def _stream(body: list) -> list:
    """Content-module body entries as StreamField data, wrapping rich text in RichText.

    Rich-text values in content.py are HTML (they start with "<"); plain-text fields that share
    a name, such as the warning block's `text`, never do.
    """

    def convert(value):
        if isinstance(value, dict):
            return {
                k: RichText(v)
                if k in RICH_TEXT_KEYS and isinstance(v, str) and v.startswith("<")
                else convert(v)
                for k, v in value.items()
            }
        if isinstance(value, list):
            return [convert(v) for v in value]
        return value

    return [
        (kind, RichText(value) if kind == "rich_text" else convert(value)) for kind, value in body
    ]


def translation_publish(instance, locale: Locale, strings: dict[str, str]) -> None:
    """Translate through wagtail-localize, as an editor would, and publish the result.

    Strings with no entry fall back to the source text; editors finish them in the admin.
    """
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = strings.get(entry.msgid, "")
    translation.import_po(po)
    translation.save_target(publish=True)


def _translations_ensure(instance, languages: dict[str, dict[str, str]]) -> None:
    for code, strings in languages.items():
        locale = Locale.objects.get(language_code=code)
        if not instance.get_translations().filter(locale=locale).exists():
            translation_publish(instance, locale, strings)


def taxonomy_ensure() -> list[Topic]:
    """The five programmes as topics; the 20 wards and the Community Builder neighbourhoods."""
    topics = [
        TopicBuilder(slug=slug, name=name, description=description)
        for slug, name, description in content.TOPICS
    ]
    for code, name in plymouth_wards():
        AreaBuilder(slug=slugify(name), name=name, kind=Area.Kind.WARD, code=code)
    wards_by_sector = _wards_by_postcode_sector()
    ward_slugs = set(Area.objects.filter(kind=Area.Kind.WARD).values_list("slug", flat=True))
    for name, sector in content.NEIGHBOURHOODS:
        ward_name = wards_by_sector[sector]
        slug = slugify(name)  # "devonport" is a ward too: the neighbourhood is told apart
        AreaBuilder(
            slug=f"{slug}-neighbourhood" if slug in ward_slugs else slug,
            name=name,
            kind=Area.Kind.NEIGHBOURHOOD,
            ward=Area.objects.get(kind=Area.Kind.WARD, name=ward_name),
        )
    return topics


def _wards_by_postcode_sector() -> dict[str, str]:
    """The ward most postcodes in each sector ('PL5 1') belong to."""
    counts: dict[str, Counter] = {}
    with POSTCODES_CSV.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            sector = row["postcode"][:-2].strip()
            counts.setdefault(sector, Counter())[ward_display_name(row["ward_name"])] += 1
    return {sector: counter.most_common(1)[0][0] for sector, counter in counts.items()}


def pages_ensure() -> dict[str, Page]:
    """The page tree: home, the three section index pages, and the required content pages."""
    home = home_page_ensure()
    if not home.support_text:  # first run: fill the builder's defaults with the demo words
        for field, value in content.HOME.items():
            setattr(home, field, value)
        home = page_publish(home)
    pages = {"home": home}
    for key, words in content.INDEX_PAGES.items():
        builder = INDEX_BUILDERS[key]
        pages[key] = child_ensure(
            home,
            builder.slug,
            builder,
            title=words["title"],
            introduction=words["introduction"],
            body=[("rich_text", RichText(words["body"]))],
        )
    pages["you-said-we-did"] = child_ensure(
        home, YouSaidWeDidIndexPageBuilder.slug, YouSaidWeDidIndexPageBuilder
    )
    for words in content.STANDARD_PAGES:
        pages[words["slug"]] = child_ensure(
            home,
            words["slug"],
            StandardPageBuilder,
            title=words["title"],
            introduction=words["introduction"],
            body=_stream(words["body"]),
        )
    return pages


def consultations_ensure(
    pages: dict[str, Page], *, today: date | None = None
) -> list[ConsultationPage]:
    """The example consultations under the English index, each built once (matched by slug).

    Their dates count from `today` (default: the day of loading), so a fresh demo always has
    consultations forthcoming, open, closed awaiting results and with results published.
    """
    index = pages["consultations"]
    today = today or timezone.localdate()
    consultations = []
    for words in content.CONSULTATIONS:
        page = index.get_children().filter(slug=words["slug"]).first()
        if page is None:
            fields = _consultation_fields(words, today=today)
            page = page_publish(ConsultationPageBuilder(parent=index, slug=words["slug"], **fields))
        consultation_responses_ensure(page.specific)
        consultations.append(page.specific)
    return consultations


def _consultation_fields(words: dict, *, today: date) -> dict:
    """Builder arguments for one entry of content.CONSULTATIONS."""
    days = {key: today + timedelta(days=offset) for key, offset in words["days"].items()}
    results = days.get("results")
    return {
        **{key: words[key] for key in CONSULTATION_WORDS},
        "opens_at": _local(days["opens"], OPENS_AT),
        "closes_at": _local(days["closes"], CLOSES_AT),
        "results_published_at": _local(results, RESULTS_AT) if results else None,
        "expected_decision_date": days["decision"],
        "topics": _by_slug(Topic.objects.filter(locale=Locale.get_default()), words["topics"]),
        "areas": _by_slug(Area.objects.all(), words["areas"]),
        "key_dates": [
            ("key_date", {"date": _key_day(when, days, today), "label": label, "description": more})
            for when, label, more in words["key_dates"]
        ],
        "events": [("event", _event(event, today=today)) for event in words["events"]],
        "body": _stream(words["body"]),
        "other_ways_to_respond": _stream(words["other_ways_to_respond"]),
        "contact": [("contact_details", words["contact"])],
        "comments_enabled": words.get("comments_enabled", False),
        "you_said": words.get("you_said", ""),
        "we_did": words.get("we_did", ""),
        "actions": [
            ConsultationAction(
                description=text, status=status, status_date=today + timedelta(days=offset)
            )
            for text, status, offset in words.get("actions", [])
        ],
        "questions": [_question(*question) for question in words.get("questions", [])],
    }


def _question(kind: str, label: str, extra: str) -> ConsultationQuestion:
    """A demo question: `extra` holds options (one per line), "yes|follow-up", or "new_page"."""
    question = ConsultationQuestion(kind=kind, label=label)
    if kind == "yes_no" and extra:
        question.follow_up_on, question.follow_up_label = extra.split("|", 1)
    elif extra == "new_page":
        question.starts_new_page = True
    else:
        question.choices = extra
    return question


# Demo responses for consultations with published results: (channel, share of 120).
DEMO_CHANNELS = [("online", 70), ("paper", 25), ("in_person", 15), ("phone", 10)]


def consultation_responses_ensure(page) -> None:
    """Example responses (120, across channels) so the results have numbers to show."""
    if page.results_published_at is None or page.responses.exists():
        return
    questions = list(page.questions.all())
    responses, number = [], 0
    for channel, count in DEMO_CHANNELS:
        for _index in range(count):
            number += 1
            answers = {str(q.key): _demo_answer(q, number) for q in questions}
            responses.append(
                ConsultationResponse(consultation=page, channel=channel, answers=answers)
            )
    ConsultationResponse.objects.bulk_create(responses)


def _demo_answer(question, number: int):
    """A spread of answers that looks like a real result (more agree than disagree)."""
    if question.kind == "agree_scale":
        scale = ["strongly_agree", "agree", "agree", "neither", "disagree", "strongly_agree"]
        return scale[number % len(scale)]
    if question.kind == "yes_no":
        return "yes" if number % 3 else "no"
    options = question.options
    return options[(number * 7) % len(options)] if options else ""


def _local(day: date, at: time) -> datetime:
    """That wall-clock time on that day in the site's time zone, as an aware datetime."""
    return timezone.make_aware(datetime.combine(day, at))


def _key_day(when: str | int, days: dict[str, date], today: date) -> date:
    """A key date: one of the consultation's named dates, or a count of days from today."""
    return days[when] if isinstance(when, str) else today + timedelta(days=when)


def _event(event: dict, *, today: date) -> dict:
    """An event's words with its start and end as aware datetimes, `day` days from today."""
    day = today + timedelta(days=event["day"])
    fields = {k: v for k, v in event.items() if k not in {"day", "starts", "ends"}}
    return {
        **fields,
        "starts_at": _local(day, time.fromisoformat(event["starts"])),
        "ends_at": _local(day, time.fromisoformat(event["ends"])),
    }


def _by_slug(queryset: QuerySet, slugs: list[str]) -> list:
    """The objects with these slugs, in order; a missing slug is a typo in content.py."""
    found = {obj.slug: obj for obj in queryset.filter(slug__in=slugs)}
    missing = set(slugs) - set(found)
    if missing:
        raise LookupError(f"No such slugs in {queryset.model.__name__}: {sorted(missing)}")
    return [found[slug] for slug in slugs]


def navigation_ensure(pages: dict[str, Page], site: Site) -> tuple[MainMenu, FooterMenu]:
    """The main menu and footer, chosen in the site's navigation settings."""
    default = Locale.get_default()
    main_menu = MainMenu.objects.filter(
        locale=default, name="Main menu"
    ).first() or MainMenuBuilder(
        name="Main menu", links=[page_link(pages[key]) for key in content.MAIN_MENU]
    )
    footer = FooterMenu.objects.filter(locale=default, name="Footer").first() or FooterMenuBuilder(
        name="Footer",
        sections=[
            ("section", {"heading": heading, "links": [page_link(pages[k])[1] for k in keys]})
            for heading, keys in content.FOOTER_SECTIONS
        ],
        meta_links=[page_link(pages[key]) for key in content.FOOTER_META],
    )
    nav = NavigationSettings.for_site(site)
    if nav.main_menu_id is None or nav.footer_menu_id is None:
        nav.main_menu, nav.footer_menu = main_menu, footer
        nav.save()
    return main_menu, footer


def site_settings_ensure(site: Site, privacy_page: Page) -> None:
    """Contact details, the privacy notice and the example-content notice."""
    site_settings = SiteSettings.for_site(site)
    if site_settings.privacy_page_id is None:
        site_settings.privacy_page = privacy_page
        site_settings.save()
    if not site_settings.contact_email:
        site_settings.contact_email = "engagement@example.org"
        site_settings.contact_phone = "01632 960000"
        site_settings.example_content_notice = True
        site_settings.save()
    if not AlertBanner.objects.exists():
        AlertBannerBuilder(
            title="Example alert",
            message="<p>Switch this on in Snippets to show a message on every page.</p>",
            is_enabled=False,
        )


def demo_content_load() -> dict[str, Page]:
    """Build (or complete) the example site. Every step adds only what is missing, so a run
    that stops part-way is finished by running again.

    Not one transaction: Wagtail publishes on commit with the page objects it holds, which
    would write stale tree counts over pages created later in the same transaction.
    """
    if not Postcode.objects.exists():  # a database flushed since it was migrated
        postcodes_bundled_load()
    for code, _name in settings.LANGUAGES:
        locale_ensure(code)
    topics = taxonomy_ensure()
    pages = pages_ensure()
    consultations_ensure(pages)
    volunteering_ensure(pages)
    directory_ensure(pages)  # after volunteering: food co-ops link to an opportunity
    site = Site.objects.get(is_default_site=True)
    main_menu, footer = navigation_ensure(pages, site)
    site_settings_ensure(site, privacy_page=pages["privacy"])
    for instance in [
        pages["home"],
        pages["consultations"],
        pages["volunteering"],
        pages["directory"],
        main_menu,
        footer,
        *topics,
    ]:
        _translations_ensure(instance, content.TRANSLATIONS)
    staff_groups_sync()  # the section pages exist now, so their groups get their pages
    opportunity_workflow_ensure()  # every board, in every language, needs approval
    return pages
