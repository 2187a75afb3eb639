-- Replaces items of the write pool (PUT /api/action-items/{id} with If-Match), each item in one request at a time:
-- a thread takes a free item, and the answer (its id and new ETag) frees it again at its new version.
dofile("bench/http/report.lua")
local threads = 0
setup = function(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

local free = {}
local n = 0
init = function(args)
  local count = tonumber(os.getenv("WRK_THREADS"))
  local i = 0
  for line in io.lines(os.getenv("POOL_FILE")) do
    local id, version = string.match(line, "^(%S+) (%d+)$")
    if id and i % count == tid then table.insert(free, { id = id, version = tonumber(version) }) end
    i = i + 1
  end
end

request = function()
  local item = table.remove(free)
  if item == nil then
    -- Every item of this thread is in flight or was lost to an error: ask for nothing that writes.
    return wrk.format("GET", "/health/live")
  end
  n = n + 1
  local body = string.format('{"jointBodyId":"%s","trackId":"%s","title":{"ar":"بند للكتابة، المراجعة %d","en":"Write pool item, revision %d"},"dueOn":"2027-01-01","status":"not-started","visibility":"joint","ownerInstitutionIds":[]}',
    os.getenv("BODY_ID"), os.getenv("TRACK_ID"), n, n)
  local headers = headers_with({ ["Content-Type"] = "application/json", ["If-Match"] = '"' .. item.version .. '"' })
  return wrk.format("PUT", "/api/action-items/" .. item.id, headers, body)
end

response = function(status, headers, body)
  if status ~= 200 then return end
  local id = string.match(body, '"id":"([0-9a-f%-]+)"')
  local version = tonumber(string.match(headers["ETag"] or headers["etag"] or "", '"(%d+)"'))
  if id and version then table.insert(free, { id = id, version = version }) end
end
