"""Receive 'Is this page useful?' answers.

The form is on every cached public page, so it cannot carry a CSRF token (that would need a
cookie and make every page uncacheable). It changes no one's account: it only adds an
anonymous answer, so it is exempt, with a honeypot field and length limits instead.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from .forms import FeedbackForm
from .models import PageFeedback


@csrf_exempt
@require_POST
def submit_feedback(request: HttpRequest) -> HttpResponse:
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return render(request, "feedback/invalid.html", {"form": form}, status=400)
    page = Page.objects.live().public().filter(pk=form.cleaned_data["page"]).first()
    if page is None:
        return render(request, "feedback/invalid.html", {"form": form}, status=400)
    if not form.is_spam():
        PageFeedback.objects.create(
            page=page,
            page_title=page.title,
            url=page.get_url(request) or "",
            useful=form.cleaned_data["useful"],
            comment=form.cleaned_data["comment"],
        )
    # Not `page`: base.html would add that page's footer, asking the question again.
    return render(request, "feedback/thanks.html", {"answered_page": page})
