#!/usr/bin/env python3
"""Trunk post-build step: make the build work offline and under a strict Content-Security-Policy.

1. Moves trunk's inline loader script into its own hashed file, so the page runs no inline script
   (a host can send `script-src 'self' 'wasm-unsafe-eval'` without 'unsafe-inline').
2. Writes the service worker with the exact list of files of this build and a version derived
   from their contents: a new build is a new worker, which the app offers as an update.
"""
import hashlib
import json
import os
import re
import sys
from pathlib import Path

staging = Path(os.environ.get("TRUNK_STAGING_DIR", sys.argv[1] if len(sys.argv) > 1 else "dist"))
source = Path(os.environ.get("TRUNK_SOURCE_DIR", "."))
index = staging / "index.html"
html = index.read_text(encoding="utf-8")

inline = re.search(r'<script type="module">(.*?)</script>', html, re.S)
if inline:
    code = inline.group(1).strip() + "\n"
    name = f"boot-{hashlib.sha256(code.encode()).hexdigest()[:16]}.js"
    (staging / name).write_text(code, encoding="utf-8")
    html = html.replace(inline.group(0), f'<script type="module" src="./{name}"></script>')
    index.write_text(html, encoding="utf-8")

assets = sorted(
    p.relative_to(staging).as_posix()
    for p in staging.rglob("*")
    if p.is_file() and p.name not in ("sw.js", "index.html") and not p.name.startswith(".")
)
digest = hashlib.sha256()
for name in ["index.html", *assets]:
    digest.update(name.encode())
    digest.update((staging / name).read_bytes())
version = digest.hexdigest()[:16]

template = (source / "assets" / "sw.js").read_text(encoding="utf-8")
worker = template.replace("__VERSION__", version).replace(
    "__ASSETS__", json.dumps(["./"] + [f"./{a}" for a in assets], indent=2)
)
(staging / "sw.js").write_text(worker, encoding="utf-8")
print(f"finish_build: service worker {version}, {len(assets) + 1} files cached")
