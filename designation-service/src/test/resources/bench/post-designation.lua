-- wrk script: POST designations, each with its own source id (a list entry is designated only once)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local counter = 0
local run = tostring(os.time())
local threads = 0

-- each wrk thread has its own Lua state: number them so their source ids never collide
setup = function(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

request = function()
  counter = counter + 1
  local body = string.format([[{"authority":"US-OFAC","programs":["GLOMAG"],"listedOn":"2021-03-22",
    "sourceList":"LOAD-TEST","sourceId":"wrk-%s-%d","measures":[{"type":"ASSET_FREEZE"}],
    "subject":{"type":"PERSON","name":"LOAD, Test %d","aliases":[{"name":"王君正","kind":"AKA","script":"Hani"}],
    "birthDates":["1963-06"],"nationalities":["CN"]}}]], run .. "-" .. tid, counter, counter)
  return wrk.format(nil, "/api/v1/designations", nil, body)
end

