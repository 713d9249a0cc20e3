"""CPU seconds of a command's processes and of their threads, read from /proc.

usage: python scripts/timeline/cpu_by_process.py [--json] -- COMMAND...

Polls /proc every 20 ms for the command's process tree (the fork server, its workers, Dask's
worker processes) and keeps each process's and each of the processes' threads' last
user+system CPU; a process that ends between two polls loses at most 20 ms. Roles: "driver" (the
command), "forkserver" (the multiprocessing fork server), "worker" (a process forked from it or
from the driver), "other". Also: the wall time, the total CPU of the tree from
RUSAGE_CHILDREN (the check that nothing was missed), and the wall seconds during which the tree
used less than 1.5 cores (serial or waiting). Measurement tool, not part of sitrep."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def _stat(path: str) -> tuple[int, float, float] | None:
    """ppid, CPU seconds (user+system), start time (s since boot) of /proc/PID[/task/TID]."""
    try:
        with open(f"{path}/stat") as fh:
            raw = fh.read()
    except OSError:
        return None
    fields = raw[raw.rindex(")") + 2:].split()
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK, int(fields[19]) / TICK


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return fh.read().replace(b"\0", b" ").decode(errors="replace")[:200]
    except OSError:
        return ""


def _phases(samples: list[tuple[float, dict[int, float]]], roles: dict[int, str]) -> dict:
    """CPU seconds per role in four phases: the driver alone (until the fork server appears),
    the fork server loading (until the first worker appears), the workers computing (until the
    last worker's CPU last grew), the tail. With ``model_wall_s``, the wall time of the same work
    on two idle cores: the phases' serial parts added, the workers' phase spread over both."""
    workers = [pid for pid, r in roles.items() if r == "worker" and max(
        (s.get(pid, 0.0) for _, s in samples), default=0.0) > 0.5]
    server = [pid for pid, r in roles.items() if r == "forkserver"]
    if not workers or not samples:
        return {}
    t_server = next((t for t, s in samples if any(p in s for p in server)), samples[0][0])
    t_work = next(t for t, s in samples if any(p in s for p in workers))
    last = {p: max(s.get(p, 0.0) for _, s in samples) for p in workers}
    t_done = max(next(t for t, s in samples if s.get(p, 0.0) >= last[p]) for p in last)

    def cpu_at(t: float) -> dict[str, float]:
        snap = next((s for tt, s in samples if tt >= t), samples[-1][1])
        by: dict[str, float] = {}
        for pid, c in snap.items():
            by[roles.get(pid, "other")] = by.get(roles.get(pid, "other"), 0.0) + c
        return by

    marks = [cpu_at(t) for t in (t_server, t_work, t_done, samples[-1][0] + 1)]
    names = ["driver_alone", "server_loading", "workers", "tail"]
    out: dict = {}
    prev: dict[str, float] = {}
    for name, mark in zip(names, marks, strict=True):
        out[name] = {r: round(c - prev.get(r, 0.0), 2) for r, c in mark.items() if c - prev.get(r, 0.0) >= 0.01}
        prev = mark
    load = out["server_loading"]
    out["model_wall_s"] = round(sum(out["driver_alone"].values()) + max(load.get("forkserver", 0.0), load.get(
        "driver", 0.0)) + max(sum(out["workers"].values()) / 2, max(
            out["workers"].get("worker", 0.0) / len(workers), 0.0)) + sum(out["tail"].values()), 2)
    return out


def main() -> None:
    args = sys.argv[1:]
    as_json = "--json" in args[: args.index("--")]
    cmd = args[args.index("--") + 1:]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    root = proc.pid
    procs: dict[int, dict] = {}
    threads: dict[int, dict] = {}
    samples: list[tuple[float, dict[int, float]]] = []
    low_cores_s, last_total, last_t = 0.0, 0.0, time.perf_counter()
    root_start = None
    while proc.poll() is None:
        tree = {root}
        parents: dict[int, int] = {}
        for name in os.listdir("/proc"):
            if name.isdigit():
                st = _stat(f"/proc/{name}")
                if st:
                    parents[int(name)] = st[0]
        grew = True
        while grew:
            grew = False
            for pid, ppid in parents.items():
                if ppid in tree and pid not in tree:
                    tree.add(pid)
                    grew = True
        for pid in tree:
            st = _stat(f"/proc/{pid}")
            if st is None:
                continue
            entry = procs.setdefault(pid, {"ppid": st[0], "cmd": _cmdline(pid), "start": st[2]})
            entry["cpu"] = st[1]
            entry["last_seen"] = time.perf_counter() - t0
        if root in procs:
            root_start = procs[root]["start"]
        for pid in tree:
            try:
                tids = os.listdir(f"/proc/{pid}/task")
            except OSError:
                continue
            for tid in tids:
                st = _stat(f"/proc/{pid}/task/{tid}")
                if st:
                    threads.setdefault(int(tid), {"start": st[2], "pid": pid})["cpu"] = st[1]
        now = time.perf_counter()
        samples.append((now - t0, {pid: p["cpu"] for pid, p in procs.items() if "cpu" in p}))
        total = sum(p.get("cpu", 0.0) for p in procs.values())
        if now > last_t and (total - last_total) / (now - last_t) < 1.5:
            low_cores_s += now - last_t
        last_total, last_t = total, now
        time.sleep(0.02)
    wall = time.perf_counter() - t0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    stderr = proc.stderr.read() if proc.stderr else ""

    def role(pid: int) -> str:
        p = procs[pid]
        if pid == root:
            return "driver"
        if "resource_tracker" in p["cmd"]:
            return "other"
        if "forkserver" in p["cmd"]:
            return "forkserver" if p["ppid"] == root else "worker"
        if p["ppid"] == root or procs.get(p["ppid"], {}).get("ppid") == root:
            return "worker"
        return "other"

    out = {"cmd": " ".join(cmd[-6:]), "rc": proc.returncode, "wall_s": round(wall, 2),
           "tree_cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
           "seen_cpu_s": round(sum(p.get("cpu", 0.0) for p in procs.values()), 2),
           "under_1.5_cores_wall_s": round(low_cores_s, 2),
           "processes": [{"pid": pid, "role": role(pid), "cpu_s": round(p.get("cpu", 0.0), 2),
                          "start_s": round(p["start"] - (root_start or p["start"]), 2),
                          "end_s": round(p.get("last_seen", 0.0), 2)} for pid, p in sorted(procs.items())],
           "threads": [{"pid": t["pid"], "tid": tid, "cpu_s": round(t["cpu"], 2),
                        "start_s": round(t["start"] - (root_start or t["start"]), 2)}
                       for tid, t in sorted(threads.items()) if t["cpu"] >= 0.05],
           "load_average_1min": round(os.getloadavg()[0], 2)}
    out["phases"] = _phases(samples, {pid: role(pid) for pid in procs})
    if proc.returncode:
        out["stderr"] = stderr[-500:]
    print(json.dumps(out) if as_json else json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
