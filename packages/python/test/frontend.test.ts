/*
 * What the model refuses before anything runs, and how: syntax errors read like CPython's last
 * traceback line, unsupported constructs name themselves and their line.
 */
import { PythonSyntaxError, runPython, UnsupportedError } from "@pymem/python";
import { describe, expect, it } from "vitest";
import { UNPLACED_MEMORY } from "../src/vm/values.js";

const run = (source: string, version = "3.11") => runPython(source, { version });

describe("refusals and syntax errors", () => {
  it.each([
    ["async def f():\n    pass\n", 1, "'async def'"],
    ["x = 1\nwith open('f') as g:\n    pass\n", 2, "'with'"],
    ["s = {1, 2}\n", 1, "a set"],
    ["import os\n", 1, "'import os'"],
    ["x = [1]\nx *= 2\n", 2, "'*=' on a list"],
    ["print(sorted([2, 1]))\n", 1, "the builtin 'sorted'"],
    [
      "x = [1]\nprint(id(x))\n",
      2,
      "the value of an id() (where memory is mapped changes from run to run; id equality is modelled)",
    ],
    [
      "x = [1]\nprint('%x' % id(x))\n",
      2,
      "the value of an id() (where memory is mapped changes from run to run; id equality is modelled)",
    ],
    [
      "x = [1]\na = id(x)\ndel x\nimport gc\ny = [2]\nprint(id(y) == a)\n",
      6,
      "comparing the id() of an object in a list free-list slot CPython may have used since the first import of gc (line 4)",
    ],
    [
      "import sys\nb = sys.getallocatedblocks()\nimport weakref\nprint(sys.getallocatedblocks() - b)\n",
      4,
      "the difference of block counts taken on either side of the first import of weakref (line 3)",
    ],
    [
      "import ctypes\nx = [1]\nprint(ctypes.c_uint32.from_address(id(x) + 8).value)\n",
      3,
      "reading 4 bytes at 8 bytes into an object",
    ],
    [
      "class C(object):\n    pass\nprint(C())\n",
      3,
      "the repr of an instance: it shows the object's address, which changes from run to run",
    ],
    [
      "import sys\nx = chr(98)\nprint(sys.intern(x) is x)\n",
      3,
      "sys.intern of a one-character str on 3.11 – 3.12.6 (start-up's interned strings)",
    ],
    [
      "import sys\nprint('%d' % sys.getrefcount(None))\n",
      2,
      "the value of a count that includes what start-up or the interpreter holds elsewhere (getrefcount, getallocatedblocks)",
    ],
  ])("refuses %j at line %i", (source, line, construct) => {
    expect(() => run(source)).toThrow(UnsupportedError);
    try {
      run(source);
    } catch (e) {
      expect((e as UnsupportedError).line).toBe(line);
      expect((e as UnsupportedError).message).toBe(`line ${line}: ${construct} is not modelled yet`);
    }
  });

  it.each([
    // the list may come from start-up's free-list entries; a full collection empties them first
    [
      "3.12",
      "import sys\nb = sys.getallocatedblocks()\nx = []\nprint(sys.getallocatedblocks() - b)\n",
      4,
      "a list that may come from free-list entries the model does not know of (line 3)",
    ],
    // up to 3.10 a function's first call makes the frame its code keeps; later calls reuse it
    [
      "3.10",
      "import gc\nimport sys\ndef f():\n    return 1\ngc.collect()\nb = sys.getallocatedblocks()\nf()\nprint(sys.getallocatedblocks() - b)\n",
      8,
      "a new frame object (up to 3.10 a code object keeps one) (line 7)",
    ],
    [
      "3.10",
      "import gc\ndef f():\n    return 1\ngc.collect()\nf()\nprint(gc.get_count())\n",
      6,
      UNPLACED_MEMORY,
    ],
    // making a class leaves dicts on the dict free list (two on native 3.6 – 3.13)
    [
      "3.13",
      "import gc\nimport sys\ngc.collect()\nclass C(object):\n    pass\nb = sys.getallocatedblocks()\nx = {}\nprint(sys.getallocatedblocks() - b)\n",
      8,
      "a dict that may come from free-list entries the model does not know of (line 7)",
    ],
    // sys.stdout keeps what it is given until it flushes
    [
      "3.12",
      "import gc\nimport sys\ngc.collect()\nb = sys.getallocatedblocks()\nprint(1)\nprint(sys.getallocatedblocks() - b)\n",
      6,
      "a print (line 5)",
    ],
    // which freed block comes back first: the pools start-up left decide (3.8-f9c00cb7.py)
    [
      "3.8",
      "import gc\ngc.collect()\nv0 = str(12345)\nv1 = []\nv2 = []\ni0 = id(v2)\ndel v0\ndel v2\ngc.collect()\nv0 = {'k': v1}\nprint(id(v0) == i0)\n",
      11,
      "a block start-up's partly used pools may have handed out otherwise",
    ],
  ])(
    "%s: refuses what crosses memory the model cannot place: %j at line %i, naming %s",
    (version, source, line, cause) => {
      expect(() => run(source, version)).toThrow(UnsupportedError);
      try {
        run(source, version);
      } catch (e) {
        expect((e as UnsupportedError).line).toBe(line);
        expect((e as UnsupportedError).message).toContain(cause);
      }
    },
  );

  it("answers the same once a full collection or a first call has passed", () => {
    const emptied =
      "import gc\nimport sys\ngc.collect()\nb = sys.getallocatedblocks()\nx = []\nprint(sys.getallocatedblocks() - b)\n";
    expect(run(emptied, "3.12").stdout).toBe("2\n"); // native 3.12.1: the list and b
    const second =
      "import gc\nimport sys\ngc.disable()\ndef f():\n    return 1\nf()\ngc.collect()\nb = sys.getallocatedblocks()\nf()\nprint(sys.getallocatedblocks() - b, gc.get_count())\n";
    expect(run(second, "3.10").stdout).toBe("1 (0, 0, 0)\n"); // native 3.10.13
  });

  it("says unexpected indent where CPython does", () => {
    expect(() => run("x = 1\n  y = 2\n")).toThrow("line 2: IndentationError: unexpected indent");
  });

  it("reports invalid syntax at its line", () => {
    expect(() => run("x = 1\ny = (\n")).toThrow(PythonSyntaxError);
  });

  it("refuses f-strings on 2.7 as a syntax error", () => {
    expect(() => run('x = f"{1}"\n', "2.7")).toThrow("line 1: SyntaxError: invalid syntax");
  });

  it("refuses a version string that is not X.Y[.Z]", () => {
    expect(() => run("x = 1\n", "3.12-32bit")).toThrow(RangeError);
  });

  it("runs the article's count example on 3.12+ and refuses it before", () => {
    const source = "import sys\na = 10\nprint(sys.getrefcount(a))\n";
    expect(run(source, "3.12").stdout).toBe("4294967295\n");
    expect(() => run(source, "3.11")).toThrow(UnsupportedError);
  });

  it("stops a runaway loop", () => {
    expect(() => runPython("while True:\n    pass\n", { version: "3.11", instructionLimit: 10_000 })).toThrow(
      "stopped after 10,000 instructions",
    );
  });

  it("knows 2.7's own builtins are no names on 3.x", () => {
    expect(run("print(unichr(300))\n").exception).toBe("NameError: name 'unichr' is not defined");
    expect(run("print(len(unichr(300)))\n", "2.7").stdout).toBe("1\n");
    expect(run("print(getattr(__builtins__, 'unichr', 5))\n").stdout).toBe("5\n");
  });

  it("reports an uncaught exception as CPython's last traceback line, exit status 1", () => {
    const r = run("print(1)\nx = 1 // 0\n");
    expect(r).toMatchObject({
      stdout: "1\n",
      exitCode: 1,
      exception: "ZeroDivisionError: integer division or modulo by zero",
    });
  });
});
