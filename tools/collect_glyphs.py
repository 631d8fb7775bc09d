#!/usr/bin/env python3
"""Collects every non-ASCII character from the given UTF-8 files (UI text table, demo feeds), plus
all 6,763 hanzi of GB 2312 (with --gb2312), so the CJK font can be subset to what the app shows
and to any Chinese place or person name that real feeds bring.

usage: collect_glyphs.py OUT.txt [--gb2312] FILE...
"""
import sys


def gb2312_hanzi():
    """Every hanzi of GB 2312 (levels 1 and 2): rows 0xB0-0xF7, cells 0xA1-0xFE."""
    out = set()
    for row in range(0xB0, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                out.add(bytes((row, cell)).decode("gb2312"))
            except UnicodeDecodeError:
                pass  # the five unassigned cells at the end of row 0xD7
    return out


def main():
    args = sys.argv[2:]
    chars = set()
    if "--gb2312" in args:
        args.remove("--gb2312")
        chars |= gb2312_hanzi()
    for path in args:
        with open(path, encoding="utf-8") as f:
            chars.update(c for c in f.read() if ord(c) > 0x7E)
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        f.write("".join(sorted(chars)) + "\n")


if __name__ == "__main__":
    main()
