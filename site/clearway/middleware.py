"""Site-wide response policies that Django's own settings cannot express."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class CachedSiteMiddleware:
    """Give Wagtail the request's Site from the cache (see pages.sites), so serving a page does
    not start with two queries. Placed after the page cache, so cache hits never get here."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from pages.sites import cached_site_for

        request._wagtail_site = cached_site_for(request)  # type: ignore[attr-defined]
        return self.get_response(request)


def framed_by_the_site(policy: str) -> str:
    """``policy`` with its ``frame-ancestors`` directive, if any, replaced by ``'self'``."""
    directives = [part.strip() for part in policy.split(";") if part.strip()]
    kept = [part for part in directives if part.split()[0].lower() != "frame-ancestors"]
    return "; ".join([*kept, "frame-ancestors 'self'"])


class PublicContentSecurityPolicyMiddleware:
    """Send a strict Content-Security-Policy with every public response.

    The public site needs nothing from another origin and no inline code, so the policy is
    strict. The Wagtail admin uses inline styles and scripts of its own, so its responses
    (and Django's admin) are left to the browser's defaults.

    A page previewed in the admin is served through the whole middleware chain, by Wagtail's
    dummy request (``is_dummy``) at the page's own address, and shown in a frame of the
    admin's: it keeps the policy, but may be framed by the site itself. (With
    ``frame-ancestors 'none'`` the editor's preview panel stayed blank, and Wagtail's checks
    on the preview never ran.)
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.policy: str = settings.CLEARWAY_PUBLIC_CSP
        self.preview_policy = framed_by_the_site(self.policy) if self.policy else ""
        self.exempt_prefixes = ("/admin/", "/django-admin/")

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.policy and not request.path.startswith(self.exempt_prefixes):
            preview = getattr(request, "is_dummy", False)
            response.headers.setdefault(
                "Content-Security-Policy", self.preview_policy if preview else self.policy
            )
        return response
