"""phishbot: a phishing-report analyser and Discord bot for Japanese and English communities."""

__version__ = "0.1.0"

# the regular expressions of the package, compiled by scripts/generate.py rather than at every start
# (bot/analysis/patterns.py); before any module of the package compiles one
from bot.analysis.patterns import prime as _prime_patterns

_prime_patterns()
