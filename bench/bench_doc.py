"""Rewrites one marked section of docs/BENCHMARKS.md, leaving the others as they are."""
import os
import re

PATH = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "docs", "BENCHMARKS.md")
HEADER = ("# Benchmarks\n\nEvery number here was produced by the command named with it, side by side with the "
          "named peer in the same run.\n")


def write_section(name, body):
    """Puts `body` between <!-- name:start --> and <!-- name:end -->, appending the section if new."""
    section = f"<!-- {name}:start -->\n{body.strip()}\n<!-- {name}:end -->"
    try:
        with open(PATH, encoding="utf-8") as f:
            text = f.read()
    except FileNotFoundError:
        text = HEADER
    pattern = re.compile(rf"<!-- {re.escape(name)}:start -->.*?<!-- {re.escape(name)}:end -->", re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: section, text)
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    with open(PATH, "w", encoding="utf-8") as f:
        f.write(text)
