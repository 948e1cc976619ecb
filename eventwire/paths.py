"""Where eventwire keeps what it builds on a machine: $XDG_CACHE_HOME/eventwire or ~/.cache/eventwire."""
from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "eventwire"
