# Names and containers each add one to a list's reference count; getrefcount adds its own argument.
from __future__ import print_function
import sys

lt = [1, 2, 3]
print("one name", sys.getrefcount(lt))
lt2 = lt
print("two names", sys.getrefcount(lt))
holder = [lt, lt, lt]
print("in a list three times", sys.getrefcount(lt))
box = {"a": lt}
print("in a dict", sys.getrefcount(lt))
del holder
del box
del lt2
print("back to one name", sys.getrefcount(lt))
