"""Counts the HTTP requests in a schemathesis NDJSON report (every recorded interaction).

    python3 count_requests.py REPORT.ndjson [--by-status]

Prints the total; with --by-status, also each operation's count per response status.
"""

import collections
import json
import sys


def interactions(path):
    with open(path, encoding="utf-8") as report:
        for line in report:
            event = json.loads(line)
            finished = event.get("ScenarioFinished") if isinstance(event, dict) else None
            if not finished:
                continue
            recorder = finished.get("recorder") or {}
            yield from (recorder.get("interactions") or {}).values()


def main():
    path = sys.argv[1]
    by_status = collections.Counter()
    total = 0
    for interaction in interactions(path):
        total += 1
        request = interaction.get("request") or {}
        response = interaction.get("response") or {}
        path_only = request.get("uri", "").split("/", 3)[-1].split("?")[0]
        by_status[(request.get("method"), "/" + path_only, response.get("status_code"))] += 1
    if "--by-status" in sys.argv[2:]:
        for (method, uri, status), count in sorted(by_status.items(), key=str):
            print(f"{count:6} {status} {method} {uri}", file=sys.stderr)
    print(total)


if __name__ == "__main__":
    main()
