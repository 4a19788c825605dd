-- wrk script: POST /api/v1/screenings with the names of the labelled dev queries, round robin
-- (the Authorization header comes from scripts/bench: wrk -H "Authorization: Bearer …", kept by wrk.format)
local names = {}
for line in io.lines("names.txt") do
  names[#names + 1] = line
end
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local function escape(s)
  return (s:gsub('\\', '\\\\'):gsub('"', '\\"'))
end

request = function()
  i = i % #names + 1
  return wrk.format(nil, "/api/v1/screenings", nil, '{"name":"' .. escape(names[i]) .. '"}')
end

response = function(status)
  if status ~= 200 then
    io.stderr:write("HTTP " .. status .. "\n")
  end
end
