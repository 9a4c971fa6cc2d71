"""The worker pool and the jobs it runs, below the HTTP layer: a bug or a dead worker is a 500
in one line, never a traceback, and the pool goes on."""

from __future__ import annotations

import asyncio
import json

from qaformat.serve.jobs import Action, Failure, Job, Output, run
from qaformat.serve.pool import WorkerPool

SMALL = b"Q: Why?\nA: Because.\n"
BIG = ("Emily Carter: How did the harbour change over the years?\n\n"
       "Dr. Alexander Petrov: A great deal. [laughs] The budget went up by 3.5 percent.\n\n" * 20_000).encode()


def test_a_bug_in_a_job_is_a_one_line_500():
    stored = run(Job(Action.PARSE, SMALL))
    assert isinstance(stored, Output)
    # A render value no query can produce (queries check labels first) reaches the renderer's
    # option record and fails there: the way an unforeseen bug would.
    result = run(Job(Action.RENDER, stored.content, render_values=(("labels", "loud"),)))
    assert isinstance(result, Failure) and result.status == 500 and result.code == "internal-error"
    assert result.detail.startswith("internal error (please report it): ValueError") and "\n" not in result.detail


def test_check_job_lists_diagnostics_like_the_cli():
    result = run(Job(Action.CHECK, SMALL, filename="talk.txt"))
    assert isinstance(result, Output) and result.media_type == "application/json"
    assert all(entry["file"] == "talk.txt" for entry in json.loads(result.content))


def test_a_worker_that_dies_under_a_job_is_a_500_and_is_replaced():
    async def scenario() -> tuple[Output | Failure, Output | Failure]:
        pool = WorkerPool(1, time_limit=60)
        await pool.start()
        try:
            running = asyncio.ensure_future(pool.run(Job(Action.CONVERT, BIG)))
            await asyncio.sleep(0.5)  # the worker is parsing
            (worker,) = pool._all
            worker.process.kill()
            died = await running
            after = await pool.run(Job(Action.CONVERT, SMALL, to="md"))
            return died, after
        finally:
            await pool.close()

    died, after = asyncio.run(scenario())
    assert isinstance(died, Failure) and died.status == 500 and died.detail == "the conversion stopped unexpectedly"
    assert isinstance(after, Output) and after.content.startswith(b"**Q:**")
