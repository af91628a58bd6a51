#!/usr/bin/env python3
"""Trunk post-build step: make the build work offline and under a strict Content-Security-Policy.

1. Replaces trunk's inline loader script with our own in a hashed file, so the page runs no inline
   script (a host can send `script-src 'self' 'wasm-unsafe-eval'` without 'unsafe-inline'); ours
   also marks the loading screen as failed when WebAssembly cannot start.
2. Writes the loading screen's texts (each `data-msg="Key"` element) in every language, from
   `locales/`, so they come from the one translation layer without any script.
3. Names the export worker's and the Summary's files by content and tells the page where their
   loaders are.
4. Writes the service worker with the exact list of files of this build and a version derived
   from their contents: a new build is a new worker, which the app offers as an update.
"""
import hashlib
import html as html_text
import json
import os
import re
import sys
from pathlib import Path

staging = Path(os.environ.get("TRUNK_STAGING_DIR", sys.argv[1] if len(sys.argv) > 1 else "dist"))
source = Path(os.environ.get("TRUNK_SOURCE_DIR", "."))
index = staging / "index.html"
html = index.read_text(encoding="utf-8")

LOADER = """// Taqrir's loader (written by tools/finish_build.py in place of trunk's): starts the app and, when
// WebAssembly cannot start (an old browser, a blocked or failed download), says so on the loading
// screen instead of staying on "Loading".
try {
  if (typeof WebAssembly !== 'object') throw new Error('this browser has no WebAssembly');
  // This module is async: it waits neither for the page to be parsed nor for its style sheet, so
  // the wasm compiles meanwhile. A host that sends it as another type than application/wasm makes
  // compileStreaming refuse it; then the bindings fetch it themselves.
  const compiling = typeof WebAssembly.compileStreaming === 'function'
    ? WebAssembly.compileStreaming(fetch('./__WASM__')).catch(() => './__WASM__')
    : './__WASM__';
  const bindings = await import('./__JS__');
  // The app mounts into the whole body.
  if (document.readyState === 'loading') {
    await new Promise((resolve) => document.addEventListener('readystatechange', resolve, { once: true }));
  }
  const wasm = await bindings.default({ module_or_path: await compiling });
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
} catch (error) {
  document.documentElement.classList.add('boot-failed');
  throw error;
}
"""

# The interface's languages, in the order the loading screen shows them, with their direction.
LANGUAGES = [("en", "ltr"), ("ar", "rtl"), ("ckb", "rtl")]


def read_locale(code):
    texts = {}
    for line in (source / "locales" / f"{code}.txt").read_text(encoding="utf-8").splitlines():
        key, sep, text = line.partition(" = ")
        if sep and not key.startswith("#"):
            texts[key.strip()] = text.strip()
    return texts


def write_texts(page):
    """`<tag ... data-msg="Key"></tag>` gets one child per language with Key's text."""
    locales = {code: read_locale(code) for code, _ in LANGUAGES}

    def expand(match):
        tag, before, key, after = match.groups()
        child = "span" if tag in ("h1", "h2", "p", "span") else "p"
        missing = [code for code, _ in LANGUAGES if key not in locales[code]]
        if missing:
            sys.exit(f"finish_build: {key} is missing in locales/{', '.join(missing)}")
        lines = "".join(
            f'<{child} lang="{code}" dir="{direction}">{html_text.escape(locales[code][key])}</{child}>'
            for code, direction in LANGUAGES
        )
        return f"<{tag}{before.rstrip()}{after}>{lines}</{tag}>"

    return re.sub(r'<(\w+)([^>]*?) data-msg="(\w+)"([^>]*)></\1>', expand, page)


html = write_texts(html)
inline = re.search(r'<script type="module">(.*?)</script>', html, re.S)
if inline:
    found = re.search(r"from '\./([^']+\.js)'", inline.group(1)), re.search(r"module_or_path: '\./([^']+\.wasm)'", inline.group(1))
    if not all(found):
        sys.exit("finish_build: trunk's loader has changed; update LOADER")
    code = LOADER.replace("__JS__", found[0].group(1)).replace("__WASM__", found[1].group(1))
    name = f"boot-{hashlib.sha256(code.encode()).hexdigest()[:16]}.js"
    (staging / name).write_text(code, encoding="utf-8")
    html = html.replace(inline.group(0), f'<script type="module" async src="./{name}"></script>')


def name_module_by_content(page, name, start):
    """trunk names a worker's files after its binary (they are loaded by name at run time), so a
    cache could hand a new page an old module. Name the module's files by their content like every
    other file, write the script that starts it (`start(js_name, wasm_name)`: its name and text),
    and tell the page where that is (`<meta name="taqrir-NAME">`)."""
    js, wasm = staging / f"{name}.js", staging / f"{name}_bg.wasm"
    if not js.exists():
        # Run again over a finished build (tests/e2e/precompressed.spec.ts): already named.
        if f'name="taqrir-{name}"' in page:
            return page
        sys.exit(f"finish_build: trunk did not build {name}.js")
    digest = hashlib.sha256(js.read_bytes() + wasm.read_bytes()).hexdigest()[:16]
    js_name, wasm_name = f"{name}-{digest}.js", f"{name}-{digest}_bg.wasm"
    wasm.rename(staging / wasm_name)
    loader_name, loader = start(js_name, wasm_name, js.read_text(encoding="utf-8"))
    if loader_name != js_name:
        js.rename(staging / js_name)
    else:
        js.unlink()
    (staging / loader_name).write_text(loader, encoding="utf-8")
    meta = f'<meta name="taqrir-{name}" content="./{loader_name}" />'
    return page.replace("</head>", f"  {meta}\n  </head>", 1)


def exporter_loader(js_name, wasm_name, _bindings):
    """The export worker starts from a loader of its own (src/ui/export_worker.rs)."""
    loader = f'importScripts("./{js_name}");\nwasm_bindgen({{ module_or_path: "./{wasm_name}" }});\n'
    return js_name.replace(".js", "_loader.js"), loader


def summary_script(js_name, wasm_name, bindings):
    """The Summary runs in the page: one classic script, its bindings followed by their start
    (src/ui/summary_host.rs). If the WebAssembly does not load, the app is told, and may call
    `taqrirSummaryStart()` again (the bindings cannot be run twice in a page)."""
    start = f"""
// Written by tools/finish_build.py: starts the Summary in the app's page (src/ui/summary_host.rs).
self.taqrirSummaryStart = () => wasm_bindgen({{ module_or_path: "./{wasm_name}" }})
  .catch(() => dispatchEvent(new CustomEvent("taqrir-summary-failed")));
taqrirSummaryStart();
"""
    return js_name, bindings + start


def preload_stylesheet(page):
    """The stylesheet's link is at the end of the body, so that the loading screen paints without
    it; a preload in the head asks for it at once all the same: the app's first frame waits for it."""
    link = re.search(r'<link rel="stylesheet" href="([^"]+)"( integrity="[^"]+")?', page)
    if not link or 'rel="preload" href="' + link.group(1) + '"' in page:
        return page
    preload = f'<link rel="preload" href="{link.group(1)}" as="style"{link.group(2) or ""} />'
    return page.replace("</head>", f"  {preload}\n  </head>", 1)


html = name_module_by_content(html, "exporter", exporter_loader)
html = name_module_by_content(html, "summary", summary_script)
html = preload_stylesheet(html)
index.write_text(html, encoding="utf-8")

assets = sorted(
    p.relative_to(staging).as_posix()
    for p in staging.rglob("*")
    if p.is_file() and p.name not in ("sw.js", "index.html") and not p.name.startswith(".")
    # Precompressed copies (tools/precompress.mjs) are for the host, not for the cache.
    and p.suffix not in (".gz", ".br")
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
