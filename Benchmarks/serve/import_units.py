#!/usr/bin/env python3
"""Posts a TSV of source<TAB>target pairs to `kioku serve` (POST /api/units) in batches,
as a CAT tool or a sync job would, and reports what the server acknowledged.

    import_units.py URL TOKEN FILE.tsv --src en --tgt ru [--batch 1000]
"""
import argparse, http.client, json, sys, time, urllib.parse

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url"); parser.add_argument("token"); parser.add_argument("tsv")
    parser.add_argument("--src", default="en"); parser.add_argument("--tgt", default="ru")
    parser.add_argument("--batch", type=int, default=1000)
    args = parser.parse_args()
    address = urllib.parse.urlparse(args.url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
    headers = {"Authorization": "Bearer " + args.token, "Content-Type": "application/json"}
    pairs = []
    with open(args.tsv, encoding="utf-8") as lines:
        for line in lines:
            source, _, target = line.rstrip("\n").partition("\t")
            if source.strip() and target.strip():
                pairs.append({args.src: source, args.tgt: target})
    acknowledged, failures, latencies = 0, 0, []
    started = time.monotonic()
    for start in range(0, len(pairs), args.batch):
        batch = pairs[start:start + args.batch]
        sent = time.monotonic()
        connection.request("POST", "/api/units", body=json.dumps({"units": batch, "source": args.src}), headers=headers)
        response = connection.getresponse()
        body = response.read()
        latencies.append(time.monotonic() - sent)
        if response.status == 201:
            report = json.loads(body)
            acknowledged += report["added"] + report["duplicates"]
        else:
            failures += 1
            print(f"batch at line {start + 1}: HTTP {response.status} {body[:200]!r}", file=sys.stderr)
    elapsed = time.monotonic() - started
    latencies.sort()
    print(f"import: {acknowledged} of {len(pairs)} units acknowledged in {elapsed:.1f} s = {acknowledged / elapsed:.0f} units/s, "
          f"{len(latencies)} batches of {args.batch}, failed batches {failures}, "
          f"batch latency p50 {latencies[len(latencies) // 2] * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms")
    sys.exit(1 if failures or acknowledged != len(pairs) else 0)

main()
