"""Browser rules: checks that need a real browser (layout, focus, keyboard, media).

:func:`run_browser_checks` runs every enabled rule on the page loaded in a WebDriver, after
axe-core, group by group (each group one or a few ``execute_script`` round trips):

========== ================================================= ========================
group      rules                                             modules
========== ================================================= ========================
document   clearway-page-title, clearway-page-language,      :mod:`.page`,
           clearway-autoplay-audio, clearway-moving-content, :mod:`.media`,
           clearway-background-image-text,                   :mod:`.backgrounds`,
           clearway-small-text, -line-height, -line-length   :mod:`.typography`
spacing    clearway-text-spacing, clearway-resize-text       :mod:`.spacing`
focus      clearway-focus-visible, -focus-not-obscured,      :mod:`.focus`
           -keyboard-trap, -keyboard-access
widgets    clearway-focus-order, -menu-keyboard,             :mod:`.widgets`,
           -disclosure-keyboard, -hover-content,             :mod:`.dialogs`
           -dialog-focus
reflow     clearway-reflow                                   :mod:`.reflow`
========== ================================================= ========================

The order matters: the groups that only read come first, the layout at the default width is
measured before the reflow group narrows the viewport, and each group puts back what it
changed (styles, focus, scrolling, viewport) before the next starts.

:func:`prepare_browser` registers a small script for every new document (the click and
mouse-over listener registries the keyboard rules read). :func:`run_browser_checks` calls it on
a browser's first page, which is therefore checked without it; a session can call it when the
browser starts.
"""

from __future__ import annotations

import contextlib
import logging
import time
import weakref
from collections.abc import MutableMapping

from selenium.common.exceptions import (
    TimeoutException,
    UnexpectedAlertPresentException,
    WebDriverException,
)
from selenium.webdriver.remote.webdriver import WebDriver

from audit.checks.browser import (
    backgrounds,
    carousels,
    controls,
    focus,
    media,
    page,
    reflow,
    spacing,
    typography,
    widgets,
)
from audit.checks.browser.base import Context, Group, cdp_works, raw_script, run_requests
from audit.checks.issues import Issue
from audit.core.conf import AuditSettings
from audit.core.crashes import is_browser_crash

logger = logging.getLogger(__name__)

__all__ = ["GROUPS", "prepare_browser", "run_browser_checks"]


def _document(context: Context) -> list[Issue]:
    """The page, media, background image, form field and typography rules: scripts that
    only read, in one round trip."""
    return run_requests(
        context,
        [
            page.request(context),
            media.request(context),
            backgrounds.request(context),
            controls.request(context),
            typography.request(context),
        ],
    )


#: (name, rule ids, check) in the order they run.
GROUPS: tuple[tuple[str, tuple[str, ...], Group], ...] = (
    (
        "document",
        page.RULES + media.RULES + backgrounds.RULES + controls.RULES + typography.RULES,
        _document,
    ),
    ("spacing", spacing.RULES, spacing.check),
    ("focus", focus.RULES, focus.check),
    ("widgets", widgets.RULES, widgets.check),
    ("carousels", carousels.RULES, carousels.check),
    ("reflow", reflow.RULES, reflow.check),
)

#: Per browser: whether it takes CDP commands (asked once).
_CDP: weakref.WeakKeyDictionary[WebDriver, bool] = weakref.WeakKeyDictionary()


def prepare_browser(driver: WebDriver) -> bool:
    """Register the browser rules' new-document script in ``driver``, once per browser.

    Returns whether it is registered (False without CDP: the keyboard rule then sees only
    ``onclick``-style handlers).
    """
    if driver in _CDP:
        return _CDP[driver]
    works = cdp_works(driver)
    if works:
        try:
            driver.execute_cdp_cmd(
                "Page.addScriptToEvaluateOnNewDocument", {"source": raw_script("listeners")}
            )
        except WebDriverException as error:
            logger.info("The browser rules' listener registry is not registered: %s", error)
    _CDP[driver] = works
    return works


def run_browser_checks(
    driver: WebDriver,
    config: AuditSettings,
    *,
    timings: MutableMapping[str, float] | None = None,
) -> list[Issue]:
    """Every enabled browser rule on the page currently loaded in ``driver`` (axe has already
    run on it).

    Leaves the browser as it found it for the next page (window size, zoom, emulation, injected
    styles, focus): the session reuses the browser. Raises Selenium's ``TimeoutException`` if
    the page hangs (the caller records a timeout), and re-raises errors that mean the browser
    itself is gone; any other failure of a rule group is logged and the other groups still
    run. ``timings``, when given, receives each group's seconds by group name.
    """
    context = Context(driver=driver, config=config, cdp=prepare_browser(driver))
    found: list[Issue] = []
    for name, rule_ids, check in GROUPS:
        if not any(config.rule_enabled(rule_id) for rule_id in rule_ids):
            continue
        started = time.perf_counter()
        try:
            found += check(context)
        except TimeoutException:
            raise
        except UnexpectedAlertPresentException:
            # The page opened a dialog in answer to focus or keys: accept it and go on.
            logger.info("A dialog interrupted the %s browser rules on %s.", name, _url(driver))
            with contextlib.suppress(WebDriverException):
                driver.switch_to.alert.accept()
        except Exception as error:
            if is_browser_crash(error):
                raise
            logger.warning(
                "The %s browser rules failed on %s: %s",
                name,
                _url(driver),
                error,
                exc_info=not isinstance(error, WebDriverException),
            )
        finally:
            if timings is not None:
                timings[name] = timings.get(name, 0.0) + time.perf_counter() - started
    return found


def _url(driver: WebDriver) -> str:
    try:
        return str(driver.current_url)
    except Exception:
        return "(unknown page)"
