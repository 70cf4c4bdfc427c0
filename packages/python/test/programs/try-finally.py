# try/except/finally: the finally block runs before an object made in the try is dropped by a return.
from __future__ import print_function

class A(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name)

def f(fail):
    a = A("local")
    try:
        if fail:
            raise KeyError("k")
        return "returned"
    except KeyError:
        return "handled"
    finally:
        print("finally, fail =", fail)

print(f(False))
print(f(True))
try:
    x = {}["missing"]
except KeyError:
    print("KeyError caught")
