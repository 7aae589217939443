from django import forms
from django.utils.translation import gettext_lazy as _


class TokenForm(forms.Form):
    """The six digits from the authenticator app (spaces allowed, as apps show them)."""

    token = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_token(self) -> str:
        token = "".join(self.cleaned_data["token"].split())
        if not (token.isdigit() and len(token) == 6):
            raise forms.ValidationError(_("Enter the six digits your app shows, for example 123 456."))
        return token
