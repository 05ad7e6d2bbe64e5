"""Browser rules: checks that need a real browser (layout, focus, keyboard, media).

:mod:`.rules` declares them (without importing Selenium, so the catalogue can be read
anywhere); :mod:`.suite` runs them on a page loaded in a WebDriver.
"""
