"""The OpenAPI document of the service: how it is shaped (``openapi_doc`` prints it).

FastAPI generates the document from the routes; on top of that the two request bodies of the analysis
routes (multipart upload or JSON text) are declared by hand, and error answers are documented under
``application/problem+json``. Answer schemas allow additional properties (a minor version may add fields);
request bodies do not.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel

from ..kinds import DOCUMENT_KINDS
from ..schema import open_schema
from .problems import PROBLEM_JSON, Problem
from .uploads import AnalyzeText, CompareTexts


def problem_doc(description: str) -> dict[str, Any]:
    return {"model": Problem, "description": description}


DOCUMENT_ERRORS: dict[int | str, dict[str, Any]] = {
    400: problem_doc("malformed JSON or form, or a request the library refuses (e.g. target= with kind=job)"),
    408: problem_doc("the request body did not arrive within the deadline"),
    413: problem_doc("over the upload size, page or character limit"),
    415: problem_doc("not a PDF, DOCX or UTF-8/UTF-16 text (checked by content), or an unsupported request body"),
    422: problem_doc("invalid fields, or a document that cannot be analysed (encrypted, scanned, empty, damaged)"),
    503: problem_doc("the queue is full or no worker became free in time (see Retry-After), or not ready"),
    504: problem_doc("the analysis ran past the deadline; the worker was stopped and replaced"),
}
MULTIPART_ANALYZE = {
    "type": "object",
    "required": ["file"],
    "properties": {
        "file": {"type": "string", "format": "binary", "description": "PDF, DOCX, TXT or Markdown"},
        "kind": {"type": "string", "enum": list(DOCUMENT_KINDS), "default": "resume"},
        "target": {"type": "string", "description": "resumes only: a level or path id for the gap"},
        "password": {"type": "string", "description": "the password of an encrypted PDF"},
    },
}
MULTIPART_COMPARE = {
    "type": "object",
    "required": ["resume", "job"],
    "properties": {
        "resume": {"type": "string", "format": "binary", "description": "the resume: PDF, DOCX, TXT or Markdown"},
        "job": {"type": "string", "format": "binary", "description": "the job description"},
        "password": {"type": "string", "description": "the password of the resume, if an encrypted PDF"},
        "job_password": {"type": "string", "description": "the password of the job, if an encrypted PDF"},
    },
}


def request_body(json_model: type[BaseModel], multipart: dict[str, Any]) -> dict[str, Any]:
    return {
        "requestBody": {
            "required": True,
            "content": {
                "multipart/form-data": {"schema": multipart},
                "application/json": {"schema": {"$ref": f"#/components/schemas/{json_model.__name__}"}},
            },
        }
    }


def openapi_generator(app: FastAPI) -> Callable[[], dict[str, Any]]:
    """FastAPI's generator, then: problem schemas under application/problem+json, the JSON bodies as components."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        # answers may gain fields in a minor version (docs/compatibility.md): their schemas allow additions;
        # the request bodies stay strict
        for name, component in list(components.items()):
            components[name] = open_schema(component)
        for model in (AnalyzeText, CompareTexts):
            components[model.__name__] = model.model_json_schema(ref_template="#/components/schemas/{model}")
        for path in schema.get("paths", {}).values():
            for operation in path.values():
                for status, response in operation.get("responses", {}).items():
                    content = response.get("content", {})
                    if status[0] in "45" and "application/json" in content:
                        content[PROBLEM_JSON] = content.pop("application/json")
        app.openapi_schema = schema
        return schema

    return openapi
