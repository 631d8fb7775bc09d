#!/usr/bin/env python3
"""Collects every non-ASCII character from the given UTF-8 files (UI text table, demo feeds) so the
CJK font can be subset to exactly what the app shows.

usage: collect_glyphs.py OUT.txt FILE...
"""
import sys


def main():
    chars = set()
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            chars.update(c for c in f.read() if ord(c) > 0x7E)
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        f.write("".join(sorted(chars)) + "\n")


if __name__ == "__main__":
    main()
