# Locals die when the function returns, in the order the frame clears them; the returned one lives on.
from __future__ import print_function

class A(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name)

def work():
    first = A("first")
    second = A("second")
    kept = A("kept")
    print("returning")
    return kept

k = work()
print("returned")
work()
print("result dropped")
del k
print("end")
