#!/usr/bin/env python3
"""Slow clients for bench/slow-clients.sh (loopback only).

  slow_clients.py trickle HOST PORT PATH COUNT SECONDS
      keeps COUNT connections open that each POST PATH with Content-Length 10000 and send one body byte per second;
      a connection the server closes is opened again, so COUNT stay open for SECONDS. Prints what happened.
  slow_clients.py health HOST PORT SECONDS RATE
      GET /health RATE times a second on a fresh connection each, for SECONDS; prints p50/p99/max latency and
      how many failed (no answer within 5 s counts as failed, with 5000 ms).
"""
import asyncio
import statistics
import sys
import time


async def trickler(host, port, path, stats, stop):
    head = (f"POST {path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Basic MTp4\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 10000\r\n\r\n").encode()
    while time.monotonic() < stop:
        try:
            reader, writer = await asyncio.open_connection(host, port)
        except OSError:
            stats["connect_failed"] += 1
            await asyncio.sleep(0.5)
            continue
        stats["opened"] += 1
        try:
            writer.write(head)
            await writer.drain()
            while time.monotonic() < stop:
                writer.write(b"a")
                await writer.drain()
                try:
                    data = await asyncio.wait_for(reader.read(256), 1.0)
                except asyncio.TimeoutError:
                    continue
                # the server answered (a 408, when the rate check caught it) or closed the connection
                stats["answered_408" if b" 408 " in data[:16] else "cut_off"] += 1
                break
        except (OSError, ConnectionError):
            stats["cut_off"] += 1
        finally:
            writer.close()


async def trickle(host, port, path, count, seconds):
    stats = {"opened": 0, "cut_off": 0, "answered_408": 0, "connect_failed": 0}
    stop = time.monotonic() + seconds
    tasks = []
    for _ in range(count):
        tasks.append(asyncio.create_task(trickler(host, port, path, stats, stop)))
        await asyncio.sleep(0.002)
    await asyncio.gather(*tasks, return_exceptions=True)
    print("TRICKLE " + " ".join(f"{k}={v}" for k, v in stats.items()), flush=True)


async def health_once(host, port):
    start = time.monotonic()
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), 5)
        writer.write(f"GET /health HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        await writer.drain()
        status = await asyncio.wait_for(reader.readline(), 5)
        writer.close()
        ok = b" 200 " in status
    except (OSError, asyncio.TimeoutError):
        ok = False
    return (time.monotonic() - start) * 1000 if ok else 5000.0, ok


async def health(host, port, seconds, rate):
    results = []
    stop = time.monotonic() + seconds
    pending = []
    while time.monotonic() < stop:
        pending.append(asyncio.create_task(health_once(host, port)))
        await asyncio.sleep(1 / rate)
    results = await asyncio.gather(*pending)
    latencies = sorted(r[0] for r in results)
    failed = sum(1 for r in results if not r[1])
    p99 = latencies[max(0, int(len(latencies) * 0.99) - 1)]
    print(f"HEALTH n={len(latencies)} p50_ms={statistics.median(latencies):.1f} p99_ms={p99:.1f} "
          f"max_ms={latencies[-1]:.1f} failed={failed}", flush=True)


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "trickle":
        asyncio.run(trickle(sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5]), float(sys.argv[6])))
    elif mode == "health":
        asyncio.run(health(sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])))
    else:
        sys.exit(__doc__)
