"""The analysis as the JSON object and the readable text, as a test wants them in one call."""

from __future__ import annotations

from typing import Any

from bot.analysis.models import Analysis
from bot.presentation.analysis_text import analysis_text
from bot.presentation.analysis_view import analysis_view


def to_dict(analysis: Analysis, lang: str, input_name: str | None = None) -> dict[str, Any]:
    return analysis_view(analysis, lang, input_name=input_name).to_json()


def to_text(analysis: Analysis, lang: str) -> str:
    return analysis_text(analysis_view(analysis, lang), lang)
