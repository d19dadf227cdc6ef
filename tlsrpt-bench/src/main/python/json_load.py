"""Python's json.load over one report file (gzip when it starts with the gzip magic), for the whole-process
table: prints what it read, as WholeProcessMain does."""
import gzip
import json
import sys

path = sys.argv[1]
with open(path, "rb") as raw:
    magic = raw.read(2)
opener = gzip.open if magic == b"\x1f\x8b" else open
with opener(path, "rb") as f:
    report = json.load(f)
policies = report["policies"]
details = sum(len(p.get("failure-details") or []) for p in policies)
print(f"policies={len(policies)} failureDetails={details}")
