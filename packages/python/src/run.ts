/*
 * runPython: parse, refuse what the model does not run, then execute on a fresh model of the build.
 */
import {
  type AllocatorProfile,
  blockSize,
  ObjectHeap,
  objectProfile,
  onWasm32,
  Pymalloc,
  profileForVersion,
  sizeClassCount,
  withDebugHooks,
} from "@pymem/core";
import { DEFAULT_INSTRUCTION_LIMIT, type RunOptions, type RunResult, type TraceStep } from "./api.js";
import { PythonSyntaxError } from "./errors.js";
import { parseModule } from "./frontend/parse.js";
import { PyException } from "./vm/exceptions.js";
import { Interpreter } from "./vm/interpreter.js";
import { versionRules } from "./vm/rules.js";
import { TraceInterner, traceStep } from "./vm/trace.js";

/** Parses `source` and refuses what the model does not run, without running it. */
export function checkSource(source: string): void {
  parseModule(source);
}

export function runPython(source: string, options: RunOptions): RunResult {
  // a version, or a profile id that names a build variant ("3.6-pyenv"); the pointer size is an option
  if (!/^\d+\.\d+(\.\d+)?(-(?!32bit)[a-z0-9]+)*$/.test(options.version))
    throw new RangeError(
      `"${options.version}" is not a CPython version or profile (X.Y, X.Y.Z, X.Y-variant); give the pointer size as pointerSize`,
    );
  const module = parseModule(source, options.version);
  const pointerSize = options.pointerSize ?? 8;
  // Pyodide's builds are wasm32: as i386, but 8-byte integers are 8-aligned
  const built = objectProfile(options.version, pointerSize);
  const profile = options.platform === "emscripten" ? onWasm32(built) : built;
  const release = profileForVersion(
    options.allocatorProfile ?? options.version.split(".").slice(0, 3).join("."),
    pointerSize,
  );
  const allocator = options.debugBuild ? withDebugHooks(release) : release;
  if (profile.python[0] === 2 && module.firstFString !== undefined)
    throw new PythonSyntaxError(module.firstFString, "invalid syntax");
  const pm = new Pymalloc(allocator);
  if (options.platform !== "emscripten") holdStartUpBlocks(pm, allocator);
  let vm: Interpreter | undefined;
  const heap = new ObjectHeap(profile, pm, {
    finalizer: (self) => vm?.finalize(self),
    caller: (fn, args) => vm?.callback(fn, args),
    // memory CPython may take from (or leave to) start-up's free-list entries, which the model does not know
    startUpGuess: (what, blocks) => vm?.builtins.unmodelledAllocation("pymalloc", what, blocks),
    poolOrderUnknown: true,
    where: () => `line ${vm?.frame.line ?? 0}`,
  });
  const steps: TraceStep[] = [];
  const traceLimit = options.traceLimit ?? Number.POSITIVE_INFINITY;
  let traceCut = false;
  let printed = 0;
  let statements = 0;
  const interner = new TraceInterner();
  vm = new Interpreter(
    module,
    heap,
    { ...versionRules(profile, options.platform), ...options.rules },
    options.instructionLimit ?? DEFAULT_INSTRUCTION_LIMIT,
    {
      ...(options.trace || options.afterStatement
        ? {
            afterStatement: (line, frame) => {
              options.afterStatement?.(statements++, pm);
              if (!options.trace) return;
              if (steps.length >= traceLimit) {
                traceCut = true;
                return;
              }
              const v = vm as Interpreter;
              steps.push(traceStep(v, frame, line, v.out.slice(printed), interner));
              printed = v.out.length;
            },
          }
        : {}),
    },
    options.platform,
  );
  let exception: PyException | undefined;
  try {
    vm.run();
  } catch (e) {
    if (!(e instanceof PyException)) throw e;
    exception = e;
  }
  const stderr = exception
    ? `${vm.err}Traceback (most recent call last):\n  File "${options.filename ?? "<string>"}", line ${exception.line}, in <module>\n${exception.summary}\n`
    : vm.err;
  return {
    stdout: vm.out,
    stderr,
    exitCode: exception ? 1 : 0,
    ...(exception ? { exception: exception.summary } : {}),
    ...(options.trace ? { steps } : {}),
    ...(traceCut ? { traceCut } : {}),
  };
}

/**
 * Start-up leaves live blocks in every size class (sys._debugmallocstats() at start on native
 * 3.6.15 – 3.13.0: 31 – 32 of 32 classes have blocks in use), so a program's objects share pools
 * with them and freeing its own never empties such a pool. One block held in each class's first
 * pool gives the model's pools the same footing; without it a pool the program emptied was taken
 * by another size class, and ids of different sizes matched where CPython's never do. Not on
 * Pyodide, whose builds have no pymalloc (the model's pools stand in for its malloc there). In a
 * debug build the hooks' bytes come on top of each request, so the classes below them get none.
 */
function holdStartUpBlocks(pm: Pymalloc, allocator: AllocatorProfile): void {
  for (let c = 0; c < sizeClassCount(allocator); c++) {
    const request = blockSize(allocator, c) - allocator.debugHookBytes;
    if (request >= 0) pm.malloc(request);
  }
}
