-- wrk reporter: one machine-readable line with throughput, latency percentiles (ms) and errors.
-- Optional request bodies, sent as POST with CONTENT_TYPE (default application/json):
--   BODY_FILE=path     one body, sent with every request;
--   BODIES_FILE=path   one body per line, sent in turn (each thread starts at a different line).
local content_type = os.getenv("CONTENT_TYPE") or "application/json"
local body_file = os.getenv("BODY_FILE")
local bodies_file = os.getenv("BODIES_FILE")
-- AUTH_HEADER=value: sent as Authorization with every request (bench/auth.sh).
local auth_header = os.getenv("AUTH_HEADER")
if auth_header == "" then auth_header = nil end
if auth_header then wrk.headers["Authorization"] = auth_header end

-- COMPACT_JSON=1: BODY_FILE's JSON is sent without the whitespace between its tokens, as HTTP clients serialise JSON
-- (the examples under openapi/ are indented for people); strings, numbers and everything else are left as written.
local function compact_json(text)
  local out, in_string, escaped = {}, false, false
  for i = 1, #text do
    local c = text:sub(i, i)
    if in_string then
      out[#out + 1] = c
      if escaped then escaped = false
      elseif c == "\\" then escaped = true
      elseif c == '"' then in_string = false end
    elseif c == '"' then
      in_string = true
      out[#out + 1] = c
    elseif not c:match("^[ \t\r\n]$") then
      out[#out + 1] = c
    end
  end
  return table.concat(out)
end

if body_file and body_file ~= "" then
  local f = assert(io.open(body_file, "rb"))
  wrk.method = "POST"
  wrk.body = f:read("*a")
  f:close()
  if os.getenv("COMPACT_JSON") == "1" then wrk.body = compact_json(wrk.body) end
  wrk.headers["Content-Type"] = content_type
  wrk.headers["Accept"] = "application/json"
end

local requests, next_request = nil, 1
local threads_set_up = 0

-- Runs in the main state; thread:set makes "thread_number" a global of that thread's state.
setup = function(thread)
  thread:set("thread_number", threads_set_up)
  threads_set_up = threads_set_up + 1
end

if bodies_file and bodies_file ~= "" then
  init = function(args)
    -- Every request is formatted once, here; request() only hands them out.
    requests = {}
    local headers = { ["Content-Type"] = content_type, ["Accept"] = "application/json" }
    if auth_header then headers["Authorization"] = auth_header end
    for line in io.lines(bodies_file) do
      if line ~= "" then
        requests[#requests + 1] = wrk.format("POST", nil, headers, line)
      end
    end
    assert(#requests > 0, "no bodies in " .. bodies_file)
    next_request = ((thread_number or 0) * 97) % #requests + 1
  end
  request = function()
    local r = requests[next_request]
    next_request = next_request % #requests + 1
    return r
  end
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f " ..
    "err_connect=%d err_read=%d err_write=%d err_status=%d err_timeout=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.connect, e.read, e.write, e.status, e.timeout))
end
