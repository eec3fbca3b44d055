"""Writes the importable top-level module names of this image as JSON (used by static checks).

Only what is really installed: sys.stdlib_module_names also names modules Debian ships in other
packages (tkinter, ...), which an import here would not find."""
import json
import pkgutil
import sys

names = set(sys.builtin_module_names) | {m.name for m in pkgutil.iter_modules()}
print(json.dumps(sorted(n for n in names if not n.startswith("_") or n in ("__future__",))))
