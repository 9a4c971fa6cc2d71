"""Load run against a real ``qaformat serve``: many conversions at once, one hostile input among them.

    python benchmarks/serve_load.py                              # 1,000 conversions, 16 at a time
    python benchmarks/serve_load.py --requests 60 --concurrency 4   # the CI smoke run

It starts ``qaformat serve`` on 127.0.0.1, sends a one-hour interview (about 9,000 words with
timestamps, from generate.py) to ``POST /v1/convert?to=html`` from N threads, and checks every
answer against what the library renders in this process. Halfway through it sends a hostile
input: a transcript big enough to run far past the server's time limit. That request must come
back 503 at about the limit, and no request in flight meanwhile may take longer than the limit
(the hostile input costs one worker, never the server). It prints throughput and p50/p95/p99
latency, and exits non-zero if any answer was wrong or the hostile input held the others up.
Numbers are for comparison within one run on one machine.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate

import qaformat

ONE_HOUR = 55_000  # bytes: about 9,000 words, an hour of talk
HOSTILE_TURN = ("Emily Carter: How did the harbour change over the years?\n\n"
                "Dr. Alexander Petrov: A great deal. [laughs] The budget went up by 3.5 percent.\n\n")


def start(workers: int, time_limit: float, log: Path) -> tuple[subprocess.Popen[bytes], str, int]:
    handle = open(log, "wb")
    server = subprocess.Popen([sys.executable, "-m", "qaformat", "serve", "--port", "0", "--workers", str(workers),
                               "--time-limit", str(time_limit)], stdout=handle, stderr=subprocess.STDOUT)
    handle.close()
    for _ in range(1200):
        found = re.search(r"serving on http://([\d.]+):(\d+)/", log.read_text(errors="replace"))
        if found:
            return server, found.group(1), int(found.group(2))
        if server.poll() is not None:
            break
        time.sleep(0.1)
    server.kill()
    raise SystemExit(f"qaformat serve did not start: {log.read_text(errors='replace')}")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--time-limit", type=float, default=5.0)
    parser.add_argument("--hostile-bytes", type=int, default=16_000_000)
    args = parser.parse_args()

    text, _ = generate(ONE_HOUR)
    body = text.encode("utf-8")
    expected = qaformat.render(qaformat.parse(body), "html")
    expected_bytes = str(expected).encode("utf-8")
    hostile = (HOSTILE_TURN * (args.hostile_bytes // len(HOSTILE_TURN))).encode("utf-8")
    turns = sum(1 for _ in qaformat.parse(body).turns())
    print(f"input: {len(body):,} bytes, {len(text.split()):,} words, {turns} turns; hostile input {len(hostile):,} bytes")

    with tempfile.TemporaryDirectory() as folder:
        server, host, port = start(args.workers, args.time_limit, Path(folder) / "server.log")
        try:
            return run(args, host, port, body, expected_bytes, hostile)
        finally:
            server.terminate()
            server.wait(60)


def run(args: argparse.Namespace, host: str, port: int, body: bytes, expected: bytes, hostile: bytes) -> int:
    lock = threading.Lock()
    next_index = [0]
    done: list[tuple[float, float, int, bool]] = []  # (start, end, status, correct)
    hostile_result: dict[str, float | int] = {}
    halfway = threading.Event()

    def post(connection: http.client.HTTPConnection, data: bytes) -> tuple[int, bytes]:
        connection.request("POST", "/v1/convert?to=html&filename=interview.txt", body=data,
                           headers={"Content-Type": "text/plain"})
        answer = connection.getresponse()
        return answer.status, answer.read()

    def client() -> None:
        connection = http.client.HTTPConnection(host, port, timeout=300)
        while True:
            with lock:
                index = next_index[0]
                if index >= args.requests:
                    break
                next_index[0] += 1
            if index == args.requests // 2:
                halfway.set()
            started = time.perf_counter()
            status, content = post(connection, body)
            with lock:
                done.append((started, time.perf_counter(), status, status == 200 and content == expected))
        connection.close()

    def attacker() -> None:
        halfway.wait()
        connection = http.client.HTTPConnection(host, port, timeout=300)
        started = time.perf_counter()
        status, _ = post(connection, hostile)
        hostile_result.update(start=started, end=time.perf_counter(), status=status)
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(args.concurrency)]
    threads.append(threading.Thread(target=attacker))
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began

    latencies = [end - start for start, end, _, _ in done]
    wrong = sum(1 for *_, correct in done if not correct)
    h_start, h_end = float(hostile_result["start"]), float(hostile_result["end"])
    during = [end - start for start, end, _, _ in done if start < h_end and end > h_start]
    print(f"{len(done)} conversions at {args.concurrency} at a time on {args.workers} workers in {elapsed:.1f} s: "
          f"{len(done) / elapsed:.1f} conversions/s")
    print(f"latency p50 {percentile(latencies, 0.50) * 1000:.0f} ms, p95 {percentile(latencies, 0.95) * 1000:.0f} ms, "
          f"p99 {percentile(latencies, 0.99) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms")
    print(f"correct answers: {len(done) - wrong} of {len(done)}")
    print(f"hostile input: status {hostile_result['status']} after {h_end - h_start:.2f} s (time limit {args.time_limit:g} s);"
          f" {len(during)} conversions overlapped it, the slowest took {max(during, default=0) * 1000:.0f} ms")
    failures = []
    if wrong:
        failures.append(f"{wrong} answers were wrong")
    if hostile_result["status"] != 503:
        failures.append(f"the hostile input got {hostile_result['status']}, not 503")
    if during and max(during) >= args.time_limit:
        failures.append("a conversion next to the hostile input took longer than the time limit")
    for failure in failures:
        print(f"FAILED: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
