"""Forms of the audit's admin screens."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from audit.core.enums import DismissalReason, DismissalScope


class DismissForm(forms.Form):
    """Why a finding needs no fix. Site-wide scope only for people allowed it."""

    reason = forms.ChoiceField(
        label=_("Why does this need no fix?"),
        choices=DismissalReason.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Explain, for the people who read this later"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
    scope = forms.ChoiceField(
        label=_("Dismiss it on"),
        choices=DismissalScope.choices,
        initial=DismissalScope.PAGE,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, allow_site: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not allow_site:
            # ``fields`` holds form fields of any kind: narrow to the ChoiceField declared above.
            scope = self.fields["scope"]
            assert isinstance(scope, forms.ChoiceField)
            scope.choices = [(DismissalScope.PAGE.value, DismissalScope.PAGE.label)]
