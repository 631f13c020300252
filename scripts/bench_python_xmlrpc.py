#!/usr/bin/env python3
"""Decode the payloads closer-bench wrote with Python's own parsers, for comparison.

closer-bench codec runs this itself on the bytes it just decoded and prints the ratio; by hand:
    python3 scripts/bench_python_xmlrpc.py [runs]      (after closer-bench codec)
Each line: NAME<TAB>median seconds<TAB>records, then the human-readable figure.
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
    print(f"{name}\t{median:.6f}\t{records}\t{len(body) / 1e6:.1f} MB in {median * 1000:.1f} ms (median of {RUNS}) = "
          f"{len(body) / 1e6 / median:.1f} MB/s, {records / median:.0f} records/s", flush=True)


bench("xmlrpc", "/tmp/closer-bench-lines.xml", lambda body: xmlrpc.client.loads(body)[0][0], len)
bench("json", "/tmp/closer-bench-lines.json", lambda body: json.loads(body)["result"], len)
