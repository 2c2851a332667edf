#!/usr/bin/env python3
"""PostgreSQL's own fuzzy search on a gen_corpus.py corpus, as Weblate's translation memory does
it: the sources in a table with a GIN trigram index (pg_trgm), each query answered by
`source % query` (similarity above pg_trgm.similarity_threshold) ordered by similarity().

    trigram.py URL CORPUS.tsv QUERIES.tsv [--threshold 0.5] [--limit 5] [--load]

--load (re)creates the table `trgm_tm` and its index from CORPUS (timed). Prints the same figures
as `kioku-bench lookup`: mean, p50, p90, p99, max per query (client side, one connection, on
loopback), and how often a derived query (<= 2 edits) has its origin line (or identical text) first.
"""
import argparse
import statistics
import time

import psycopg2


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("corpus")
    parser.add_argument("queries")
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--limit", type=int, default=5)
    parser.add_argument("--load", action="store_true")
    args = parser.parse_args()
    connection = psycopg2.connect(args.url)
    connection.autocommit = True
    cursor = connection.cursor()
    if args.load:
        started = time.time()
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        cursor.execute("DROP TABLE IF EXISTS trgm_tm")
        cursor.execute("CREATE TABLE trgm_tm(line int PRIMARY KEY, source text NOT NULL, target text NOT NULL)")
        with open(args.corpus, encoding="utf-8") as corpus:
            rows = ("%d\t%s" % (number, line.rstrip("\n")) for number, line in enumerate(corpus, start=1))
            cursor.copy_expert("COPY trgm_tm(line, source, target) FROM STDIN WITH (FORMAT text)",
                               _Lines(rows))
        loaded = time.time()
        cursor.execute("CREATE INDEX trgm_tm_source ON trgm_tm USING gin (source gin_trgm_ops)")
        cursor.execute("ANALYZE trgm_tm")
        indexed = time.time()
        cursor.execute("SELECT pg_total_relation_size('trgm_tm')")
        size = cursor.fetchone()[0]
        print("pg_trgm load: %.1f s to copy, %.1f s to build the GIN index; table with index %.0f MB"
              % (loaded - started, indexed - loaded, size / 1048576))
    lines = {}
    queries = []
    with open(args.queries, encoding="utf-8") as file:
        for row in file:
            fields = row.rstrip("\n").split("\t")
            queries.append((fields[0], int(fields[1]) if len(fields) > 1 else -1, int(fields[2]) if len(fields) > 2 else -1))
    wanted = {line for _, line, _ in queries if line > 0}
    with open(args.corpus, encoding="utf-8") as corpus:
        for number, row in enumerate(corpus, start=1):
            if number in wanted:
                lines[number] = row.split("\t")[0]
    cursor.execute("SET pg_trgm.similarity_threshold = %s", (args.threshold,))
    sql = ("SELECT line, source, similarity(source, %s) AS score FROM trgm_tm WHERE source %% %s "
           "ORDER BY score DESC, line LIMIT %s")
    cursor.execute(sql, (queries[0][0], queries[0][0], args.limit))
    cursor.fetchall()
    latencies = []
    derived = first = 0
    for text, line, edits in queries:
        started = time.perf_counter()
        cursor.execute(sql, (text, text, args.limit))
        found = cursor.fetchall()
        latencies.append((time.perf_counter() - started) * 1000)
        if line > 0 and 0 <= edits <= 2:
            derived += 1
            if found and (found[0][0] == line or found[0][1] == lines.get(line)):
                first += 1
    latencies.sort()

    def percentile(p):
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))]

    print("pg_trgm similarity >= %.2f, limit %d: %d queries; mean %.3f ms, p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms"
          % (args.threshold, args.limit, len(queries), statistics.mean(latencies), percentile(0.5), percentile(0.9),
             percentile(0.99), latencies[-1]))
    if derived:
        print("  quality: %d of %d derived queries with <= 2 edits have their source line (or identical text) first = %.1f%%"
              % (first, derived, 100.0 * first / derived))


class _Lines:
    """A file-like object over an iterator of text lines, for COPY."""

    def __init__(self, rows):
        self.rows = rows
        self.buffer = ""

    def read(self, size=-1):
        while size < 0 or len(self.buffer) < size:
            try:
                self.buffer += next(self.rows).replace("\\", "\\\\") + "\n"
            except StopIteration:
                break
        if size < 0:
            size = len(self.buffer)
        chunk, self.buffer = self.buffer[:size], self.buffer[size:]
        return chunk

    def readline(self, size=-1):
        return self.read(size)


if __name__ == "__main__":
    main()
