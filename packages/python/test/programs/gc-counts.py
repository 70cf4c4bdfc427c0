# The collector's thresholds, and its generation-0 count after new container objects.
from __future__ import print_function
import gc
gc.disable()
gc.collect()

print("threshold", gc.get_threshold())
print("after collect", gc.get_count())
keep = [[] for i in range(5)]
print("after five lists and a comprehension", gc.get_count()[0] > 0)
gc.collect()
print("after collect again", gc.get_count())
gc.enable()
print("enabled", gc.isenabled())
