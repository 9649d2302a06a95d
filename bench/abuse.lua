-- wrk script: the attackers of bench/abuse.sh. Counts the answers by HTTP status over all threads and prints them
-- as one ANSWERS line (plus wrk's socket errors: a timeout is an attempt that got no answer in time).
-- Env: MODE, one of
--   password    grant_type=password with a wrong password, as the public client PUBLIC_ID (no client secret), for
--               USERNAME and for other usernames in turn (the per-user and the per-client throttles both engage)
--   long-id-as  grant_type=client_credentials at /as with a client_id of 1 to 64 KiB (a different size and value
--               each request)
--   long-id-api the same through POST /api/{serviceId}/auth/token (JSON, API_TOKEN as Bearer)
--   cc          client_credentials with HTTP Basic CLIENT_ID:CLIENT_SECRET (a tenant flooding issuance)
local mode = os.getenv("MODE") or "cc"
local threads = {}
local next_thread = 0

function setup(thread)
  next_thread = next_thread + 1
  thread:set("thread_number", next_thread)
  table.insert(threads, thread)
end

local b64chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
local function b64(data)
  return ((data:gsub('.', function(x)
    local r, b = '', x:byte()
    for i = 8, 1, -1 do r = r .. (b % 2 ^ i - b % 2 ^ (i - 1) > 0 and '1' or '0') end
    return r
  end) .. '0000'):gsub('%d%d%d?%d?%d?%d?', function(x)
    if (#x < 6) then return '' end
    local c = 0
    for i = 1, 6 do c = c + (x:sub(i, i) == '1' and 2 ^ (6 - i) or 0) end
    return b64chars:sub(c + 1, c + 1)
  end) .. ({ '', '==', '=' })[#data % 3 + 1])
end

local form = { ["Content-Type"] = "application/x-www-form-urlencoded" }
local filler = string.rep("x", 64 * 1024)
local counter = 0

-- An identifier of 1 to 64 KiB, never the same twice: what a sender would use to fill a cache keyed by it.
local function long_id()
  counter = counter + 1
  local prefix = "attacker-" .. (thread_number or 0) .. "-" .. counter .. "-"
  local size = (counter % 64 + 1) * 1024
  return prefix .. filler:sub(1, size - #prefix)
end

local builders = {
  password = function()
    counter = counter + 1
    local user = (counter % 4 == 0) and (os.getenv("USERNAME") or "alice") or ("guess" .. counter % 500)
    return wrk.format("POST", nil, form, "grant_type=password&client_id=" .. os.getenv("PUBLIC_ID")
      .. "&username=" .. user .. "&password=wrong-" .. counter)
  end,
  ["long-id-as"] = function()
    return wrk.format("POST", nil, form, "grant_type=client_credentials&client_id=" .. long_id())
  end,
  ["long-id-api"] = function()
    return wrk.format("POST", nil, { ["Content-Type"] = "application/json",
      ["Authorization"] = "Bearer " .. os.getenv("API_TOKEN") },
      '{"parameters":"grant_type=client_credentials","clientId":"' .. long_id() .. '","clientSecret":"x"}')
  end,
}

if mode == "cc" then
  wrk.method = "POST"
  wrk.body = "grant_type=client_credentials"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Authorization"] = "Basic " .. b64(os.getenv("CLIENT_ID") .. ":" .. os.getenv("CLIENT_SECRET"))
else
  request = assert(builders[mode], "unknown MODE " .. mode)
end

statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  local keys = {}
  for status in pairs(total) do table.insert(keys, status) end
  table.sort(keys)
  local parts = {}
  for _, status in ipairs(keys) do table.insert(parts, status .. ":" .. total[status]) end
  local errors = summary.errors
  if errors.timeout > 0 then table.insert(parts, "no-answer:" .. errors.timeout) end
  if errors.connect + errors.read + errors.write > 0 then
    table.insert(parts, "socket-error:" .. (errors.connect + errors.read + errors.write))
  end
  io.write(string.format("ANSWERS mode=%s requests=%d rps=%.1f statuses=%s\n", mode, summary.requests,
    summary.requests / (summary.duration / 1e6), table.concat(parts, ",")))
end
