"""Telling a dead browser from a failing page: the runner and the browser rules both ask."""

from __future__ import annotations

import http.client

import urllib3.exceptions
from selenium.common.exceptions import (
    InvalidSessionIdException,
    NoSuchWindowException,
    WebDriverException,
)

#: Fragments of chromedriver's messages when the browser, its tab or its connection is gone.
CRASH_MARKERS = (
    "invalid session id",
    "chrome not reachable",
    "disconnected",
    "session deleted",
    "no such window",
    "tab crashed",
    "target crashed",
    "target window already closed",
)


def is_browser_crash(error: BaseException) -> bool:
    """Whether ``error`` means the browser (or chromedriver) died, rather than the page failed."""
    if isinstance(error, InvalidSessionIdException | NoSuchWindowException):
        return True
    if isinstance(error, WebDriverException):
        message = (error.msg or str(error)).lower()
        if "net::err_" in message:
            return False  # The page's network error (ERR_INTERNET_DISCONNECTED, say).
        return any(marker in message for marker in CRASH_MARKERS)
    # chromedriver itself is gone: Selenium lets urllib3's connection errors through.
    return isinstance(
        error, urllib3.exceptions.HTTPError | ConnectionError | http.client.HTTPException
    )
