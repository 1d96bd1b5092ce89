#!/usr/bin/env python3
"""Checks that the library's areas keep the dependencies ARCHITECTURE.md allows.

Three sources must agree: the "may use" column of the areas table in ARCHITECTURE.md, the
DEPENDS lists of newsarchive_area() in common/CMakeLists.txt (which the build enforces), and the
#include "area/..." lines of every file under common/. The allowed graph must have no cycle.
Prints one line per disagreement and exits 1, or prints a summary and exits 0.

Usage: tools/check_layers.py [REPO_ROOT]
"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent.parent)


def documented():
    """Area -> allowed areas, from the table rows "| `area` | `dep`, `dep` | ... |"."""
    table = {}
    for line in (root / "ARCHITECTURE.md").read_text().splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and re.fullmatch(r"`[a-z]+`", cells[0]):
            if re.fullmatch(r"(`[a-z]+`(, )?)+|—", cells[1]):
                table[cells[0].strip("`")] = set(re.findall(r"`([a-z]+)`", cells[1]))
    return table


def built():
    """Area -> DEPENDS, from newsarchive_area(NAME [DEPENDS ...] SOURCES ...) calls."""
    text = (root / "common" / "CMakeLists.txt").read_text()
    areas = {}
    for match in re.finditer(r"^newsarchive_area\((\w+)([^)]*)\)", text, re.M):
        depends = re.search(r"DEPENDS\s+([\w\s]+?)\s+SOURCES", match.group(2))
        areas[match.group(1)] = set(depends.group(1).split()) if depends else set()
    return areas


def included(areas):
    """Area -> {used area: first file including it}, from the sources."""
    uses = {area: {} for area in areas}
    for area in areas:
        for path in sorted((root / "common" / area).glob("*.[ch]*")):
            for used in re.findall(r'^#include "([a-z]+)/', path.read_text(), re.M):
                if used != area:
                    uses[area].setdefault(used, path.relative_to(root))
    return uses


def cycle(graph):
    """A cycle in `graph` as a list of areas, or None."""
    state = {}

    def visit(node, trail):
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                return trail + [node, nxt]
            if nxt not in state:
                found = visit(nxt, trail + [node])
                if found:
                    return found
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node, [])
            if found:
                return found
    return None


problems = []
doc, cmake = documented(), built()
folders = {p.name for p in (root / "common").iterdir() if p.is_dir()}
loose = sorted(p.name for p in (root / "common").iterdir() if p.is_file() and p.name != "CMakeLists.txt")
if loose:
    problems.append(f"files directly in common/: {', '.join(loose)}")
for area in sorted(folders | set(doc) | set(cmake)):
    if area not in doc:
        problems.append(f"{area}: no row in ARCHITECTURE.md's areas table")
    if area not in cmake:
        problems.append(f"{area}: no newsarchive_area() in common/CMakeLists.txt")
    if area not in folders:
        problems.append(f"{area}: no folder common/{area}")
    if area in doc and area in cmake and doc[area] != cmake[area]:
        problems.append(f"{area}: ARCHITECTURE.md allows {sorted(doc[area])}, "
                        f"CMake links {sorted(cmake[area])}")
for area, uses in included(folders & set(doc)).items():
    for used, where in sorted(uses.items()):
        if used not in doc[area]:
            problems.append(f"{area}: {where} includes {used}/, which it may not use")
found = cycle(doc)
if found:
    problems.append("cycle: " + " -> ".join(found))

for problem in problems:
    print(f"check_layers: {problem}")
if problems:
    sys.exit(1)
print(f"check_layers: {len(doc)} areas, dependencies as documented, no cycle")
