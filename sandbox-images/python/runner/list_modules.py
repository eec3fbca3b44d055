"""Writes the importable top-level module names of this image as JSON (used by static checks)."""
import json
import pkgutil
import sys

names = set(sys.builtin_module_names) | set(getattr(sys, "stdlib_module_names", ()))
names |= {m.name for m in pkgutil.iter_modules()}
print(json.dumps(sorted(n for n in names if not n.startswith("_") or n in ("__future__",))))
