-- wrk script: the token step of the authorization code flow through Authlete's API, POST /api/{serviceId}/auth/token
-- with grant_type=authorization_code, the PKCE verifier and the redirect_uri, one pre-minted code per request
-- (codes are single use). Each wrk thread takes every n-th line of the codes file. When a thread runs out of codes
-- it sends the last one again (an invalid_grant, counted as exhausted): make the pool bigger than the run.
-- Env: CODES (file, one code per line), THREADS (wrk's -t), CLIENT_ID, CLIENT_SECRET, API_TOKEN, REDIRECT_URI,
-- VERIFIER, CHECK=1 (prints the first refused answers). rps counts every answer; tokens = requests - refused.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("index", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local function encode(value)
  return (value:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local codes = {}
local position = 0
exhausted = 0

function init(args)
  -- setup() runs for each thread just before its init(), so the thread count comes from the environment
  local total = tonumber(os.getenv("THREADS"))
  local n = 0
  for line in io.lines(os.getenv("CODES")) do
    if line ~= "" then
      if n % total == index then table.insert(codes, line) end
      n = n + 1
    end
  end
end

local prefix = '{"clientId":"' .. os.getenv("CLIENT_ID") .. '","clientSecret":"' .. os.getenv("CLIENT_SECRET")
  .. '","parameters":"grant_type=authorization_code&redirect_uri=' .. encode(os.getenv("REDIRECT_URI"))
  .. '&code_verifier=' .. os.getenv("VERIFIER") .. '&code='
local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("API_TOKEN") }

function request()
  position = position + 1
  if position > #codes then
    exhausted = exhausted + 1
    position = #codes
  end
  return wrk.format("POST", nil, headers, prefix .. encode(codes[position]) .. '"}')
end

-- Authlete's API answers a refused code with HTTP 200 and action BAD_REQUEST, so wrk's non-2xx count misses it:
-- every answer without action OK and an ID token is counted here (refused) and subtracted from the tokens.
failed = 0
local check = os.getenv("CHECK") == "1"
response = function(status, headers, body)
  if status ~= 200 or not body:find('"action":"OK"', 1, true) or not body:find('"idToken":"', 1, true) then
    failed = failed + 1
    if check and failed <= 3 then io.stderr:write("unexpected: " .. status .. " " .. body:sub(1, 300) .. "\n") end
  end
end

done = function(summary, latency, requests)
  local out, refused = 0, 0
  for _, thread in ipairs(threads) do
    out = out + (thread:get("exhausted") or 0)
    refused = refused + (thread:get("failed") or 0)
  end
  io.write(string.format("RESULT requests=%d duration_s=%.2f rps=%.1f non2xx_or_3xx=%d refused=%d exhausted=%d errors_connect=%d read=%d write=%d timeout=%d p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    summary.errors.status, refused, out, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
