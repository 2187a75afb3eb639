-- Each request a new question that has the same answer: a due-before day counted up from 2100 (every generated item is
-- due before it), so that neither the API's read cache nor the data kept for pages (ADR 0013) serves it: what a list
-- costs the first time it is asked for.
dofile("bench/http/report.lua")
local n = 0
local threads = 0
setup = function(thread)
  thread:set("tid", threads)
  threads = threads + 1
end
request = function()
  n = n + 1
  local day = os.date("!%Y-%m-%d", 4102444800 + (n * 2 + tid) * 86400)
  return wrk.format(nil, wrk.path .. "&dueBefore=" .. day)
end
