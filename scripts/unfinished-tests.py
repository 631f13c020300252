#!/usr/bin/env python3
"""Names the tests and suites a `swift test` log shows started but never ended: what a hung run was doing.

    python3 scripts/unfinished-tests.py /tmp/closer-ci-test.log
"""
import re
import sys

STARTED = re.compile(r"^◇ (Test|Suite) (.+) started\.$")
ENDED = re.compile(r"^[✔✘↷] (Test|Suite) (.+?) (?:with \d+ test cases? )?(?:passed|failed|skipped)")


def unfinished(lines):
    started, ended = {}, set()
    for line in lines:
        if line.startswith(("◇ Test case", "✔ Test case", "✘ Test case")):
            continue
        if match := STARTED.match(line):
            started.setdefault(match.group(2), match.group(1))
        elif match := ENDED.match(line):
            ended.add(match.group(2))
    return [f"{kind} {name}" for name, kind in started.items() if name not in ended and name != "run"]


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8", errors="replace") as log:
        names = unfinished(line.rstrip("\n") for line in log)
    print("started but never ended:" if names else "every test that started also ended.")
    for name in names:
        print(f"  {name}")
