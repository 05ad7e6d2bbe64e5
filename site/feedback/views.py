"""Receive 'Is this page useful?' answers.

The form is on every cached public page, so it cannot carry a CSRF token (that would need a
cookie and make every page uncacheable). It changes no one's account: it only adds an
anonymous answer, so it is exempt, with a honeypot field, length limits, a size limit and a
per-client rate limit instead (see limits.py). No response from here sets a cookie.
"""

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from . import limits
from .forms import FeedbackForm
from .models import PageFeedback


@csrf_exempt
@require_POST
def submit_feedback(request: HttpRequest) -> HttpResponse:
    rate = limits.count_post(request)
    if not rate.allowed:
        return too_many_answers(request, rate.retry_after)
    if limits.too_large(request):
        return answer_too_large(request)
    try:
        form = FeedbackForm(request.POST)
    except RequestDataTooBig:
        # Django's own cap (DATA_UPLOAD_MAX_MEMORY_SIZE), if it is set below ours.
        return answer_too_large(request)
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


def too_many_answers(request: HttpRequest, retry_after: int) -> HttpResponse:
    minutes = max(1, -(-retry_after // 60))  # rounded up: "try again in 0 minutes" helps no one
    response = render(request, "feedback/too_many.html", {"minutes": minutes}, status=429)
    response.headers["Retry-After"] = str(retry_after)
    return response


def answer_too_large(request: HttpRequest) -> HttpResponse:
    longest = FeedbackForm.base_fields["comment"].max_length
    return render(request, "feedback/too_large.html", {"longest": f"{longest:,}"}, status=413)
