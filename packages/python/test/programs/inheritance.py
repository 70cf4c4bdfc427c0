# Single inheritance: methods and __init__ found on the base class; sizes and counts of subclass instances.
from __future__ import print_function
import sys

class Animal(object):
    def __init__(self, name):
        self.name = name

    def speak(self):
        return "%s makes a sound" % self.name

class Dog(Animal):
    def speak(self):
        return "%s barks" % self.name

class Puppy(Dog):
    pass

pets = [Animal("cat"), Dog("rex"), Puppy("bit")]
for p in pets:
    print(p.speak(), isinstance(p, Animal), isinstance(p, Dog))
print("sizes equal", sys.getsizeof(pets[0]) == sys.getsizeof(pets[2]))
print("count of rex", sys.getrefcount(pets[1]))
print("type", type(pets[2]) is Puppy, type(pets[2]).__name__)
