"""The contact and feedback form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from website.core.public_forms.forms import PublicFormMixin

from .models import ContactMessage


class ContactForm(PublicFormMixin, forms.Form):
    """Asks only what the council needs to answer: the message, and an email for a reply."""

    public_form_scope = "contact"

    topic = forms.ChoiceField(
        label=_("What is it about?"),
        choices=ContactMessage.Topic.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select what your message is about")},
    )
    message = forms.CharField(
        label=_("Your message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Do not include personal details like your date of birth or bank details."),
        error_messages={
            "required": _("Enter your message"),
            "max_length": _("Your message must be 5,000 characters or fewer"),
        },
    )
    page_address = forms.CharField(
        label=_("Which page is it about?"),
        required=False,
        max_length=500,
        help_text=_("If it is about a page on this website, paste its address or give its title."),
        error_messages={"max_length": _("The page must be 500 characters or fewer")},
    )
    name = forms.CharField(
        label=_("Your name"),
        required=False,
        max_length=100,
        error_messages={"max_length": _("Your name must be 100 characters or fewer")},
    )
    email = forms.EmailField(
        label=_("Your email address"),
        required=False,
        max_length=254,
        help_text=_("Only if you would like a reply."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
            "max_length": _("Your email address must be 254 characters or fewer"),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
