-- wrk script: Authlete-style API call POST /api/{serviceId}/auth/token with a JSON TokenRequest, as an
-- authorization server front-end would forward a client_credentials request (Basic credentials passed on).
-- Env: CLIENT_ID, CLIENT_SECRET, API_TOKEN (the service's apiSecret or the admin token).
local id = os.getenv("CLIENT_ID")
local secret = os.getenv("CLIENT_SECRET")
local token = os.getenv("API_TOKEN")

wrk.method = "POST"
wrk.body = '{"parameters":"grant_type=client_credentials","clientId":"' .. id .. '","clientSecret":"' .. secret .. '"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token

if os.getenv("CHECK") == "1" then
  local seen = 0
  response = function(status, headers, body)
    if status ~= 200 or not body:find('"action":"OK"', 1, true) then
      seen = seen + 1
      if seen <= 3 then io.stderr:write("unexpected: " .. status .. " " .. body:sub(1, 300) .. "\n") end
    end
  end
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_s=%.2f rps=%.1f non2xx_or_3xx=%d errors_connect=%d read=%d write=%d timeout=%d p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
