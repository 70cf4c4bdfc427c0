# gc.get_count() after a full collection: a new container adds one to generation 0's count, freeing
# it takes one off unless a free list keeps it, and collecting generation 0 adds one to generation 1's.
from __future__ import print_function
import gc
gc.disable()
gc.collect()
a = gc.get_count()
x = [[], [], {}, (a, a)]
b = gc.get_count()
del x
c = gc.get_count()
gc.collect(0)
d = gc.get_count()
y = [[1.5], {"k": []}]
gc.collect(1)
e = gc.get_count()
print(a, b, c, d, e)
