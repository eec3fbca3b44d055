"""Writes the importable top-level module names of this image as JSON (used by static checks).

Only what is really installed: sys.stdlib_module_names also names modules Debian ships in other
packages (tkinter, ...), which an import here would not find. Vouch's harness modules are left out."""
import json
import os
import pkgutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))  # Vouch's own harness modules are not the image's Python

names = set(sys.builtin_module_names)
names |= {m.name for m in pkgutil.iter_modules() if os.path.abspath(getattr(m.module_finder, "path", "")) != HERE}
print(json.dumps(sorted(n for n in names if not n.startswith("_") or n in ("__future__",))))
