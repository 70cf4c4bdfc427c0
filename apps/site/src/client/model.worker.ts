// The playground's model: runs a reader's Python with @pymem/python on every build the model has and
// sends back each group of builds that print alike. A runaway program is
// stopped by the page, which ends this worker when a build takes longer than MODEL_BUILD_LIMIT_MS.

import type { AllocatorProfile } from "@pymem/core";
import {
  type BuildOutcome,
  buildsText,
  everyBuild,
  firstLine,
  groupByOutput,
  pyodideBuild,
  runOnBuild,
} from "@pymem/python";
import { MODEL_OUTPUT_LIMIT_CHARS, MODEL_TRACE_STEP_LIMIT } from "../lib/limits.js";
import { type ArenaMap, arenaMapOfState, renderArenaMap } from "../lib/pictures/arena-map.js";
import { BUILD_WORDS } from "../lib/playground/build-words.js";
import type { ModelRequest, ModelResponse, OutputGroup } from "../lib/playground/messages.js";

/** As interpreters read a witness (stdin), so that tracebacks name the same file. */
const FILENAME = "<stdin>";

const post = (m: ModelResponse) => self.postMessage(m);

function textOf(o: BuildOutcome): Pick<OutputGroup, "kind" | "text" | "stderr" | "exitCode"> {
  if ("result" in o) {
    const { stdout, stderr, exitCode } = o.result;
    return {
      kind: "ran",
      text: stdout.slice(0, MODEL_OUTPUT_LIMIT_CHARS),
      stderr: stderr.slice(0, MODEL_OUTPUT_LIMIT_CHARS),
      exitCode,
    };
  }
  if ("refused" in o) return { kind: "refused", text: firstLine(o.refused.message), stderr: "", exitCode: 2 };
  return {
    kind: "failed",
    text: `${o.failed.name}: ${firstLine(o.failed.message)}`,
    stderr: "",
    exitCode: 3,
  };
}

self.addEventListener("message", (e: MessageEvent<ModelRequest>) => {
  const request = e.data;
  const { id, source } = request;
  if (request.kind === "pools") {
    const build = everyBuild().find((b) => b.profile === request.profile);
    if (!build) throw new Error(`no build ${request.profile}`);
    post({ id, kind: "build-started", index: 0, total: 1 });
    // the model is deterministic: a run to the end reads the allocator as it was after that step
    let map: ArenaMap | undefined;
    let profile: AllocatorProfile | undefined;
    runOnBuild(source, build, {
      filename: FILENAME,
      afterStatement: (k, pm) => {
        if (k !== request.step) return;
        map = arenaMapOfState(pm);
        profile = pm.profile;
      },
    });
    const { text } = request;
    const svg =
      map && profile
        ? renderArenaMap(map, profile, { ...text, arena: (slot) => `${text.arena} ${slot}` }, `pools-${id}`)
        : "";
    post({ id, kind: "pools", step: request.step, svg });
    return;
  }
  if (request.kind === "trace") {
    const build = everyBuild().find((b) => b.profile === request.profile);
    if (!build) throw new Error(`no build ${request.profile}`);
    post({ id, kind: "build-started", index: 0, total: 1 });
    const outcome = runOnBuild(source, build, {
      filename: FILENAME,
      trace: true,
      traceLimit: MODEL_TRACE_STEP_LIMIT,
    });
    const result = "result" in outcome ? outcome.result : undefined;
    post({
      id,
      kind: "trace",
      trace: {
        build: buildsText([build], BUILD_WORDS[request.lang]),
        profile: build.profile,
        steps: result?.steps ?? [],
        cut: result?.traceCut === true,
        outcome: textOf(outcome),
      },
    });
    return;
  }
  if (request.kind === "pyodide") {
    post({ id, kind: "build-started", index: 0, total: 1 });
    const outcome = runOnBuild(source, pyodideBuild(request.python), { filename: FILENAME });
    post({ id, kind: "pyodide", run: textOf(outcome) });
    return;
  }
  const builds = everyBuild();
  const outcomes = builds.map((build, index) => {
    post({ id, kind: "build-started", index, total: builds.length });
    return runOnBuild(source, build, { filename: FILENAME });
  });
  const groups = groupByOutput(outcomes).map((group) => ({
    builds: buildsText(
      group.map((o) => o.build),
      BUILD_WORDS[request.lang],
    ),
    profiles: group.map((o) => o.build.profile),
    ...textOf(group[0] as BuildOutcome),
  }));
  post({ id, kind: "every-build", groups });
});
