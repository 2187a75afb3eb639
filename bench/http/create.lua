-- Creates joint action items in the benchmark's first body (POST /api/action-items), each with its own title.
dofile("bench/http/report.lua")
local n = 0
request = function()
  n = n + 1
  local body = string.format('{"jointBodyId":"%s","trackId":"%s","title":{"ar":"بند جديد %d","en":"New item %d"},"dueOn":"2027-03-01","status":"not-started","visibility":"joint"}',
    os.getenv("BODY_ID"), os.getenv("TRACK_ID"), n, n)
  return wrk.format("POST", "/api/action-items", headers_with({ ["Content-Type"] = "application/json" }), body)
end
