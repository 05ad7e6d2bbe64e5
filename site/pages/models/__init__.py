"""Clearway's page types, one module per family."""

from .base import BasePage
from .guides import GuidePage, GuidePartPage
from .home import HomePage
from .news import NewsIndexPage, NewsPage
from .search import SearchPage
from .services import ServiceCategoryPage, ServicePage
from .settings import SiteLinkSettings
from .statement import AccessibilityStatementPage
from .step_by_step import StepByStepPage

__all__ = [
    "AccessibilityStatementPage",
    "BasePage",
    "GuidePage",
    "GuidePartPage",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "SearchPage",
    "ServiceCategoryPage",
    "ServicePage",
    "SiteLinkSettings",
    "StepByStepPage",
]
