"""The contact and feedback form and its confirmation page."""

from django.shortcuts import render
from django.urls import reverse_lazy
from django.views.decorators.http import require_safe

from website.core.public_forms.views import PublicFormView

from .forms import ContactForm
from .services import contact_message_submit


class ContactFormView(PublicFormView):
    """GET shows the form; a valid POST stores the message and redirects to the confirmation."""

    form_class = ContactForm
    template_name = "contact/contact_form.html"
    success_url = reverse_lazy("contact_sent")

    def submit(self, *, form, screening):
        contact_message_submit(screening=screening, **form.cleaned_data)


@require_safe
def contact_sent(request):
    """The confirmation: the same whether or not the message was held for review."""
    return render(request, "contact/contact_sent.html")
