"""The same batch on a Dask cluster (the extra ``distributed``): a local one or a real one.

- ``DaskRunner(workers=N)`` starts a ``LocalCluster`` of N worker processes (one thread each) on this machine.
- ``DaskRunner(scheduler="tcp://scheduler:8786")`` (or a ``distributed.Client``) uses an existing cluster; every
  worker needs gapfinder installed.

Each worker builds its engine once, in a :class:`EnginePlugin` registered with the cluster (workers that join
later get it too). A custom taxonomy is loaded and validated here and shipped to the workers, and files are read
here and shipped as bytes, so the workers need no access to this machine's files. A chunk whose worker died is
written as error records (the scheduler first retries it elsewhere), and the run goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..errors import GapfinderError, UsageError
from .records import error_outcome
from .scheduling import windowed
from .worker import EngineConfig, build_engine, run_chunk

if TYPE_CHECKING:
    from distributed import Client, LocalCluster

    from ..engine import Engine
    from .inputs import Task
    from .records import Outcome

PLUGIN_NAME = "gapfinder-engine"
#: where a local cluster listens: nothing of it is reachable from another machine
LOOPBACK = "127.0.0.1"
INSTALL_HINT = "install the extra gapfinder[distributed] (in a clone of the repository: pip install '.[distributed]')"

if TYPE_CHECKING:
    from distributed import WorkerPlugin as _PluginBase
else:
    try:
        from distributed import WorkerPlugin as _PluginBase
    except ImportError:  # the extra is not installed; DaskRunner says so when used
        _PluginBase = object


class EnginePlugin(_PluginBase):
    """Builds the gapfinder engine once in each Dask worker."""

    name = PLUGIN_NAME

    def __init__(self, config: EngineConfig) -> None:
        self.config = config
        self.engine: Engine | GapfinderError | None = None

    def setup(self, worker: Any) -> None:
        self.engine = build_engine(self.config)

    def teardown(self, worker: Any) -> None:
        self.engine = None


def dask_chunk(tasks: list[Task]) -> list[Outcome]:
    """Runs on a Dask worker: analyse a chunk with that worker's engine."""
    from distributed import get_worker

    plugin = get_worker().plugins.get(PLUGIN_NAME)
    return run_chunk(getattr(plugin, "engine", None), tasks)


def _engine_error(dask_worker: Any) -> GapfinderError | str | None:
    """Runs on every worker after setup: why its engine is missing, if it is."""
    plugin = dask_worker.plugins.get(PLUGIN_NAME)
    engine = getattr(plugin, "engine", None)
    if engine is None:
        return "the gapfinder plugin did not set up an engine on this worker"
    return engine if isinstance(engine, GapfinderError) else None


class DaskRunner:
    """Run chunks of tasks as Dask tasks; a context manager like the local runners."""

    ships_bytes = True

    def __init__(
        self,
        workers: int | None = None,
        config: EngineConfig | None = None,
        *,
        scheduler: str | Client | None = None,
        window_per_worker: int = 4,
        connect_timeout_s: float = 30.0,
    ) -> None:
        self.requested = workers
        self.config = config or EngineConfig()
        self.scheduler = scheduler
        self.window_per_worker = window_per_worker
        self.connect_timeout_s = connect_timeout_s
        self.workers = workers or 1
        self.client: Client | None = None
        self._cluster: LocalCluster | None = None
        self._own_client = False

    def __enter__(self) -> DaskRunner:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise UsageError(f"the dask engine needs dask.distributed; {INSTALL_HINT}") from None
        config = self.config
        if isinstance(config.taxonomy, str):  # validate here, fail before the cluster works; ship the result
            from ..taxonomy import load_taxonomy

            config = replace(config, taxonomy=load_taxonomy(config.taxonomy))
        try:
            if isinstance(self.scheduler, Client):
                self.client = self.scheduler
            elif self.scheduler is not None:
                self.client = self._connect(Client, self.scheduler)
                self._own_client = True
            else:
                # on this machine only: the scheduler, the workers and the dashboard listen on 127.0.0.1
                # (":0" alone would put the dashboard on every interface), any free port for each
                self._cluster = LocalCluster(
                    n_workers=self.requested or 1,
                    threads_per_worker=1,
                    processes=True,
                    host=LOOPBACK,
                    dashboard_address=f"{LOOPBACK}:0",
                )
                self.client = Client(self._cluster)
                self._own_client = True
            self.client.wait_for_workers(1, timeout=self.connect_timeout_s)
            self.client.register_plugin(EnginePlugin(config), name=PLUGIN_NAME)
            errors = [e for e in self.client.run(_engine_error).values() if e is not None]
        except BaseException:
            self.__exit__(None, None, None)
            raise
        if errors:
            self.__exit__(None, None, None)
            first = errors[0]
            raise first if isinstance(first, GapfinderError) else UsageError(f"Dask workers: {first}")
        self.workers = sum(self.client.nthreads().values()) or 1
        return self

    def _connect(self, client_cls: type[Client], address: str) -> Client:
        try:
            return client_cls(address, timeout=self.connect_timeout_s)
        except (OSError, TimeoutError) as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {address} ({exc}); check --scheduler") from None

    def __exit__(self, *exc_info: object) -> None:
        if self.client is not None and self._own_client:
            self.client.close()
        if self._cluster is not None:
            self._cluster.close()
        self.client, self._cluster, self._own_client = None, None, False

    def map(self, chunks: Iterable[list[Task]], *, ordered: bool = False) -> Iterator[list[Outcome]]:
        client = self.client
        if client is None:
            raise RuntimeError("enter the runner (with DaskRunner(...) as runner) before map()")
        window = self.workers * self.window_per_worker
        for chunk, future in windowed(
            lambda c: client.submit(dask_chunk, c, pure=False), chunks, window=window, ordered=ordered
        ):
            try:
                yield future.result()
            except GapfinderError:
                raise
            except Exception as err:  # the worker died on this chunk (KilledWorker) or the task was lost
                yield [error_outcome(task.id, task.source, err) for task in chunk]


__all__ = ["LOOPBACK", "PLUGIN_NAME", "DaskRunner", "EnginePlugin", "dask_chunk"]
