"""The HTTP service: ``create_app(settings)`` builds the FastAPI app (served by ``gapfinder serve``).

Routes (all answers are the library's models, errors are ``application/problem+json``)::

    POST /v1/analyze          a resume or job: multipart (file, kind, target, password) or JSON (text, kind, target)
    POST /v1/compare          a resume against a job: multipart (resume, job, password) or JSON (resume, job)
    GET  /v1/ladders          the career ladders with their levels and alternative paths
    GET  /v1/ladders/{id}     one ladder
    GET  /v1/skills/{key}     one skill by id, name or alias (case-insensitive)
    GET  /v1/skills?q=        skills whose name or an alias contains q
    GET  /healthz             liveness: the process answers
    GET  /readyz              readiness: the taxonomy is loaded and an analysis worker is ready

Analyses run in a pool of worker processes (:mod:`gapfinder.service.pool`), each with its own engine
loaded once; the event loop only parses requests and moves bytes. The taxonomy is also loaded once in
the server process for the ladder and skill routes. Nothing a client sends is stored or logged.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Annotated, Literal

from fastapi import FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import HTMLResponse, Response

from .._version import __version__
from ..errors import GapfinderError
from ..kinds import DOCUMENT_KINDS, is_job
from ..models import CompactComparison, Comparison, Report
from ..taxonomy import Taxonomy, load_taxonomy
from ..taxonomy.schema import Ladder, Skill
from .middleware import RequestContextMiddleware
from .openapi import (
    DOCUMENT_ERRORS,
    MULTIPART_ANALYZE,
    MULTIPART_COMPARE,
    openapi_generator,
    problem_doc,
    request_body,
)
from .page import UI_PATH, docs_page, error_page, form_page, result_page
from .page import headers as page_headers
from .pool import RETRY_AFTER_UNAVAILABLE_S, AnalysisPool
from .problems import ProblemError, from_error, problem_response, request_id_of
from .settings import ServiceSettings
from .uploads import (
    FORM_OVERHEAD_BYTES,
    AnalyzeText,
    CompareTexts,
    form_choice,
    form_file,
    form_text,
    media_type,
    parse_form,
    parse_json,
    read_body,
    text_source,
    validation_detail,
)
from .worker import AnalyzeTask, CompareTask

API_PREFIX = "/v1"


class Health(BaseModel):
    """Answer of ``/healthz`` and ``/readyz``."""

    status: Literal["ok", "ready"]
    version: str = __version__
    workers: int | None = None
    ready_workers: int | None = None


class Service:
    """What the routes share: settings, the taxonomy of the server process, the analysis pool."""

    def __init__(self, settings: ServiceSettings) -> None:
        self.settings = settings
        self.pool = AnalysisPool(settings)
        self.taxonomy: Taxonomy | None = None
        self._surfaces: dict[str, str] = {}  # case-folded name/alias -> skill id
        self._search: list[tuple[str, str]] = []  # (case-folded surface, skill id), for ?q=

    async def start(self) -> None:
        self.taxonomy = await asyncio.to_thread(load_taxonomy, self.settings.taxonomy)
        self.taxonomy.ladder(self.settings.ladder)  # an unknown ladder stops the start: a UsageError
        self._surfaces, self._search = {}, []
        for skill in self.taxonomy.skills.values():
            for surface in (skill.name, *skill.aliases):
                self._surfaces.setdefault(surface.casefold(), skill.id)
                self._search.append((surface.casefold(), skill.id))
        await self.pool.start()

    async def stop(self) -> None:
        await self.pool.close()

    def tax(self) -> Taxonomy:
        if self.taxonomy is None:
            raise ProblemError(503, "not-ready", "Not ready", "the taxonomy is still loading; retry shortly")
        return self.taxonomy

    def skill(self, key: str) -> Skill | None:
        tax = self.tax()
        found = tax.skills.get(key) or tax.skills.get(key.strip().lower())
        if found is None and (sid := self._surfaces.get(key.strip().casefold())) is not None:
            found = tax.skills[sid]
        return found

    def search(self, q: str, limit: int) -> list[Skill]:
        tax = self.tax()
        query = q.strip().casefold()
        if not query:
            return []
        best: dict[str, tuple[int, int, str]] = {}
        for surface, sid in self._search:
            pos = surface.find(query)
            if pos < 0:
                continue
            rank = (0 if surface == query else 1 if pos == 0 else 2, len(surface), tax.skills[sid].name)
            if sid not in best or rank < best[sid]:
                best[sid] = rank
        return [tax.skills[sid] for sid in sorted(best, key=best.__getitem__)[:limit]]

    async def run(self, request: Request, build: Callable[[Request], Awaitable[AnalyzeTask | CompareTask]]) -> Response:
        """Read the request into a task within the deadline, run it in the pool, answer the worker's JSON."""
        loop = asyncio.get_running_loop()
        deadline_at = loop.time() + self.settings.deadline_s
        try:
            async with asyncio.timeout_at(deadline_at):
                task = await build(request)
        except TimeoutError:
            raise ProblemError(
                408, "request-timeout", "Request too slow", "the request body did not arrive within the deadline"
            ) from None
        return Response(await self.pool.run(task, deadline_at), media_type="application/json")


def _service(request: Request) -> Service:
    service: Service = request.app.state.service
    return service


# ------------------------------------------------------------------------------------------ request bodies
async def _analyze_task(request: Request) -> AnalyzeTask:
    settings = _service(request).settings
    kind = media_type(request)
    if kind == "application/json":
        body = await read_body(request, settings.max_upload_bytes + FORM_OVERHEAD_BYTES)
        req: AnalyzeText = parse_json(body, AnalyzeText)
        return AnalyzeTask(text_source(req.text, settings.limits), kind=req.kind, target=req.target)
    if kind == "multipart/form-data":
        body = await read_body(request, settings.max_upload_bytes + FORM_OVERHEAD_BYTES)
        form = await parse_form(request, body, ("file",))
        doc_kind = form_choice(form, "kind", DOCUMENT_KINDS, "resume")
        source = form_file(form, "file", settings.max_upload_bytes, password=form_text(form, "password"))
        return AnalyzeTask(source, kind="job" if is_job(doc_kind) else "resume", target=form_text(form, "target"))
    raise _unsupported_media_type(kind)


async def _compare_task(request: Request, compact: bool = False) -> CompareTask:
    settings = _service(request).settings
    kind = media_type(request)
    limit = 2 * settings.max_upload_bytes + FORM_OVERHEAD_BYTES
    if kind == "application/json":
        req: CompareTexts = parse_json(await read_body(request, limit), CompareTexts)
        return CompareTask(
            resume=text_source(req.resume, settings.limits, "resume"),
            job=text_source(req.job, settings.limits, "job"),
            compact=compact,
        )
    if kind == "multipart/form-data":
        form = await parse_form(request, await read_body(request, limit), ("resume", "job"))
        return CompareTask(
            resume=form_file(form, "resume", settings.max_upload_bytes, password=form_text(form, "password")),
            job=form_file(form, "job", settings.max_upload_bytes, password=form_text(form, "job_password")),
            compact=compact,
        )
    raise _unsupported_media_type(kind)


def _unsupported_media_type(kind: str) -> ProblemError:
    return ProblemError(
        415,
        "unsupported-media-type",
        "Unsupported request body",
        f"send multipart/form-data (file upload) or application/json (text), not {kind or 'no Content-Type'}",
    )


# ------------------------------------------------------------------------------------------ the app
def create_app(settings: ServiceSettings | None = None) -> FastAPI:
    """The FastAPI app; ``settings`` default to the ``GAPFINDER_*`` environment variables.

    Building the app is cheap; the taxonomy and the worker processes start with the app's lifespan.
    """
    settings = settings or ServiceSettings.from_env()
    service = Service(settings)

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await service.start()
        try:
            yield
        finally:
            await service.stop()

    app = FastAPI(
        title="gapfinder",
        version=__version__,
        description="Offline resume-to-role gap analysis: skills, experience and career-ladder placement with "
        "evidence. Errors are application/problem+json (RFC 9457). See docs/service.md.",
        lifespan=lifespan,
        redoc_url=None,
        docs_url=None,  # GET /docs is a page of our own: Swagger UI would load its assets from a CDN
    )
    app.state.service = service
    app.add_middleware(RequestContextMiddleware)
    _add_error_handlers(app)
    _add_routes(app)
    app.openapi = openapi_generator(app)  # type: ignore[method-assign]
    return app


def app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory gapfinder.service.app:app_from_env`` (settings from the environment)."""
    return create_app(ServiceSettings.from_env())


def _add_error_handlers(app: FastAPI) -> None:
    async def on_problem(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ProblemError)
        return problem_response(exc, request_id_of(request))

    async def on_library_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, GapfinderError)
        return problem_response(from_error(exc), request_id_of(request))

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        problem = ProblemError(422, "invalid-request", "Invalid request", validation_detail(exc.errors()))
        return problem_response(problem, request_id_of(request))

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        slug, title = {
            404: ("not-found", "Not found"),
            405: ("method-not-allowed", "Method not allowed"),
        }.get(exc.status_code, ("http-error", "HTTP error"))
        problem = ProblemError(exc.status_code, slug, title, str(exc.detail), headers=dict(exc.headers or {}))
        return problem_response(problem, request_id_of(request))

    app.add_exception_handler(ProblemError, on_problem)
    app.add_exception_handler(GapfinderError, on_library_error)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)


async def _page_task(request: Request) -> AnalyzeTask | CompareTask:
    """The upload form's body: a resume, and a job post to compare it with, or a target."""
    settings = _service(request).settings
    kind = media_type(request)
    if kind != "multipart/form-data":
        raise _unsupported_media_type(kind)
    body = await read_body(request, 2 * settings.max_upload_bytes + FORM_OVERHEAD_BYTES)
    form = await parse_form(request, body, ("resume", "job"))
    job = form.get("job")
    if isinstance(job, tuple) and job[0]:  # a browser sends an empty part for an empty file input
        return CompareTask(
            resume=form_file(form, "resume", settings.max_upload_bytes),
            job=form_file(form, "job", settings.max_upload_bytes),
        )
    resume = form_file(form, "resume", settings.max_upload_bytes)
    return AnalyzeTask(resume, kind="resume", target=form_text(form, "target"))


def _result_page(answer: bytes) -> str:
    """The worker's JSON answer (a Report or a Comparison) as the HTML page of the library's renderer."""
    data = json.loads(answer)
    result = Comparison.model_validate(data) if "resume" in data else Report.model_validate(data)
    return result_page(result)


def _add_page_routes(app: FastAPI) -> None:
    """GET / (the upload form), POST /ui/report (its answer, as a page), GET /docs (the API, as a page)."""

    @app.get("/", include_in_schema=False)
    async def home(request: Request) -> Response:
        service = _service(request)
        ladder = service.taxonomy.ladder(service.settings.ladder) if service.taxonomy is not None else None
        html = form_page(ladder, service.settings.max_upload_bytes)
        return HTMLResponse(html, headers=page_headers())

    @app.post(UI_PATH, include_in_schema=False)
    async def page_report(request: Request) -> Response:
        service = _service(request)
        try:
            answer = await service.run(request, _page_task)
            html = await asyncio.to_thread(_result_page, bytes(answer.body))
            return HTMLResponse(html, headers=page_headers())
        except ProblemError as exc:
            return HTMLResponse(error_page(exc.status, exc.title, exc.detail), exc.status, headers=page_headers())
        except GapfinderError as exc:
            problem = from_error(exc)
            page = error_page(problem.status, problem.title, problem.detail)
            return HTMLResponse(page, problem.status, headers=page_headers())

    @app.get("/docs", include_in_schema=False)
    async def docs(request: Request) -> Response:
        return HTMLResponse(docs_page(request.app.openapi()), headers=page_headers())


def _add_routes(app: FastAPI) -> None:
    _add_page_routes(app)

    @app.get("/healthz", response_model=Health, tags=["health"], summary="Liveness: the process answers")
    async def healthz() -> Health:
        return Health(status="ok")

    @app.get(
        "/readyz",
        response_model=Health,
        tags=["health"],
        summary="Readiness: the taxonomy is loaded and at least one analysis worker is ready",
        responses={503: problem_doc("still loading, or no worker could start")},
    )
    async def readyz(request: Request) -> Health:
        service = _service(request)
        status = service.pool.status()
        if service.taxonomy is None or not service.pool.ready:
            raise ProblemError(
                503,
                "not-ready",
                "Not ready",
                f"{status['ready']} of {status['workers']} analysis workers are ready; retry shortly",
                headers={"Retry-After": str(RETRY_AFTER_UNAVAILABLE_S)},
            )
        return Health(status="ready", workers=status["workers"], ready_workers=status["ready"])

    @app.post(
        f"{API_PREFIX}/analyze",
        response_model=Report,
        tags=["analysis"],
        summary="Analyse a resume or a job description",
        description="Upload a document (multipart/form-data: `file`, optional `kind`, `target`, `password`) or "
        "send its text (application/json: `text`, optional `kind`, `target`). The answer is the library's Report.",
        responses=DOCUMENT_ERRORS,
        openapi_extra=request_body(AnalyzeText, MULTIPART_ANALYZE),
    )
    async def analyze(request: Request) -> Response:
        return await _service(request).run(request, _analyze_task)

    @app.post(
        f"{API_PREFIX}/compare",
        response_model=Comparison | CompactComparison,
        tags=["analysis"],
        summary="Compare a resume with a job description",
        description="Upload both documents (multipart/form-data: `resume`, `job`, optional `password` of the "
        "resume and `job_password` of the job) or send both texts (application/json: `resume`, `job`). The answer "
        "is the library's Comparison: the job's requirements with the resume's status and evidence, a score "
        "breakdown and tailoring hints; with `?view=compact` a CompactComparison: the same without the two full "
        "reports and texts. Statuses: docs/evidence.md.",
        responses=DOCUMENT_ERRORS,
        openapi_extra=request_body(CompareTexts, MULTIPART_COMPARE),
    )
    async def compare(
        request: Request,
        view: Annotated[
            Literal["full", "compact"],
            Query(
                description="full: Comparison with both reports; compact: CompactComparison (statuses, evidence, hints)"
            ),
        ] = "full",
    ) -> Response:
        return await _service(request).run(request, functools.partial(_compare_task, compact=view == "compact"))

    @app.get(
        f"{API_PREFIX}/ladders",
        response_model=list[Ladder],
        tags=["taxonomy"],
        summary="The career ladders, with their levels and alternative paths",
    )
    async def ladders(request: Request) -> list[Ladder]:
        return list(_service(request).tax().ladders.values())

    @app.get(
        f"{API_PREFIX}/ladders/{{ladder_id}}",
        response_model=Ladder,
        tags=["taxonomy"],
        summary="One career ladder",
        responses={404: problem_doc("no ladder with this id"), 422: problem_doc("the id is too long")},
    )
    async def ladder(request: Request, ladder_id: Annotated[str, Path(max_length=80)]) -> Ladder:
        found = _service(request).tax().ladders.get(ladder_id)
        if found is None:
            known = ", ".join(sorted(_service(request).tax().ladders))
            raise ProblemError(404, "not-found", "Not found", f"no ladder {ladder_id!r}; the ladders are: {known}")
        return found

    @app.get(
        f"{API_PREFIX}/skills",
        response_model=list[Skill],
        tags=["taxonomy"],
        summary="Search skills by name or alias (case-insensitive substring; exact and prefix hits first)",
        responses={422: problem_doc("q missing or too long, or limit out of range")},
    )
    async def search_skills(
        request: Request,
        q: Annotated[str, Query(min_length=1, max_length=120, description="part of a skill name or alias")],
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
    ) -> list[Skill]:
        return _service(request).search(q, limit)

    @app.get(
        f"{API_PREFIX}/skills/{{key:path}}",
        response_model=Skill,
        tags=["taxonomy"],
        summary="One skill by id, name or alias (case-insensitive)",
        responses={404: problem_doc("no skill with this id, name or alias"), 422: problem_doc("the key is too long")},
    )
    async def skill(request: Request, key: Annotated[str, Path(max_length=120)]) -> Skill:
        found = _service(request).skill(key)
        if found is None:
            raise ProblemError(
                404, "not-found", "Not found", "no skill has this id, name or alias; try GET /v1/skills?q=..."
            )
        return found


__all__ = ["Health", "Service", "app_from_env", "create_app"]
