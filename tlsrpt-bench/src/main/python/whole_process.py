"""The whole-process table: TlsRpt.stream in a 64 MiB heap, Jackson databind readTree and Python's json.load,
each a whole process reading the same generated report file, timed with /usr/bin/time -v (wall clock and
peak RSS), the median of several runs, plain and gzip. Run from the repository root after
`mvn -B -ntp -q -pl tlsrpt-bench -am package -DskipTests`:

    python3 tlsrpt-bench/src/main/python/whole_process.py [SIZE [RUNS]]     # default 300MB, 3 runs
"""
import os
import re
import statistics
import subprocess
import sys

SIZE = sys.argv[1] if len(sys.argv) > 1 else "300MB"
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 3
JAR = "tlsrpt-bench/target/benchmarks.jar"
HERE = os.path.dirname(os.path.abspath(__file__))

READERS = [
    ("TlsRpt.stream, -Xmx64m", ["java", "-Xmx64m", "-cp", JAR, "dev.tlsrpt.bench.WholeProcessMain", "stream"]),
    ("databind readTree", ["java", "-cp", JAR, "dev.tlsrpt.bench.WholeProcessMain", "readTree"]),
    ("Python json.load", [sys.executable, os.path.join(HERE, "json_load.py")]),
]


def report(gzip):
    out = subprocess.run(["java", "-cp", JAR, "dev.tlsrpt.bench.ReportFiles", SIZE, "gzip" if gzip else "plain"],
                         check=True, capture_output=True, text=True).stdout
    return out.split(":")[0]


def timed(command):
    done = subprocess.run(["/usr/bin/time", "-v"] + command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{command} failed:\n{done.stdout}\n{done.stderr}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", done.stderr)
    seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1))
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", done.stderr).group(1))
    system = float(re.search(r"System time \(seconds\): ([\d.]+)", done.stderr).group(1))
    return done.stdout.strip(), seconds, rss, user + system


def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


print(f"whole process, {SIZE} report, median of {RUNS} runs, load average before: {load()}")
rows = []
for gzip in (True, False):
    path = report(gzip)
    size = os.path.getsize(path)
    results = {}
    for name, command in READERS:
        runs = []
        for _ in range(RUNS):  # the readers take turns, so that a change of load hits them alike
            runs.append(timed(command + [path]))
        results[name] = runs
    counts = {runs[0][0] for runs in results.values()}
    if len(counts) != 1:
        raise SystemExit(f"the readers read different reports: {counts}")
    base = statistics.median(r[1] for r in results[READERS[0][0]])
    for name, runs in results.items():
        wall = statistics.median(r[1] for r in runs)
        rss = max(r[2] for r in runs)
        cpu = statistics.median(r[3] for r in runs)
        rows.append((os.path.basename(path), f"{size / 1e6:.0f} MB", name, wall, cpu, rss, wall / base))
print(f"load average after: {load()}; every reader read {counts.pop()}")
print()
print("| file | bytes | reader | wall time | CPU time | peak RSS | × the time of TlsRpt.stream |")
print("|---|---:|---|---:|---:|---:|---:|")
for f, size, name, wall, cpu, rss, ratio in rows:
    print(f"| {f} | {size} | {name} | {wall:.2f} s | {cpu:.2f} s | {rss / 1024:.0f} MB | {ratio:.2f} |")
