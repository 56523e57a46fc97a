"""The opportunity page's admin form (OpportunityPage.base_form_class)."""

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm


class OpportunityPageForm(WagtailAdminPageForm):
    """The opportunity editor: a coordinator may choose only organisations they coordinate.

    Set as OpportunityPage.base_form_class. A plain select (not the snippet chooser, whose
    modal lists every organisation) offers only what the editor may choose.
    """

    def __init__(self, *args, **kwargs):
        from .models import Organisation  # the models module imports this one
        from .permissions import organisations_listed

        super().__init__(*args, **kwargs)
        field = self.fields.get("organisation")
        if field is None:
            return
        field.widget = forms.Select()
        if self.for_user is not None:  # setting the queryset also sets the select's choices
            field.queryset = organisations_listed(user=self.for_user)
        else:
            field.queryset = Organisation.objects.all()
        choices = list(field.queryset.values_list("pk", flat=True)[:2])
        if len(choices) == 1 and not self.instance.organisation_id:
            self.initial["organisation"] = choices[0]
