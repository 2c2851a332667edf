-- wrk script: tmserver lookups, cycling through gen_corpus.py's queries.
--   KIOKU_QUERIES=file.queries.tsv KIOKU_PAIR=en/ru wrk -s lookups.lua http://127.0.0.1:PORT
local paths = {}
local next_path = 0

local function escape(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  local pair = os.getenv("KIOKU_PAIR") or "en/ru"
  for line in io.lines(os.getenv("KIOKU_QUERIES")) do
    local query = line:match("^([^\t]+)")
    if query then paths[#paths + 1] = "/tmserver/" .. pair .. "/unit/" .. escape(query) end
  end
  next_path = math.random(#paths)
end

function request()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("lookups: %d in %.1f s = %.0f/s\n", summary.requests, seconds, summary.requests / seconds))
  io.write(string.format("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000))
  local e = summary.errors
  io.write(string.format("failed: %d (connect %d, read %d, write %d, non-2xx %d, timeout %d)\n",
    e.connect + e.read + e.write + e.status + e.timeout, e.connect, e.read, e.write, e.status, e.timeout))
end
