"""The monitoring forms: dashboard filters, opening a questionnaire, answers, the counts import."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from samensterk.programme.models import District

from .queries import Filters, Quarter


class DashboardFilterForm(forms.Form):
    district = forms.ChoiceField(label=_("District"), required=False)
    quarter = forms.ChoiceField(label=_("Quarter"), required=False)
    method = forms.ChoiceField(label=_("Method"), required=False)
    partnership = forms.ChoiceField(label=_("Partnership"), required=False)

    def __init__(self, data, *, quarters: list[Quarter], choices: dict, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["district"].choices = [("", _("All districts")), *District.choices]
        self.fields["quarter"].choices = [("", _("All quarters"))] + [(str(q), str(q)) for q in quarters]
        self.fields["method"].choices = [("", _("All methods"))] + [
            (m.slug, m.name) for m in choices["methods"]
        ]
        self.fields["partnership"].choices = [("", _("All partnerships"))] + [
            (str(p.pk), str(p)) for p in choices["partnerships"]
        ]
        for name, field in self.fields.items():
            field.error_messages["invalid_choice"] = _("Choose a value from the list.")
            field.widget.attrs["aria-describedby"] = f"id_{name}-error"

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            district=data.get("district") or "",
            quarter=Quarter.parse(data["quarter"]) if data.get("quarter") else None,
            method=data.get("method") or "",
            partnership=int(data["partnership"]) if data.get("partnership") else None,
        )
