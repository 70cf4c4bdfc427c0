// The site's interface strings in both languages. Prose lives in the MDX pages; these are the words
// the components put around the data (labels, buttons, verdict names).
import type { VerdictKind } from "@pymem/scenarios";
import type { BuildKind } from "./evidence.js";
import {
  MODEL_BUILD_LIMIT_MS,
  PYODIDE_LOAD_LIMIT_MS,
  PYODIDE_OUTPUT_LIMIT_CHARS,
  PYODIDE_RUN_LIMIT_MS,
  SHARED_EDIT_MAX_BYTES,
  SPEC_MESSAGE_LIMIT,
  SPEC_OUTPUT_LIMIT_CHARS,
  SPEC_RUN_LIMIT_MS,
  SPEC_STEP_LIMIT_MS,
  seconds,
} from "./limits.js";
import type { Lang } from "./sections.js";

const step = seconds(SPEC_STEP_LIMIT_MS);
const whole = seconds(SPEC_RUN_LIMIT_MS);
const pyLoad = seconds(PYODIDE_LOAD_LIMIT_MS);
const pyRun = seconds(PYODIDE_RUN_LIMIT_MS);
const pyOutput = PYODIDE_OUTPUT_LIMIT_CHARS.toLocaleString("en");
const modelBuild = seconds(MODEL_BUILD_LIMIT_MS);
const messages = SPEC_MESSAGE_LIMIT.toLocaleString("en");
const outputChars = SPEC_OUTPUT_LIMIT_CHARS.toLocaleString("en");
const sharedKb = SHARED_EDIT_MAX_BYTES / 1024;

const en = {
  claimsHeading: "Claims checked in this section",
  noClaims: "No claim of this section has been checked yet.",
  /** Where the article says it: `section` is 0 for the opening, else 1–3; paragraphs count from 1. */
  articleSays: (section: number, paragraph: number) =>
    section === 0
      ? "What the article says in its opening, in our words"
      : `What the article says (section ${section}, paragraph ${paragraph}), in our words`,
  beliefSays: "Beyond the article: a common belief, in our words",
  verdictsHeading: "Verdict by CPython build",
  why: "Why",
  since: "stopped holding in",
  sources: "Where CPython decides it",
  specHeading: "The spec",
  specAsksWitness:
    "What it asks the model about: the witness below, witness.py, which the model runs on every build (change it in the playground under the witness)",
  specAsksModel:
    "What it asks the model about: model.ts, the model's program for this claim (its first lines say why it is not the witness itself)",
  specIntro:
    "This is the file the test suite runs. It asks the model the question for every CPython build and checks that the stated verdict is the model's answer.",
  editRun: "Edit and run",
  run: "Run",
  reset: "Reset",
  share: "Copy link",
  shareDone: "Link copied",
  shareFallback: "Link to this edit:",
  editorLabel: (file: string) => `Spec ${file}, editable. Ctrl+Enter runs it; Escape leaves the editor.`,
  /** On touch screens, where there are no keys to name. */
  touchEditorLabel: (file: string) => `Spec ${file}, editable.`,
  loadingEditor: "Loading the editor…",
  running: "Running…",
  keysHint: "Ctrl+Enter runs the spec, Escape leaves the editor. Your edits are kept in this browser.",
  touchHint: "Tap Run to run the spec again. Your edits are kept in this browser.",
  scrollHint: "Scroll sideways to see the whole table.",
  gridNotesLead:
    "The verdict tables have a column per CPython release line; these columns stand for something else:",
  results: "Results",
  consoleOutput: "Console output",
  heaps: "Heaps the tests left",
  heapText: {
    legend:
      "Each row is an arena, each cell one of its pools. A pool's colour is its size class; the filled part is the share of its blocks in use; an outline alone is a pool whose blocks are all free; grey cells were never used.",
    title: "Heap at the end of",
    arenasMapped: "arenas mapped",
    drawn: "drawn",
    arena: "arena",
    released: "released to the OS",
  },
  passed: "passed",
  failed: "failed",
  failedAlike: "{n} tests fail alike (names folded here):",
  skipped: "skipped",
  stopped: {
    step: `Stopped after ${step} s: a test (or loading the spec) ran that long without finishing, so its worker was ended (an endless loop or a runaway allocation?). The page keeps working; edit and run again.`,
    run: `Stopped after ${whole} s: the whole run took that long, so its worker was ended. The page keeps working; edit and run again.`,
    messages: `Stopped: the spec sent this page more than ${messages} messages, so its worker was ended. The page keeps working; edit and run again.`,
    output: `Output cut: this run put out more than ${outputChars} characters of text (test names, failures, console output), more than this page shows of one run, so the rest is not shown. The summary counts every test.`,
  },
  refused:
    "Stopped: the spec's worker sent this page a message it does not accept (code that replaces the runner's messages?), so it was ended and nothing it sent is shown.",
  stoppedIn: "Still running when stopped:",
  stoppedLoading: "loading the spec",
  crashed: "The worker running the spec crashed:",
  loadError: "The spec did not load:",
  line: "line",
  restored: "Your edit of this spec was restored.",
  sharedRestored: "This spec was opened from a shared link.",
  sharedKeepsYours: "Your own saved edit is kept: changes here are not saved over it unless you choose.",
  openYours: "Open my saved edit",
  keepShared: "Keep this version instead",
  sharedTooLarge: `The shared link holds more text than a spec editor opens (${sharedKb} KB), so it was not opened; this is the spec without it.`,
  sharedDamaged:
    "The shared link is damaged (cut short or changed), so it was not opened; this is the spec without it.",
  pyodideStopped: `Stopped: loading Pyodide took more than ${pyLoad} s, or the program ran more than ${pyRun} s, so its sandbox was ended. The page keeps working; run again.`,
  pyodideCrashed: "Pyodide stopped unexpectedly:",
  pyodideCut: `Only the first ${pyOutput} characters of each of its outputs are shown.`,
  witnessHeading: "On real interpreters",
  witnessIntro:
    "The witness below is a short Python program. Its output was recorded on every interpreter of the build machine and compared with what the model predicts for that interpreter.",
  printed: "printed",
  agrees: "as the model predicts",
  differs: "differs from the model",
  notApplicable: "not applicable",
  predicted: "The model predicted",
  noRecording: "No recording yet: run `pnpm oracle record` for this claim.",
  runPyodide: "Run on Pyodide",
  pyodideVersion: "Python version",
  pyodideLoading:
    "Loading Pyodide in a sandbox of its own (its files, a few MB, are fetched once per version)…",
  pyodideOutput: "Pyodide printed",
  modelPrediction: "Model predicts",
  match: "The output is what the model predicts.",
  mismatch: "The output differs from the model's prediction.",
  noPrediction: "The model makes no prediction here:",
  needsPymalloc: "this claim needs pymalloc, and Pyodide is built without it.",
  pyodideNote:
    "Pyodide is CPython compiled to WebAssembly (32-bit pointers, no pymalloc). It is loaded from this site only when you press the button.",
  playground: {
    legend: "Run it here, or change it and run your own Python",
    note: "The model runs the program on every CPython build it has (2.7 to 3.15, 64-bit and 32-bit) in this page, and shows each different output once, with the builds that print it.",
    edit: "Edit the Python",
    runModel: "Run on the model",
    reset: "Reset",
    editorLabel: "Python program (Ctrl+Enter runs it on the model, Escape leaves the editor)",
    modelRunning: "Running on the model of every build…",
    sameOnAll: "All {n} builds print the same.",
    differsOn: "The {n} builds print {k} different outputs. Choose a group of builds to see what it prints:",
    printed: "print",
    exception: "and end with an exception:",
    refused: "The model does not answer here:",
    failed: "The model failed (a bug in pymem, please report it):",
    stopped: `Stopped: {done} of {total} builds had run when the next took longer than ${modelBuild} s. Is there an endless loop?`,
    crashed: "The model stopped:",
    stepThrough: "Step through",
    restored: "Your edit from an earlier visit (kept in this browser). Reset goes back to the original.",
    articleTitle: "the article's example, indentation fixed",
    sharedOpened:
      "Opened from a shared link. It runs only when you press a run button (on Pyodide, in a sandbox of its own), and is not saved (your own edit, if any, stays as it was) unless you keep it:",
    keepShared: "Keep this version",
    sharedKept: "Kept as your edit in this browser.",
    sharedDamaged: "The shared link is damaged (cut short or changed), so it was not opened.",
    sharedTooLarge: `The shared link holds more text than the editor opens (${sharedKb} KB), so it was not opened.`,
    programNoPrediction:
      "The model does not run this program to its end on this build, so it predicts nothing.",
    articleNoPrediction:
      "The model makes no prediction here: before 3.12 the count of the int 10 includes references the interpreter holds elsewhere, which it cannot know.",
    tracing: "Tracing the program on the model…",
    traceOf: "Step by step on {build}: {n} steps",
    traceCut: "Only the first {n} statements are kept.",
    stepAt: "Step {k} of {n}, after line {line}",
    stepFirst: "First step",
    stepBack: "Step back",
    stepForward: "Step forward",
    stepLast: "Last step",
    stepSlider: "Step",
    printedSoFar: "Printed so far:",
    nothingPrinted: "(nothing yet)",
    graphTitle: "Names and objects after line {line}",
    graphDescription:
      "Each name points to its object; each object shows its reference count as the model keeps it, and points to the objects it refers to. Outlined in red: no name reaches it.",
    noSteps: "The program ran no statement.",
    program: "The program, the line just run marked",
    poolsTitle: "pymalloc's arenas and pools after line {line}",
    poolsNote:
      "pymalloc after this step, on the same build: each row is an arena, each cell one of its pools; a pool's colour is its size class and the filled part the share of its blocks in use; grey cells are not carved yet. From the start the model holds one block in each size class's first pool, as CPython's start-up leaves blocks in every class.",
  },
  verdict: {
    holds: "holds",
    partly: "partly",
    wrong: "wrong",
    outdated: "outdated",
  } satisfies Record<VerdictKind, string>,
  unknownVerdict: "no verdict",
  doesNotApply: "does not apply",
  mimallocColumnTitle: "builds whose objects come from mimalloc: free-threaded, or PYTHONMALLOC=mimalloc",
  withoutPymallocReason:
    "No object comes from pymalloc in these builds: Objects/obmalloc.c (3.13+) makes mimalloc the allocator of a free-threaded build's memory and objects, and PYTHONMALLOC=mimalloc does the same in a default build. The witness, run with PYTHONMALLOC=mimalloc (letter M above), prints it.",
  build64: "64-bit",
  build32: "32-bit",
  debugBuild: "debug build",
  freeThreadedBuild: "free-threaded",
  /** Between a build's chip and the text after it: a space in English, none in Chinese. */
  wordGap: " ",
  buildKindNames: {
    native: "CPython, native",
    debug: "debug build",
    freeThreaded: "free-threaded build",
    mimalloc: "run with PYTHONMALLOC=mimalloc",
    pyodide: "Pyodide",
  } satisfies Record<BuildKind, string>,
  judgesLead:
    "Under each verdict, a letter for every real build whose witness output was recorded; each links to what it printed:",
  judgesMarks:
    "Underlined: printed what the model predicts. Grey: recorded, not judged by the model (it has no profile of that build, or the claim needs pymalloc). Where one row stands for both word sizes, the 32-bit builds' letters are on the second line.",
  overviewClaim: "Claim",
  overviewSection: "Page",
  stepProgram: "The program",
  stepPrevious: "Previous",
  stepNext: "Next",
  stepSlider: "Step",
  /** "Step {k} of {n}": the script fills in k and n. */
  stepOf: "Step {k} of {n}",
  stepNumber: (k: number) => `Step ${k}`,
  stepNothing: "nothing yet",
  stepHint:
    "Step with Previous and Next, the slider or the arrow keys; Home and End go to the first and last step.",
  stepYourself: "Step through this program yourself: on any build the model has, and with your own changes",
  /** Search found nothing in this language; the list of the other language's pages follows. */
  searchOtherLanguage: "No English page matches. These Chinese pages do:",
  apiEnglishOnly:
    "The API reference is generated from the source code and doc comments of @pymem/core, and is written in English only.",
  apiReadInEnglish: "This page in English:",
  pageNames: {
    intro: "Introduction",
    gc: "Garbage collection",
    refcount: "Reference counting",
    pools: "Memory pools",
    objects: "Object allocators",
    verdicts: "All verdicts",
  },
};

type Strings = typeof en;

const zh: Strings = {
  claimsHeading: "本节核查的说法",
  noClaims: "本节的说法还没有核查。",
  articleSays: (section: number, paragraph: number) =>
    section === 0
      ? "原文开头的说法（用我们的话转述）"
      : `原文第${"一二三四五六七八九"[section - 1]}节第 ${paragraph} 段的说法（用我们的话转述）`,
  beliefSays: "原文之外：一个常见的说法（用我们的话转述）",
  verdictsHeading: "各 CPython 构建上的结论",
  why: "理由",
  since: "失效版本",
  sources: "CPython 源码中的出处",
  specHeading: "规格代码",
  specAsksWitness:
    "它向模型询问的程序：下面的见证程序 witness.py，模型在每个构建上运行它（可在见证程序下方的演练场中修改它）",
  specAsksModel:
    "它向模型询问的程序：model.ts，即模型为这条说法编写的程序（它开头的几行说明了为什么不直接用见证程序）",
  specIntro:
    "这就是测试套件运行的文件：它针对每个 CPython 构建向模型提出同一个问题，并检查标注的结论与模型的回答一致。",
  editRun: "编辑并运行",
  run: "运行",
  reset: "还原",
  share: "复制链接",
  shareDone: "链接已复制",
  shareFallback: "本次修改的链接：",
  editorLabel: (file: string) => `规格文件 ${file}，可编辑。Ctrl+Enter 运行，Esc 离开编辑器。`,
  touchEditorLabel: (file: string) => `规格文件 ${file}，可编辑。`,
  loadingEditor: "正在加载编辑器…",
  running: "运行中…",
  keysHint: "Ctrl+Enter 运行规格，Esc 离开编辑器。你的修改会保存在本浏览器中。",
  touchHint: "点“运行”即可再次运行规格。你的修改会保存在本浏览器中。",
  scrollHint: "左右滑动可查看整张表。",
  gridNotesLead: "结论表按 CPython 版本系列分列；以下几列另有所指：",
  results: "结果",
  consoleOutput: "控制台输出",
  heaps: "各测试结束时留下的堆",
  heapText: {
    legend:
      "每一行是一个 arena，每个格子是其中的一个池。颜色表示池的尺寸类别，填充部分表示使用中的块所占比例；只有边框的是块全部空闲的池；灰色格子从未使用。",
    title: "测试结束时的堆：",
    arenasMapped: "已映射的 arena",
    drawn: "个已画出",
    arena: "arena",
    released: "已还给操作系统",
  },
  passed: "通过",
  failed: "失败",
  failedAlike: "{n} 个测试以相同的方式失败（名字折叠在这里）：",
  skipped: "跳过",
  stopped: {
    step: `${step} 秒后已停止：某个测试（或规格的加载）运行了 ${step} 秒仍未结束，执行它的 worker 已被终止（可能是死循环或失控的内存分配）。页面仍可正常使用，修改后可再次运行。`,
    run: `${whole} 秒后已停止：整个运行用了这么久，执行它的 worker 已被终止。页面仍可正常使用，修改后可再次运行。`,
    messages: `已停止：这段规格向页面发送了超过 ${messages} 条消息，执行它的 worker 已被终止。页面仍可正常使用，修改后可再次运行。`,
    output: `输出已截断：这次运行产生了超过 ${outputChars} 个字符的文字（测试名称、失败信息、控制台输出），超出了页面对一次运行显示的上限，其余部分不再显示。摘要仍统计全部测试。`,
  },
  refused:
    "已停止：运行规格的 worker 向页面发送了页面不接受的消息（可能有代码替换了运行器的消息），因此已被终止，它发送的内容一概不显示。",
  stoppedIn: "停止时仍在运行：",
  stoppedLoading: "加载规格",
  crashed: "运行规格的 worker 崩溃了：",
  loadError: "规格无法加载：",
  line: "行",
  restored: "已恢复你对这段规格的修改。",
  sharedRestored: "这段规格来自分享的链接。",
  sharedKeepsYours: "你自己保存的修改仍然保留：除非你选择，这里的改动不会覆盖它。",
  openYours: "打开我保存的修改",
  keepShared: "改为保留这个版本",
  sharedTooLarge: `分享的链接所含文本超过编辑器可打开的上限（${sharedKb} KB），因此没有打开；这里显示的是不含该链接内容的规格。`,
  sharedDamaged: "分享的链接已损坏（被截断或被改动），因此没有打开；这里显示的是不含该链接内容的规格。",
  pyodideStopped: `已停止：加载 Pyodide 超过 ${pyLoad} 秒，或程序运行超过 ${pyRun} 秒，运行它的沙箱已被终止。页面仍可正常使用，可再次运行。`,
  pyodideCrashed: "Pyodide 意外停止：",
  pyodideCut: `每种输出只显示前 ${pyOutput} 个字符。`,
  witnessHeading: "在真实解释器上",
  witnessIntro:
    "下面的见证程序是一段简短的 Python 代码。它在构建机器的每个解释器上的输出都已记录，并与模型对该解释器的预测逐一比对。",
  printed: "输出",
  agrees: "与模型预测一致",
  differs: "与模型预测不同",
  notApplicable: "不适用",
  predicted: "模型的预测",
  noRecording: "尚无记录：请为此说法运行 `pnpm oracle record`。",
  runPyodide: "在 Pyodide 上运行",
  pyodideVersion: "Python 版本",
  pyodideLoading: "正在把 Pyodide 加载到它自己的沙箱中（它的文件有数 MB，每个版本只下载一次）…",
  pyodideOutput: "Pyodide 的输出",
  modelPrediction: "模型预测",
  match: "输出与模型的预测一致。",
  mismatch: "输出与模型的预测不同。",
  noPrediction: "模型在这里不做预测：",
  needsPymalloc: "这条说法需要 pymalloc，而 Pyodide 构建时没有启用它。",
  pyodideNote:
    "Pyodide 是编译成 WebAssembly 的 CPython（32 位指针，没有 pymalloc）。只有在你点击按钮时，才会从本站加载。",
  playground: {
    legend: "在这里运行，或改成你自己的 Python 再运行",
    note: "模型在本页中把程序放到它的每个 CPython 构建上运行（2.7 到 3.15，64 位和 32 位），每种不同的输出只显示一次，并列出输出它的构建。",
    edit: "编辑 Python 代码",
    runModel: "在模型上运行",
    reset: "恢复",
    editorLabel: "Python 程序（Ctrl+Enter 在模型上运行，Esc 离开编辑器）",
    modelRunning: "正在每个构建的模型上运行…",
    sameOnAll: "全部 {n} 个构建的输出相同。",
    differsOn: "这 {n} 个构建共有 {k} 种不同的输出。选择一组构建，查看它的输出：",
    printed: "的输出",
    exception: "并以异常结束：",
    refused: "模型在这里不作回答：",
    failed: "模型出错了（这是 pymem 的 bug，请报告）：",
    stopped: `已停止：{total} 个构建中已有 {done} 个运行完毕，下一个运行超过了 ${modelBuild} 秒。是否有死循环？`,
    crashed: "模型停止了：",
    stepThrough: "单步执行",
    restored: "这是你上次访问时的修改（保存在本浏览器中）。点“恢复”可回到原来的程序。",
    articleTitle: "文章的示例（缩进已修正）",
    sharedOpened:
      "这是从分享链接打开的程序。只有在你点击运行按钮时它才会运行（在 Pyodide 上则在独立的沙箱中），而且不会被保存（你自己的修改如有，保持不变），除非你选择保留：",
    keepShared: "保留这个版本",
    sharedKept: "已作为你的修改保存在本浏览器中。",
    sharedDamaged: "分享的链接已损坏（被截断或被改动），因此没有打开。",
    sharedTooLarge: `分享的链接所含文本超过编辑器可打开的上限（${sharedKb} KB），因此没有打开。`,
    programNoPrediction: "模型在这个构建上不会把这个程序运行到结束，因此不做预测。",
    articleNoPrediction:
      "模型在这里不做预测：3.12 之前，整数 10 的计数包含解释器在别处持有的引用，模型无从得知。",
    tracing: "正在模型上跟踪程序…",
    traceOf: "在 {build} 上单步执行：共 {n} 步",
    traceCut: "只保留了前 {n} 条语句。",
    stepAt: "第 {k} 步，共 {n} 步，第 {line} 行之后",
    stepFirst: "第一步",
    stepBack: "后退一步",
    stepForward: "前进一步",
    stepLast: "最后一步",
    stepSlider: "步骤",
    printedSoFar: "目前的输出：",
    nothingPrinted: "（尚无输出）",
    graphTitle: "第 {line} 行之后的名字和对象",
    graphDescription:
      "每个名字指向它的对象；每个对象显示模型记录的引用计数，并指向它引用的对象。红色边框：没有名字能到达它。",
    noSteps: "程序没有执行任何语句。",
    program: "程序，刚执行的行已标出",
    poolsTitle: "第 {line} 行之后 pymalloc 的 arena 和池",
    poolsNote:
      "同一构建上这一步之后的 pymalloc：每一行是一个 arena，每个格子是其中的一个池；颜色表示池的尺寸类别，填充部分表示使用中的块所占比例；灰色格子尚未划分。模型从一开始就在每个尺寸类别的第一个池中保留一个块，因为 CPython 启动时在每个类别中都留下了块。",
  },
  verdict: {
    holds: "成立",
    partly: "部分成立",
    wrong: "错误",
    outdated: "已过时",
  },
  unknownVerdict: "无结论",
  doesNotApply: "不适用",
  mimallocColumnTitle: "对象由 mimalloc 分配的构建：自由线程版，或 PYTHONMALLOC=mimalloc",
  withoutPymallocReason:
    "这些构建中没有对象由 pymalloc 分配：Objects/obmalloc.c（3.13+）让自由线程构建的内存和对象都由 mimalloc 分配，默认构建设置 PYTHONMALLOC=mimalloc 后也是如此。以 PYTHONMALLOC=mimalloc 运行的见证程序（上表中的字母 M）打印出了这一点。",
  build64: "64 位",
  build32: "32 位",
  debugBuild: "调试版",
  freeThreadedBuild: "自由线程版",
  wordGap: "",
  buildKindNames: {
    native: "原生 CPython",
    debug: "调试版",
    freeThreaded: "自由线程版",
    mimalloc: "以 PYTHONMALLOC=mimalloc 运行",
    pyodide: "Pyodide",
  },
  judgesLead: "每个结论下方的字母代表记录了见证程序输出的真实构建，点击可查看它打印的内容：",
  judgesMarks:
    "带下划线：输出与模型预测一致。灰色：有记录，但模型未判定（模型没有该构建的配置，或该论断需要 pymalloc）。一行同时代表 64 位和 32 位构建时，第二行字母是 32 位构建。",
  overviewClaim: "说法",
  overviewSection: "页面",
  stepProgram: "程序",
  stepPrevious: "上一步",
  stepNext: "下一步",
  stepSlider: "步骤",
  stepOf: "第 {k} 步，共 {n} 步",
  stepNumber: (k: number) => `第 ${k} 步`,
  stepNothing: "暂无",
  stepHint: "用“上一步”“下一步”、滑块或方向键切换；Home 和 End 跳到第一步和最后一步。",
  stepYourself: "自己单步执行这个程序：可以选模型的任何构建，也可以改动它",
  searchOtherLanguage: "没有中文页面包含这些词。以下英文页面包含：",
  apiEnglishOnly: "API 参考由 @pymem/core 的源代码和文档注释生成，只有英文版。",
  apiReadInEnglish: "这一页的英文版：",
  pageNames: {
    intro: "引言",
    gc: "垃圾回收",
    refcount: "引用计数",
    pools: "内存池",
    objects: "对象分配器",
    verdicts: "全部结论",
  },
};

export function strings(lang: Lang): Strings {
  return lang === "en" ? en : zh;
}

/** The claim's text in the page's language. */
export function pick(text: { en: string; zh: string }, lang: Lang): string {
  return lang === "en" ? text.en : text.zh;
}
