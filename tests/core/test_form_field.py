"""The one form-field partial and the error summary give GOV.UK markup tied together for AT."""

from django import forms
from django.template.loader import render_to_string

from website.core.forms import GovukFormMixin


class ExampleForm(GovukFormMixin, forms.Form):
    email = forms.EmailField(label="Email address", help_text="We only use it to reply.")
    comments = forms.CharField(label="Comments", widget=forms.Textarea, required=False)


def _render(form, name):
    return render_to_string("components/form_field.html", {"field": form[name]})


def test_field_has_label_hint_and_described_by():
    html = _render(ExampleForm(), "email")
    assert '<label class="govuk-label" for="id_email">Email address</label>' in html
    assert '<div id="id_email-hint" class="govuk-hint">We only use it to reply.</div>' in html
    assert 'aria-describedby="id_email-hint"' in html and 'class="govuk-input"' in html


def test_error_is_announced_and_tied_to_the_input():
    form = ExampleForm(data={"email": "alice@@example.org"})
    assert not form.is_valid()
    html = _render(form, "email")
    assert "govuk-form-group--error" in html and "govuk-input--error" in html
    assert 'aria-describedby="id_email-hint id_email-error"' in html
    assert '<p id="id_email-error" class="govuk-error-message">' in html
    assert 'value="alice@@example.org"' in html  # what the resident typed is kept
    summary = render_to_string("components/error_summary.html", {"form": form})
    assert 'data-module="govuk-error-summary"' in summary and 'href="#id_email"' in summary


def test_optional_fields_say_so():
    html = _render(ExampleForm(), "comments")
    assert "Comments (optional)" in html and 'class="govuk-textarea"' in html
