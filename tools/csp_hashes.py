#!/usr/bin/env python3
"""Fills the Content-Security-Policy of a built page (web/shell.html's placeholders) with the
SHA-256 hashes of its own inline scripts and styles, so the page runs without 'unsafe-inline' for
scripts: any other inline script (an injected one) is refused by the browser.

usage: csp_hashes.py PAGE.html [FEED_ORIGINS]
  FEED_ORIGINS: space-separated origins the page may fetch feeds from besides its own
  (CMake option CORDON_FEED_ORIGINS); empty by default.
Idempotent: a page already filled in is left as it is.
"""
import base64
import hashlib
import re
import sys

SCRIPT_MARK = "'cordon-script-hashes'"
STYLE_MARK = "'cordon-style-hashes'"
FEED_MARK = "'cordon-feed-origins'"


def digest(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def main():
    path = sys.argv[1]
    origins = sys.argv[2].strip() if len(sys.argv) > 2 else ""
    with open(path, encoding="utf-8") as f:
        html = f.read()
    if SCRIPT_MARK not in html:
        return
    scripts = []
    for m in re.finditer(r"<script\b([^>]*)>(.*?)</script>", html, re.S):
        attributes, body = m.group(1), m.group(2)
        kind = re.search(r'type\s*=\s*"([^"]*)"', attributes)
        executable = kind is None or kind.group(1).lower() in ("text/javascript", "module", "application/javascript")
        if executable and "src=" not in attributes and body.strip():
            scripts.append(digest(body))
    styles = [digest(m.group(1)) for m in re.finditer(r"<style\b[^>]*>(.*?)</style>", html, re.S)]
    html = html.replace(SCRIPT_MARK, " ".join(scripts) or "'none'")
    html = html.replace(STYLE_MARK, " ".join(styles) or "'none'")
    html = html.replace(FEED_MARK, origins)
    with open(path, "w", encoding="utf-8") as f:
        f.write(html)


if __name__ == "__main__":
    main()
