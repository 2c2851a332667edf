#!/usr/bin/env python3
"""Checks that units a client imported are answered by each server: a random sample of the
TSV's pairs is looked up on every URL (tmserver route), and a pair counts as visible when a
match has its exact source and target.

    visible.py TSV --src en --tgt ru --sample 500 URL [URL ...]
"""
import argparse, http.client, json, random, sys, urllib.parse

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("tsv"); parser.add_argument("urls", nargs="+")
    parser.add_argument("--src", default="en"); parser.add_argument("--tgt", default="ru")
    parser.add_argument("--sample", type=int, default=500)
    args = parser.parse_args()
    with open(args.tsv, encoding="utf-8") as lines:
        pairs = [tuple(line.rstrip("\n").split("\t")[:2]) for line in lines if "\t" in line]
    random.seed(17)
    sample = random.sample(pairs, min(args.sample, len(pairs)))
    missing = 0
    for url in args.urls:
        address = urllib.parse.urlparse(url)
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
        found = 0
        for source, target in sample:
            # up to 100 candidates: a synthetic corpus repeats a source with other targets
            connection.request("GET", f"/tmserver/{args.src}/{args.tgt}/unit/" + urllib.parse.quote(source, safe="") + "?max_candidates=100&min_similarity=100")
            answer = json.loads(connection.getresponse().read())
            if any(match["source"] == source and match["target"] == target for match in answer):
                found += 1
        missing += len(sample) - found
        print(f"visible through {url}: {found} of {len(sample)} sampled imported units")
    sys.exit(1 if missing else 0)

main()
