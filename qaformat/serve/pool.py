"""The worker processes that parse and render, each job under a time limit.

The event loop never parses: a job goes to an idle worker process over a pipe, and a thread
waits for the answer so the loop stays free. A worker that runs past the time limit is killed
and replaced (a hostile input costs one worker for at most the limit, never the server); the
other workers go on with their own jobs meanwhile. Workers are started with ``spawn`` so they
hold nothing of the server (no sockets, no threads) and load only qaformat and `jobs`.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import multiprocessing
import signal
from multiprocessing.connection import Connection

from qaformat.serve.jobs import Action, Failure, Job, Output, run

__all__ = ["TimeLimitExceeded", "WorkerPool"]

_STOP = None
_READY = "ready"
_START_SECONDS = 120
_WARM = ("html", "json", "md", "docx")


class TimeLimitExceeded(Exception):
    """A job ran past the pool's time limit; its worker was replaced."""


def _work(connection: Connection) -> None:
    """A worker's loop: take a job, answer its result, until told to stop or the server is gone."""
    # Stopping is the server's call: Ctrl+C or a SIGTERM to the whole process group must not kill
    # a worker under a request that is still being finished.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    # Load the text reader and the in-process renderers now, so no request pays for it (formats
    # that run another program, such as pandoc's, gain nothing from a warm-up).
    for name in _WARM:
        run(Job(Action.CONVERT, b"Q: Why?\nA: Because.\n", to=name))
    connection.send(_READY)
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        if job is _STOP:
            return
        connection.send(run(job))


class _Worker:
    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_work, args=(child,), name="qaformat-worker", daemon=True)
        self.process.start()
        child.close()
        if not self.connection.poll(_START_SECONDS) or self.connection.recv() != _READY:
            self.kill()
            raise RuntimeError("a worker process did not start")

    def exchange(self, job: Job, time_limit: float) -> Output | Failure:
        """Send a job and wait for its result (runs in a thread, not on the event loop)."""
        self.connection.send(job)
        if not self.connection.poll(time_limit):
            raise TimeLimitExceeded
        result: Output | Failure = self.connection.recv()
        return result

    def stop(self, *, wait: float = 2.0) -> None:
        try:
            self.connection.send(_STOP)
        except OSError:
            pass
        self.process.join(wait)
        self.kill()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.connection.close()


class WorkerPool:
    """A fixed number of worker processes; `run` waits for an idle one."""

    def __init__(self, size: int, time_limit: float):
        self.size = size
        self.time_limit = time_limit
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._all: set[_Worker] = set()
        self._replacing: set[asyncio.Future[None]] = set()
        # One thread waits on each busy worker; two more start replacements meanwhile.
        self._threads = concurrent.futures.ThreadPoolExecutor(max_workers=size + 2, thread_name_prefix="qaformat-wait")

    async def start(self) -> None:
        """Start the workers (in threads: starting a process takes a moment)."""
        loop = asyncio.get_running_loop()
        workers = await asyncio.gather(*(loop.run_in_executor(self._threads, _Worker) for _ in range(self.size)))
        for worker in workers:
            self._all.add(worker)
            self._idle.put_nowait(worker)

    async def run(self, job: Job) -> Output | Failure:
        """Run a job in a worker.

        Raises:
            TimeLimitExceeded: the job ran past the time limit.
        """
        worker = await self._idle.get()
        # Shielded: if the client goes away, the worker still finishes (or is replaced) and
        # goes back to the idle queue instead of being lost.
        return await asyncio.shield(asyncio.ensure_future(self._exchange(worker, job)))

    async def _exchange(self, worker: _Worker, job: Job) -> Output | Failure:
        loop = asyncio.get_running_loop()
        try:
            result = await loop.run_in_executor(self._threads, worker.exchange, job, self.time_limit)
        except TimeLimitExceeded:
            self._replace_later(worker)  # the answer goes now; a fresh worker joins when it is up
            raise
        except (EOFError, OSError):  # the worker died under the job (killed, out of memory)
            self._replace_later(worker)
            return Failure(500, "internal-error", "the conversion stopped unexpectedly", "the conversion stopped unexpectedly")
        self._idle.put_nowait(worker)
        return result

    def _replace_later(self, worker: _Worker) -> None:
        task = asyncio.ensure_future(self._replace(worker))
        self._replacing.add(task)
        task.add_done_callback(self._replacing.discard)

    async def _replace(self, worker: _Worker) -> None:
        loop = asyncio.get_running_loop()
        self._all.discard(worker)
        await loop.run_in_executor(self._threads, worker.kill)
        fresh = await loop.run_in_executor(self._threads, _Worker)
        self._all.add(fresh)
        self._idle.put_nowait(fresh)

    async def close(self) -> None:
        """Stop every worker (after the requests in flight: the server waits for those first)."""
        loop = asyncio.get_running_loop()
        await asyncio.gather(*self._replacing, return_exceptions=True)
        await asyncio.gather(*(loop.run_in_executor(self._threads, w.stop) for w in list(self._all)))
        self._all.clear()
        self._threads.shutdown(wait=False)
