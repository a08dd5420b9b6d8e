"""Open pages that poll: N pages on 127.0.0.1, each asking for a page with If-None-Match every
INTERVAL seconds (staggered), as js/live.js does. Like a browser, a page reuses its connection if the
server kept it open and opens a new one otherwise. Prints what it saw.
Usage: python3 pollers.py PORT PATH N INTERVAL SECONDS
"""
import asyncio
import random
import sys
import time

PORT, PATH, N, INTERVAL, SECONDS = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
stats = {"304": 0, "200": 0, "other": 0, "errors": 0, "connections": 0}


async def read_response(reader):
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = lines[0].split(" ")[1]
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            k, v = line.split(":", 1)
            headers[k.strip().lower()] = v.strip()
    length = int(headers.get("content-length", "0"))
    if length:
        await reader.readexactly(length)
    return status, headers.get("etag"), headers.get("connection", "").lower() == "close"


async def page(deadline):
    await asyncio.sleep(random.random() * INTERVAL)  # readers arrive spread over one interval
    etag = None
    conn = None
    while time.monotonic() < deadline:
        request = f"GET {PATH} HTTP/1.1\r\nHost: 127.0.0.1:{PORT}\r\nAccept-Encoding: gzip\r\n"
        if etag:
            request += f"If-None-Match: {etag}\r\n"
        for attempt in (1, 2):
            try:
                if conn is None:
                    conn = await asyncio.open_connection("127.0.0.1", PORT)
                    stats["connections"] += 1
                reader, writer = conn
                writer.write((request + "\r\n").encode())
                await writer.drain()
                status, new_etag, close = await read_response(reader)
                stats[status if status in ("200", "304") else "other"] += 1
                etag = new_etag or etag
                if close:
                    writer.close()
                    conn = None
                break
            except (OSError, asyncio.IncompleteReadError):
                # the server closed the idle connection: open a new one, as a browser does
                if conn is not None:
                    conn[1].close()
                conn = None
                if attempt == 2:
                    stats["errors"] += 1
        await asyncio.sleep(INTERVAL)
    if conn is not None:
        conn[1].close()


async def main():
    deadline = time.monotonic() + SECONDS
    await asyncio.gather(*(page(deadline) for _ in range(N)))


asyncio.run(main())
print(f"pollers: {N} pages checking every {INTERVAL:g} s for {SECONDS:g} s: 304: {stats['304']}, "
      f"200: {stats['200']}, other: {stats['other']}, failed: {stats['errors']}, connections opened: {stats['connections']}")
