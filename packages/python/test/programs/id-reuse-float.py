# Floats come from a free list: the one freed last is handed out first.
from __future__ import print_function
import gc

gc.collect()  # empties the free lists start-up filled, which the model does not know

x = float("1.5")
y = float("2.5")
ix = id(x)
iy = id(y)
del x
del y
a = float("3.5")
b = float("4.5")
print("first new float is the last freed", id(a) == iy)
print("second new float", id(b) == ix)
print("an int does not take a float's place", id(int("12345")) == id(float("5.5")))
