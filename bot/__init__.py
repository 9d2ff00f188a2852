"""phishbot: a phishing-report analyser and Discord bot for Japanese and English communities."""

__version__ = "0.1.0"
