-- Printed once at the end of a wrk run, read by bench/http/run:
-- RESULT requests seconds p50_ms p99_ms socket_errors non_2xx_3xx
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %.3f %.3f %.3f %d %d\n",
    summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.timeout, e.status))
end

-- The headers given on wrk's command line (the token), with those of one request added.
headers_with = function(extra)
  local headers = {}
  for k, v in pairs(wrk.headers) do headers[k] = v end
  for k, v in pairs(extra) do headers[k] = v end
  return headers
end
