"""ASGI entry point; production settings unless DJANGO_SETTINGS_MODULE says otherwise."""

import os
import sys
from pathlib import Path

# The source root (site/) and the repository root (the domain apps) must both be importable.
sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parents[2])]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.production")

from django.core.asgi import get_asgi_application  # noqa: E402

application = get_asgi_application()
