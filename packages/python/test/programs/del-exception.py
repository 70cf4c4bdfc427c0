# An exception's traceback keeps the frame's locals alive: when do they die?
from __future__ import print_function
import sys

class A(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name)

def fail():
    local = A("local of the failing frame")
    raise ValueError("boom")

try:
    fail()
except ValueError as e:
    print("caught", e)
print("after the except block")
try:
    fail()
except ValueError:
    print("caught again, without a name")
print("after the second except block")
if sys.version_info[0] == 2:
    sys.exc_clear()
print("end")
