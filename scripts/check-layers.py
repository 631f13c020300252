#!/usr/bin/env python3
"""Checks that the code keeps the layering the README documents.

The README's "Architecture" table gives every source target a layer; a target may import only
targets of a lower layer. This script reads Package.swift (through `swift package dump-package`)
and every `import` line of every source file, and fails when:
  - a file imports a package target or product its target does not declare in Package.swift;
  - a target imports (or declares) a target of its own layer or a higher one;
  - a target declares a dependency that none of its files imports;
  - Package.swift and the README's table do not name the same source targets.
Test targets must declare what they import but may import any layer.

    python3 scripts/check-layers.py              # the check, exit 1 with one line per violation
    python3 scripts/check-layers.py --self-test  # proves the check fails on a planted wrong import
"""
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
IMPORT = re.compile(r'^\s*(?:@testable\s+|@_exported\s+|@preconcurrency\s+)*(?:(?:public|package|internal|private|fileprivate)\s+)?import\s+(?:(?:struct|class|enum|protocol|func|var|typealias)\s+)?(\w+)')
# Modules that come with the toolchain and need no declaration.
SYSTEM = {"Foundation", "FoundationEssentials", "FoundationNetworking", "Dispatch", "Glibc", "Darwin", "Testing",
          "XCTest", "Synchronization", "_Concurrency", "os", "Musl"}


def readme_layers(readme_text):
    """{target: layer} from the README's architecture table (`| layer | target | what it holds |`)."""
    layers = {}
    section = readme_text.split("## Architecture", 1)[-1].split("\n## ", 1)[0]
    for line in section.splitlines():
        cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and cells[0].isdigit():
            layers[cells[1]] = int(cells[0])
    return layers


def package_targets():
    """[(name, type, path, {dependency module names})] from Package.swift."""
    dump = json.loads(subprocess.run(["swift", "package", "dump-package"], cwd=ROOT, check=True,
                                     capture_output=True, text=True).stdout)
    targets = []
    for target in dump["targets"]:
        deps = set()
        for dep in target["dependencies"]:
            for kind in ("byName", "target", "product"):
                if kind in dep:
                    deps.add(dep[kind][0])
        path = target.get("path") or os.path.join("Tests" if target["type"] == "test" else "Sources", target["name"])
        targets.append((target["name"], target["type"], path, deps))
    return targets


def imports_by_target(targets):
    """{target: {module: first 'file:line' importing it}}."""
    found = {}
    for name, _, path, _ in targets:
        seen = found.setdefault(name, {})
        for folder, _, files in os.walk(os.path.join(ROOT, path)):
            for file in sorted(files):
                if not file.endswith(".swift"):
                    continue
                full = os.path.join(folder, file)
                with open(full, encoding="utf-8") as handle:
                    for number, line in enumerate(handle, 1):
                        match = IMPORT.match(line)
                        if match:
                            seen.setdefault(match.group(1), f"{os.path.relpath(full, ROOT)}:{number}")
    return found


def violations(targets, imports, layers):
    problems = []
    executables = {name for name, kind, _, _ in targets if kind == "executable"}
    sources = {name for name, kind, path, _ in targets if kind != "test" and path.startswith("Sources")}
    for missing in sorted(sources - set(layers)):
        problems.append(f"Package.swift: target {missing} has no layer in the README's Architecture table")
    for extra in sorted(set(layers) - sources):
        problems.append(f"README.md: the Architecture table names {extra}, which is not a source target in Package.swift")
    for name, kind, path, deps in targets:
        layered = name in layers and kind != "test"
        for module, place in sorted(imports.get(name, {}).items()):
            if module in SYSTEM or module == name:
                continue
            if module not in deps:
                problems.append(f"{place}: {name} imports {module}, which Package.swift does not declare for it")
            if layered and module in layers and layers[module] >= layers[name]:
                problems.append(f"{place}: {name} (layer {layers[name]}) imports {module} (layer {layers[module]}): "
                                f"a target may import only lower layers")
        for dep in sorted(deps):
            if dep not in imports.get(name, {}) and dep not in executables:  # a test may depend on a binary it runs
                problems.append(f"Package.swift: {name} declares {dep}, which none of its files imports")
            if layered and dep in layers and layers[dep] >= layers[name]:
                problems.append(f"Package.swift: {name} (layer {layers[name]}) depends on {dep} (layer {layers[dep]})")
    return problems


def main():
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as handle:
        layers = readme_layers(handle.read())
    targets = package_targets()
    imports = imports_by_target(targets)
    if "--self-test" in sys.argv:
        lowest = min(layers, key=layers.get)
        highest = max((n for n in layers if n != lowest), key=layers.get)
        planted = {k: dict(v) for k, v in imports.items()}
        planted[lowest][highest] = f"Sources/{lowest}/Planted.swift:1"
        found = violations(targets, planted, layers)
        expected = [p for p in found if p.startswith(f"Sources/{lowest}/Planted.swift:1")]
        clean = violations(targets, imports, layers)
        if len(expected) != 2 or clean:
            print("self-test FAILED: a planted `import %s` in %s gave %r; the real tree gave %r" % (highest, lowest, expected, clean))
            return 1
        print(f"self-test: a planted `import {highest}` in {lowest} is refused:")
        for line in expected:
            print("  " + line)
        return 0
    problems = violations(targets, imports, layers)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} layering problem(s): fix the import, or the dependency in Package.swift and the README table.")
        return 1
    print(f"layers: {len(layers)} source targets, every import declared and pointing down")
    return 0


if __name__ == "__main__":
    sys.exit(main())
