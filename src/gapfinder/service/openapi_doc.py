"""Print the service's OpenAPI document, as committed in ``docs/openapi.json``:

    python -m gapfinder.service.openapi_doc > docs/openapi.json

A test checks that the committed document is current. This sits apart from ``openapi`` (the shape of the
document, which the app imports) because it builds the app.
"""

from __future__ import annotations

import json
import sys

from .app import create_app
from .settings import ServiceSettings


def openapi_json() -> str:
    """The OpenAPI document as committed in ``docs/openapi.json`` (independent of the environment)."""
    app = create_app(ServiceSettings(max_concurrent=1))
    return json.dumps(app.openapi(), indent=2, ensure_ascii=False) + "\n"


def main() -> None:
    sys.stdout.write(openapi_json())


if __name__ == "__main__":
    main()
