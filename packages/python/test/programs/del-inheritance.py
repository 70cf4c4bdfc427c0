# A subclass inherits __del__; one that overrides it calls the base class's explicitly.
from __future__ import print_function

class Base(object):
    def __del__(self):
        print("Base.__del__", type(self).__name__)

class Plain(Base):
    pass

class Own(Base):
    def __del__(self):
        print("Own.__del__")
        Base.__del__(self)

p = Plain()
del p
o = Own()
del o
items = [Plain(), Own(), Base()]
items = None
print("end")
