#!/usr/bin/env python3
"""Compares two scrapes of kioku serve's /metrics: how long the lookups between them
spent inside the server (queueing excluded), and the slowest lookup so far.

    service_times.py BEFORE.prom AFTER.prom
"""
import re, sys

def scrape(path):
    buckets, slowest = {}, 0.0
    for line in open(path, encoding="utf-8"):
        match = re.match(r'kioku_lookup_service_seconds_bucket\{le="([^"]+)"\} (\d+)', line)
        if match:
            buckets[match.group(1)] = int(match.group(2))
        elif line.startswith("kioku_lookup_slowest_seconds "):
            slowest = float(line.split()[1])
    return buckets, slowest

before, _ = scrape(sys.argv[1])
after, slowest = scrape(sys.argv[2])
total = after["+Inf"] - before.get("+Inf", 0)
shares = []
for bound in after:
    if bound == "+Inf":
        continue
    within = after[bound] - before.get(bound, 0)
    shares.append(f"≤{float(bound) * 1000:g} ms {100 * within / max(total, 1):.2f}%")
print(f"service time of these {total} lookups (in the server, queueing excluded): " + ", ".join(shares))
print(f"slowest lookup since the server started: {slowest * 1000:.1f} ms")
