"""Open pages that poll: N kept-alive connections to 127.0.0.1, each asking for a page with
If-None-Match every INTERVAL seconds (staggered), as js/live.js does. Prints what it saw.
Usage: python3 pollers.py PORT PATH N INTERVAL SECONDS
"""
import asyncio
import random
import sys
import time

PORT, PATH, N, INTERVAL, SECONDS = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
stats = {"304": 0, "200": 0, "other": 0, "errors": 0, "open": 0}


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
    return status, headers.get("etag")


async def page(i, deadline):
    await asyncio.sleep(random.random() * 10)  # open 10 s apart at most, as readers arrive
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", PORT)
    except OSError:
        stats["errors"] += 1
        return
    stats["open"] += 1
    etag = None
    await asyncio.sleep(random.random() * INTERVAL)
    try:
        while time.monotonic() < deadline:
            request = f"GET {PATH} HTTP/1.1\r\nHost: 127.0.0.1:{PORT}\r\nAccept-Encoding: gzip\r\n"
            if etag:
                request += f"If-None-Match: {etag}\r\n"
            writer.write((request + "\r\n").encode())
            await writer.drain()
            status, new_etag = await read_response(reader)
            stats[status if status in ("200", "304") else "other"] += 1
            etag = new_etag or etag
            await asyncio.sleep(INTERVAL)
    except (OSError, asyncio.IncompleteReadError):
        stats["errors"] += 1
    finally:
        writer.close()


async def main():
    deadline = time.monotonic() + SECONDS
    await asyncio.gather(*(page(i, deadline) for i in range(N)))


asyncio.run(main())
print(f"pollers: {N} pages, every {INTERVAL:g} s for {SECONDS:g} s: opened {stats['open']}, "
      f"304: {stats['304']}, 200: {stats['200']}, other: {stats['other']}, errors: {stats['errors']}")
