from django import forms

from .models import PageFeedback


class FeedbackForm(forms.Form):
    page = forms.IntegerField(widget=forms.HiddenInput)
    useful = forms.TypedChoiceField(
        choices=[("yes", "Yes"), ("no", "No")], coerce=lambda value: value == "yes"
    )
    comment = forms.CharField(
        required=False, max_length=PageFeedback._meta.get_field("comment").max_length
    )
    #: A field people never see and bots fill in.
    website = forms.CharField(required=False)

    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))
