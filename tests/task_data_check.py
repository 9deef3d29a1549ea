#!/usr/bin/env python3
"""Runs scripts/make-task-data again and checks that assets/tasks/seed003.json, which optirace
embeds, holds exactly the numbers NumPy makes today (every double equal; the "made_by" line,
which names NumPy's version, aside). Exits 77 (skipped) without numpy.
Usage: task_data_check.py SOURCE_DIR
"""
import json
import os
import subprocess
import sys
import tempfile

try:
    import numpy  # noqa: F401
except ImportError:
    print("SKIP: python3-numpy is not installed")
    sys.exit(77)

source = sys.argv[1]
shipped = os.path.join(source, "assets", "tasks", "seed003.json")
with tempfile.TemporaryDirectory() as folder:
    made = os.path.join(folder, "seed003.json")
    subprocess.run(["/usr/bin/python3", os.path.join(source, "scripts", "make-task-data"), made],
                   check=True)
    documents = [json.load(open(path)) for path in (made, shipped)]
    for document in documents:
        del document["made_by"]
    same = documents[0] == documents[1]
print("assets/tasks/seed003.json is NumPy's" if same else
      "assets/tasks/seed003.json differs from what scripts/make-task-data makes now")
sys.exit(0 if same else 1)
