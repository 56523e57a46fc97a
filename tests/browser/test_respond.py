"""Responding to a consultation on a 320px phone, with JavaScript on and off, checked by axe."""

import pytest

from consultations.builders import ConsultationPageBuilder
from consultations.models import ConsultationQuestion, ConsultationResponse

from .conftest import axe_violations


@pytest.fixture
def survey(demo_site, settings):
    from consultations.models import ConsultationIndexPage

    settings.PUBLIC_FORM_MIN_SECONDS = 0  # a test types faster than a person
    index = ConsultationIndexPage.objects.get(locale__language_code="en")
    page = ConsultationPageBuilder(parent=index, title="Park benches survey", slug="benches")
    for order, (kind, label, extra) in enumerate(
        [
            ("agree_scale", "More benches are a good idea", {"required": True}),
            ("yes_no", "Do you walk in the park?", {"follow_up_on": "yes", "follow_up_label": "Which park?"}),
            ("ranking", "Put these in order", {"choices": "Benches\nBins\nLights", "starts_new_page": True}),
            ("postcode", "Your postcode", {}),
        ]
    ):  # fmt: skip
        ConsultationQuestion.objects.create(
            page=page, kind=kind, label=label, sort_order=order, **extra
        )
    return page


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_respond_on_a_phone(survey, open_page, javascript):
    page = open_page(survey.url, width="phone", javascript=javascript)
    page.get_by_role("button", name="Respond online").click()
    page.get_by_role("button", name="Continue").click()  # nothing answered: an error
    page.wait_for_selector(".govuk-error-summary")
    assert "Select an answer to: More benches are a good idea" in page.inner_text(
        ".govuk-error-summary"
    )
    page.get_by_label("Agree", exact=True).check()
    page.get_by_label("Yes").check()
    page.get_by_label("Which park?").fill("Central Park")
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/respond/2/")
    if javascript:  # axe is JavaScript: the ranking page checked once
        assert axe_violations(page) == []
    page.get_by_label("Lights").select_option("1")
    page.get_by_label("Benches").select_option("2")
    page.get_by_label("Your postcode").fill("pl1 1ae")
    page.get_by_role("button", name="Send your response").click()
    page.wait_for_url("**/respond/sent/")
    answers = list(ConsultationResponse.objects.get(consultation=survey).answers.values())
    assert ["Lights", "Benches"] in answers and "PL1 1AE" in answers


def test_response_form_and_its_errors_have_no_axe_violations(survey, open_page):
    for width, scripts in (("desktop", True), ("phone", True), ("phone", False)):
        page = open_page(survey.url + "respond/", width=width, site_scripts=scripts)
        assert axe_violations(page) == [], (width, scripts)
        page.get_by_role("button", name="Continue").click()
        page.wait_for_selector(".govuk-error-summary")
        assert axe_violations(page) == [], (width, scripts, "errors")
