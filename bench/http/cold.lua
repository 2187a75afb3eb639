-- Each request a new address (an unused query parameter counted up), so that no answer is served from the read
-- cache: what a first read costs.
dofile("bench/http/report.lua")
local n = 0
local threads = 0
setup = function(thread)
  thread:set("tid", threads)
  threads = threads + 1
end
request = function()
  n = n + 1
  return wrk.format(nil, wrk.path .. "&fresh=" .. tid .. "-" .. n)
end
