# `not` binds tighter than and/or: a and not b or c is (a and (not b)) or c
from __future__ import print_function
for a in (0, 1):
    for b in (0, 1):
        for c in (0, 1):
            print(a and not b or c, a or not b or c, not a and not b or c, a == b and not c or a,
                  not a or b and c, not not a and b, a and b or not c and a, not (a or b) and c)
