#!/usr/bin/env python3
"""Decode the payloads rpc-bench wrote with Python's own parsers, for comparison.

Usage: python3 scripts/bench_python_xmlrpc.py [runs]   (run rpc-bench first)
"""
import json
import statistics
import sys
import time
import xmlrpc.client

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 5


def bench(name, path, decode, count):
    with open(path, "rb") as handle:
        body = handle.read()
    times = []
    records = 0
    for _ in range(RUNS):
        start = time.perf_counter()
        value = decode(body)
        times.append(time.perf_counter() - start)
        records = count(value)
    median = statistics.median(times)
    print(f"{name}: {len(body) / 1e6:.1f} MB in {median * 1000:.1f} ms (median of {RUNS}) = "
          f"{len(body) / 1e6 / median:.1f} MB/s, {records / median:.0f} records/s")


bench("Python xmlrpc.client.loads", "/tmp/closer-bench-lines.xml",
      lambda body: xmlrpc.client.loads(body)[0][0], len)
bench("Python json.loads", "/tmp/closer-bench-lines.json",
      lambda body: json.loads(body)["result"], len)
