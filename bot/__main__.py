"""`python -m bot` is the `phishbot` command."""

import sys

from bot.cli import main

sys.exit(main())
