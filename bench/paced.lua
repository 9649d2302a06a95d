-- wrk script: the client_credentials request of CC_LUA (the peers' wrk/cc.lua), sent at a steady RATE (requests/s
-- over all of wrk's threads) instead of as fast as the server answers. Each wrk thread keeps one schedule for its
-- connections: a connection whose answer came sends its next request at the thread's next free slot, so the rate
-- holds while the server keeps up (latencies are the server's answer times, from each send). Env: CC_LUA, RATE,
-- THREADS (wrk's -t, to split the rate).
dofile(os.getenv("CC_LUA"))

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } pace_timespec;
  int clock_gettime(int clock, pace_timespec *now);
]]
local now_ts = ffi.new("pace_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, now_ts) -- CLOCK_MONOTONIC
  return tonumber(now_ts.tv_sec) * 1000 + tonumber(now_ts.tv_nsec) / 1e6
end

local interval = 1000 * tonumber(os.getenv("THREADS") or "2") / tonumber(os.getenv("RATE"))
local next_slot = nil

function delay()
  local now = now_ms()
  -- a slot missed by more than a second is not made up for with a burst
  if next_slot == nil or next_slot < now - 1000 then next_slot = now end
  next_slot = next_slot + interval
  local wait = next_slot - now
  return wait > 0 and math.floor(wait) or 0
end
