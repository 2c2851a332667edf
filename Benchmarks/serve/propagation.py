#!/usr/bin/env python3
"""How long a unit written through one replica takes to be answered by another (issue 12: within
1 s). Each round adds a new unit through one URL (POST /api/units, acknowledged after its commit),
then asks the other URL for its source every 10 ms until a match has its exact target; the writer
alternates. Prints the delays' median, 90th percentile and maximum, and exits 1 when a unit was not
answered within the timeout.

    propagation.py --token TOKEN [--rounds 40] [--timeout 10] URL1 URL2
"""
import argparse, http.client, json, statistics, sys, time, urllib.parse

def connect(url):
    address = urllib.parse.urlparse(url)
    return http.client.HTTPConnection(address.hostname, address.port, timeout=30)

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("urls", nargs=2)
    parser.add_argument("--token", required=True)
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--timeout", type=float, default=10.0)
    args = parser.parse_args()
    connections = [connect(url) for url in args.urls]
    headers = {"Authorization": "Bearer " + args.token, "Content-Type": "application/json"}
    delays, lost = [], 0
    stamp = int(time.time())
    for number in range(args.rounds):
        writer, reader = connections[number % 2], connections[1 - number % 2]
        source = f"Propagation check {stamp} number {number} reached the other replica."
        target = f"Проверка распространения {stamp} номер {number} дошла до другой реплики."
        writer.request("POST", "/api/units", json.dumps({"units": [{"en": source, "ru": target}]}), headers)
        answer = writer.getresponse()
        answer.read()
        if answer.status != 201:
            sys.exit(f"propagation: POST /api/units answered {answer.status}")
        written = time.monotonic()
        path = "/tmserver/en/ru/unit/" + urllib.parse.quote(source, safe="") + "?min_similarity=100"
        while True:
            reader.request("GET", path)
            matches = json.loads(reader.getresponse().read())
            if any(match["target"] == target for match in matches):
                delays.append(time.monotonic() - written)
                break
            if time.monotonic() - written > args.timeout:
                lost += 1
                break
            time.sleep(0.01)
    delays.sort()
    if delays:
        p90 = delays[min(len(delays) - 1, int(0.9 * len(delays)))]
        print(f"written through one replica, answered by the other: {len(delays)} of {args.rounds} units; "
              f"median {statistics.median(delays):.3f} s, p90 {p90:.3f} s, max {delays[-1]:.3f} s")
    if lost:
        print(f"{lost} units not answered by the other replica within {args.timeout:.0f} s")
    sys.exit(1 if lost else 0)

main()
