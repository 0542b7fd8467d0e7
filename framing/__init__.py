"""framing: compare how news outlets frame the same story, side by side.

The public API, for scripts and notebooks (the CLI is a thin layer over it):

    from pathlib import Path
    import framing

    briefing = framing.build_briefing([Path("seeds")], framing.default_topics())
    data = framing.briefing_data(briefing)          # the JSON that `framing render` reads
    html = framing.render_html(data)                # a template's HTML (or Markdown)
    pdf = framing.render_pdf(html)

See "Use from Python" in the README.
"""

__version__ = "0.1.0"

from framing.analyse.article import AnalysisSettings, analyse_article, analysis_settings
from framing.analyse.topics import default_topics, load_topics
from framing.cache import AnalysisCache
from framing.errors import FramingError
from framing.models import Article, ArticleAnalysis, Briefing, Topic
from framing.pipeline import Execution, analyse_file, build_briefing
from framing.report.catalog import ReportTemplate, find_template
from framing.report.render import render_html, render_pdf
from framing.serialise import (
    analysis_from_json,
    analysis_to_json,
    briefing_data,
    load_briefing_json,
    to_json,
)

__all__ = [
    "AnalysisCache",
    "AnalysisSettings",
    "Article",
    "ArticleAnalysis",
    "Briefing",
    "Execution",
    "FramingError",
    "ReportTemplate",
    "Topic",
    "__version__",
    "analyse_article",
    "analyse_file",
    "analysis_from_json",
    "analysis_settings",
    "analysis_to_json",
    "briefing_data",
    "build_briefing",
    "default_topics",
    "find_template",
    "load_briefing_json",
    "load_topics",
    "render_html",
    "render_pdf",
    "to_json",
]
