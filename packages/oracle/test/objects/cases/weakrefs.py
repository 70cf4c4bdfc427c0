# Weak references: clearing when the referent dies, callbacks and their order, __del__, cycles.
from __future__ import print_function
import gc, sys, weakref
gc.disable()
gc.collect()

class C(object):
    pass

def show(r):
    return "dead" if r() is None else "alive"

def cb1(w):
    print("cb1", show(w))

def cb2(w):
    print("cb2", show(w))

print("sizes: weakref", sys.getsizeof(weakref.ref(C())), "function", sys.getsizeof(cb1))

# One shared callback-less ref; refs with callbacks are new each time, the newest called first.
o = C()
r = weakref.ref(o)
print("shared", weakref.ref(o) is r, "count", weakref.getweakrefcount(o), "tracked", gc.is_tracked(r))
r1 = weakref.ref(o, cb1)
r2 = weakref.ref(o, cb2)
print("with callbacks", r1 is not r2, "count", weakref.getweakrefcount(o))
del o
print("after del", show(r), show(r1), show(r2))

# A count reaching zero: __del__ and the weakrefs, in which order?
class D(object):
    def __del__(self):
        print("D.__del__ sees", show(rd))

x = D()
rd = weakref.ref(x, lambda w: print("D callback", show(w)))
del x

# __del__ resurrects the object: does its weakref survive?
saved = []

class P(object):
    def __del__(self):
        saved.append(self)
        print("P.__del__ sees", show(rp))

p = P()
rp = weakref.ref(p, lambda w: print("P callback"))
del p
print("resurrected", len(saved), show(rp))
del saved[:]
print("second death", show(rp))

# A weakref that __del__ makes to its dying object: 2.7 drops it uncalled, 3.4+ calls it.
made = []

def late(w):
    print("callback of the weakref __del__ made")

class M(object):
    def __del__(self):
        made.append(weakref.ref(self, late))

m = M()
del m
print("weakref made by __del__", show(made[0]))

# Cycles: the collector clears weakrefs to what it found unreachable.
a = C()
b = C()
a.b = b
b.a = a
ra = weakref.ref(a, lambda w: print("cycle callback", show(w)))
del a, b
print("cycle", gc.collect(), show(ra))

class E(object):
    def __del__(self):
        print("E.__del__ sees", show(re_plain), show(re_cb))

a = E()
b = E()
a.b = b
b.a = a
re_plain = weakref.ref(a)
re_cb = weakref.ref(a, lambda w: print("E callback"))
del a, b
print("cycle with __del__", gc.collect(), show(re_plain), show(re_cb), "garbage", len(gc.garbage))

class R(object):
    def __del__(self):
        saved.append(self)

a = R()
b = R()
a.b = b
b.a = a
rr_plain = weakref.ref(a)
rr_cb = weakref.ref(b, lambda w: print("R callback"))
del a, b
print("resurrected cycle", gc.collect(), show(rr_plain), show(rr_cb), len(saved))
del saved[:]
print("collected later", gc.collect(), show(rr_plain))

# A weakref (and its lambda) inside the cycle; a weakref in a cycle to a live object.
a = C()
b = C()
a.b = b
b.a = a
a.w = weakref.ref(b, lambda w: print("never called"))
del a, b
print("weakref in the cycle", gc.collect())

keep = C()

class F(object):
    def __del__(self):
        print("F.__del__ sees the cycle's weakref", show(self.w))

a = F()
b = C()
a.b = b
b.a = a
a.w = weakref.ref(keep)
del a, b
print("weakref in the cycle to a live object", gc.collect(), show(weakref.ref(keep)))

# A callback that drops the last reference to its own weakref: gc.collect() counts that weakref too.
holder = []

def drop(w):
    del holder[:]

a = C()
b = C()
a.b = b
b.a = a
holder.append(weakref.ref(a, drop))
del a, b
print("a callback frees its weakref", gc.collect(), len(holder))

class S(object):
    __slots__ = ("a",)

for make in (S, list):
    try:
        weakref.ref(make())
    except TypeError:
        print("no weakref to", make.__name__)
