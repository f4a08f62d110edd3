"""HTTP load through the testbed's VIP, run inside the client namespace; prints one JSON object.

usage: load.py URL CONNECTIONS PARALLEL
Each connection: TCP handshake, one GET, the whole answer, close. 'connect_ms' is the handshake alone (connect()
returning: SYN out through the switch, SYN-ACK back), 'request_ms' the whole exchange.
"""
import http.client
import json
import sys
import threading
import time
import urllib.parse


def one(host, port, path, connect_ms, request_ms, answers):
    t0 = time.perf_counter()
    c = http.client.HTTPConnection(host, port, timeout=10)
    c.connect()
    t1 = time.perf_counter()
    c.request("GET", path)
    body = c.getresponse().read().decode().strip()
    c.close()
    t2 = time.perf_counter()
    connect_ms.append((t1 - t0) * 1e3)
    request_ms.append((t2 - t0) * 1e3)
    answers[body] = answers.get(body, 0) + 1


def main():
    url, total, parallel = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    u = urllib.parse.urlsplit(url)
    connect_ms, request_ms, answers, errors = [], [], {}, []
    lock = threading.Lock()
    remaining = [total]

    def worker():
        while True:
            with lock:
                if remaining[0] == 0:
                    return
                remaining[0] -= 1
            try:
                one(u.hostname, u.port or 80, u.path or "/", connect_ms, request_ms, answers)
            except OSError as e:
                errors.append(str(e))

    start = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(parallel)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - start

    def pct(values, p):
        s = sorted(values)
        return s[min(len(s) - 1, int(p * len(s)))] if s else None

    print(json.dumps({
        "requests": len(request_ms), "errors": len(errors), "seconds": seconds,
        "requests_per_second": len(request_ms) / seconds,
        "connect_ms": {"p50": pct(connect_ms, 0.5), "p90": pct(connect_ms, 0.9), "max": max(connect_ms, default=None)},
        "request_ms": {"p50": pct(request_ms, 0.5), "p90": pct(request_ms, 0.9), "max": max(request_ms, default=None)},
        "answers": answers, "first_errors": errors[:3]}))


main()
