"""Plain-data encoding between the test process and the solution process (JSON, never pickle).

Compact on purpose (large values cross often): None, bools, strings, floats and ints of up to
INT_BITS bits are JSON's own values and lists are JSON arrays, so a list of a million ints is one
json.dumps and one json.loads in C, with no per-item Python work. Every other value is a JSON object
tagged "$t" (tuples, dicts, sets, bytes, complex, bigger ints in hex, references to objects kept on
the other side); messages are objects without "$t", and keyword arguments travel as pairs.
Decoding happens inside json.loads (object_hook), so nothing walks a decoded value a second time.
"""
import base64
import json
import marshal
import struct
from itertools import chain

_HEAD = struct.Struct(">I")
INT_BITS = 12_000  # about 3,600 digits: JSON's int text stays under Python's 4,300-digit str limit
SCALARS = frozenset((int, float, str, bool, type(None)))
MAX_DEPTH = 200
MAX_MESSAGE = 1 << 30
_dumps = json.JSONEncoder(separators=(",", ":")).encode


def send(sock, msg, blob=None):
    """One message; `blob` (bytes) travels after it, raw, for the receiver's recv(..., blobs=True)."""
    if blob is not None:
        msg = dict(msg, blob=len(blob))
    data = _dumps(msg).encode()
    if len(data) < 65536 and (blob is None or len(blob) < 65536):
        sock.sendall(_HEAD.pack(len(data)) + data + (blob or b""))
    else:  # no copy of a large message just to prepend its length
        sock.sendall(_HEAD.pack(len(data)))
        sock.sendall(data)
        if blob is not None:
            sock.sendall(blob)


class TooLarge(ValueError):
    pass


def recv(sock, hook, blobs=False, max_message=MAX_MESSAGE):
    """The next message, its values decoded by `hook` (see decoder); None when the channel closed.
    Only a side that trusts its peer takes blobs (the solution process, from the test process)."""
    head = _exact(sock, 4)
    if head is None:
        return None
    size = _HEAD.unpack(head)[0]
    if size > max_message:
        raise TooLarge(f"a message of {size} bytes from the other process: not Vouch's")
    body = _exact(sock, size)
    if body is None:
        return None
    msg = _decoder_of(hook).decode(body.decode(json.detect_encoding(body), "surrogatepass"))  # json.loads, minus a new decoder each call
    if "blob" in msg:
        if not blobs:
            raise ValueError("unexpected raw data from the other process")
        if not 0 <= int(msg["blob"]) <= MAX_MESSAGE:
            raise ValueError("a raw block too large")
        msg["blob"] = _exact(sock, int(msg["blob"]))
        if msg["blob"] is None:
            return None
    return msg


_DECODERS = {}


def _decoder_of(hook):
    dec = _DECODERS.get(hook)
    if dec is None:
        dec = _DECODERS[hook] = json.JSONDecoder(object_hook=hook)
    return dec


def plain_data(value, depth=0):
    """True when marshal carries `value` exactly as it is: builtin data of exact types, nothing else."""
    t = type(value)
    if t in SCALARS or t in (complex, bytes):
        return True
    if depth > MAX_DEPTH:
        return False
    if t in (list, tuple, set, frozenset):
        kinds = set(map(type, value))
        if kinds <= SCALARS:
            return True
        if kinds <= {list, tuple} and set(map(type, chain.from_iterable(value))) <= SCALARS:
            return True
        return all(plain_data(x, depth + 1) for x in value)
    if t is dict:
        return plain_data(list(value), depth + 1) and plain_data(list(value.values()), depth + 1)
    return False


def pack(value):
    """Plain data (see plain_data) as bytes, for a blob: C speed both ways, no digit limit. Version 2 (no
    back-references) so equal data packs to equal bytes: the receiver tells an in-place change by packing again."""
    return marshal.dumps(value, 2)


def unpack(blob):
    return marshal.loads(blob)


def _exact(sock, n):
    buf = bytearray(n)
    view = memoryview(buf)
    got = 0
    while got < n:
        k = sock.recv_into(view[got:], min(n - got, 1 << 20))
        if not k:
            return None
        got += k
    return buf


def _small_int(v):
    return -(1 << INT_BITS) < v < (1 << INT_BITS)


def _plain_list(items):
    """True when a list or tuple can go as a JSON array as it is: scalars only, no int too long."""
    kinds = set(map(type, items))
    if not kinds <= SCALARS:
        return False
    if int not in kinds:
        return True
    if kinds == {int}:
        return not items or (_small_int(max(items)) and _small_int(min(items)))
    return all(_small_int(x) for x in items if type(x) is int)


def _rows(items):
    """"list" or "tuple" when `items` is a list of only lists or only tuples of plain scalars (a matrix, pairs):
    it goes as JSON arrays of arrays, checked in one pass over the flattened items."""
    kinds = set(map(type, items))
    if len(kinds) != 1 or not kinds <= {list, tuple}:
        return None
    return kinds.pop().__name__ if _plain_list(list(chain.from_iterable(items))) else None


def encode(value, make_ref, class_tag=None, depth=0):
    """Builtin data (and subclasses, as their base type, tagged with class_tag(type) when it gives one)
    as JSON-able values; anything else through make_ref."""
    t = type(value)
    if t in SCALARS:
        if t is int and not _small_int(value):
            return {"$t": "int", "v": format(value, "x")}  # hex: linear time, no digit limit
        return value
    if depth > MAX_DEPTH:
        return make_ref(value)
    if t is list:
        if _plain_list(value):
            return value
        rows = _rows(value)
        if rows is not None:
            if len(set(map(len, value))) == 1 and value[0]:  # a table: by columns, rebuilt with zip
                return {"$t": "c" + rows[0], "v": list(zip(*value))}
            return value if rows == "list" else {"$t": "lt", "v": value}
        return [encode(x, make_ref, class_tag, depth + 1) for x in value]
    if t is tuple:
        return {"$t": "tu", "v": value if _plain_list(value) else [encode(x, make_ref, class_tag, depth + 1) for x in value]}
    out = _encode_data(value, make_ref, class_tag, depth)
    if out is None:
        return make_ref(value)  # iterators and generators too: they are stepped remotely, never drained ahead
    if class_tag is not None and t not in _BASES:
        tag = class_tag(t)
        if tag is not None:
            if type(out) is not dict:
                out = {"$t": "li" if isinstance(out, list) else "sc", "v": out}
            out["c"] = tag
    return out


_BASES = frozenset((int, float, complex, str, bytes, bytearray, list, tuple, set, frozenset, dict, range, bool, type(None)))


def _encode_data(value, make_ref, class_tag, depth):
    enc = lambda v: encode(v, make_ref, class_tag, depth + 1)  # noqa: E731
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return encode(int.__int__(value), make_ref)
    if isinstance(value, float):
        return float.__float__(value)
    if isinstance(value, complex):
        return {"$t": "cx", "v": [float.__repr__(value.real), float.__repr__(value.imag)]}
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, (bytes, bytearray)):
        return {"$t": "by" if isinstance(value, bytes) else "ba", "v": base64.b64encode(bytes(value)).decode()}
    if isinstance(value, list):
        items = list.__getitem__(value, slice(None))
        return items if _plain_list(items) else [enc(x) for x in items]
    if isinstance(value, tuple):
        items = tuple.__getitem__(value, slice(None))
        return {"$t": "tu", "v": items if _plain_list(items) else [enc(x) for x in items]}
    if isinstance(value, (set, frozenset)):
        items = list(set.__iter__(value) if isinstance(value, set) else frozenset.__iter__(value))
        return {"$t": "fs" if isinstance(value, frozenset) else "se", "v": items if _plain_list(items) else [enc(x) for x in items]}
    if isinstance(value, dict):
        pairs = list(dict.items(value))
        if _plain_list([k for k, _ in pairs]) and _plain_list([v for _, v in pairs]):
            return {"$t": "di", "v": pairs}
        return {"$t": "di", "v": [[enc(k), enc(v)] for k, v in pairs]}
    if isinstance(value, range):
        return {"$t": "rg", "v": [value.start, value.stop, value.step]}
    return None


def decoder(resolve_ref, class_value=None):
    """The object_hook for recv: tagged objects become values; refs and callbacks go to resolve_ref(obj);
    a value tagged with a class goes to class_value(tag, value)."""
    def hook(obj):
        t = obj.get("$t")
        if t is None:
            return obj  # a message, not a value
        v = obj.get("v")
        if t == "tu":
            out = tuple(v)
        elif t == "di":
            out = dict(v)
        elif t == "se":
            out = set(v)
        elif t == "fs":
            out = frozenset(v)
        elif t == "int":
            out = int(v, 16)
        elif t == "cx":
            out = complex(float(v[0]), float(v[1]))
        elif t == "by":
            out = base64.b64decode(v)
        elif t == "ba":
            out = bytearray(base64.b64decode(v))
        elif t == "rg":
            out = range(*v)
        elif t == "lt":
            out = [tuple(x) for x in v]
        elif t == "ct":
            out = list(zip(*v))
        elif t == "cl":
            out = list(map(list, zip(*v)))
        elif t in ("li", "sc"):
            out = v
        elif t in ("ref", "fn"):  # an object kept on the other side, or a test function the solution may call back
            return resolve_ref(obj)
        else:
            raise ValueError(f"unknown wire type {t!r}")
        if "c" in obj and class_value is not None:
            return class_value(obj["c"], out)
        return out
    return hook


def pairs(kwargs, enc):
    return [[k, enc(v)] for k, v in kwargs.items()]
