"""The Anytown Borough Council demo site: content as plain data, and the builder that stores it.

``build_demo()`` creates the demo council, or brings an existing one back in line with the
content here. It is safe to run again: it looks everything up by a fixed key (page slug,
snippet name, image or document title) and only saves what has changed.
"""

from .build import SeedReport, build_demo

__all__ = ["SeedReport", "build_demo"]
