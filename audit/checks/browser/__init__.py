"""Browser rules: checks that need a real browser (layout, focus, keyboard, media)."""
