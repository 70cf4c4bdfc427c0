import { defineClaim, profilesWhere } from "../../src/claim.js";
import { c18Output } from "./model.js";

const fixed = {
  en:
    " Once the lines above `class Person:` lose their two leading spaces the program runs to its end on every " +
    "version (2.7 also needs a coding line); the witness writes each variant to a file and runs it with " +
    "sys.executable (on Pyodide, which starts no processes, it imports the file).",
  zh:
    "把 `class Person:` 之前各行开头的两个空格删掉后，程序在所有版本上都能运行到最后（2.7 还需要加一行编码声明）；" +
    "见证程序把每种写法写入文件，用 sys.executable 运行（Pyodide 不能启动进程，改为导入该文件）。",
};

export default defineClaim({
  id: "C18",
  section: "§2",
  paragraph: 4,
  title: {
    en: "The example code runs as published",
    zh: "示例代码照原样就能运行",
  },
  claim: {
    en:
      "The article's reference-counting example (the lines from `import sys` to `print('over')`) is a program " +
      "a reader can save and run as it is printed.",
    zh: "文章中引用计数一节的示例代码（从 `import sys` 到 `print('over')`）可以照原样保存下来直接运行。",
  },
  verdicts: [
    {
      profiles: profilesWhere({ before: "3.0" }),
      verdict: "wrong",
      reason: {
        en:
          "2.7 refuses the file before any indentation is looked at: without a coding declaration a source is " +
          "ASCII (PEP 263), and the tokenizer stops at the first line holding another byte, the Chinese comment on " +
          "line 3 (SyntaxError, Parser/tokenizer.c, decoding_fgets). With `# -*- coding: utf-8 -*-` added, it " +
          "stops at the next problem: IndentationError: unexpected indent on line 5, the first indented statement." +
          fixed.en,
        zh:
          "2.7 还没检查缩进就拒绝了这个文件：没有编码声明时源文件按 ASCII 读取（PEP 263），分词器读到第一个含非 ASCII " +
          "字节的行（第 3 行的中文注释）就报 SyntaxError（Parser/tokenizer.c 的 decoding_fgets）。加上 " +
          "`# -*- coding: utf-8 -*-` 之后又卡在下一个问题：第 5 行，也就是第一条缩进的语句，报 " +
          "IndentationError: unexpected indent。" +
          fixed.zh,
      },
    },
    {
      profiles: profilesWhere({ from: "3.0" }),
      verdict: "wrong",
      reason: {
        en:
          "Python 3 reads source as UTF-8 (PEP 3120), so the Chinese is no problem, but line 4, `a = 10`, is " +
          "indented two spaces under `import sys`, which opens no block: the tokenizer emits an INDENT token there, " +
          "the grammar takes one only after a compound statement's header (a line ending in ':'), and the file " +
          "fails with IndentationError: unexpected indent on line 4 before any line runs (3.6–3.8: " +
          "Python/pythonrun.c, err_input; 3.9+: the PEG parser, Parser/pegen.c, _PyPegen_run_parser). The comment on line 3 is indented " +
          "too, but comment-only lines do not count." +
          fixed.en,
        zh:
          "Python 3 默认按 UTF-8 读取源文件（PEP 3120），中文没有问题；但第 4 行 `a = 10` 相对 `import sys` 缩进了两个空格，" +
          "而前一行并不开启代码块：分词器在这里产生 INDENT 记号，语法只允许它出现在复合语句头（以冒号结尾的行）之后，" +
          "于是还没有执行任何一行，就在第 4 行报 IndentationError: unexpected indent（3.6–3.8 见 Python/pythonrun.c 的 " +
          "err_input；3.9 起为 PEG 解析器，见 Parser/pegen.c 的 _PyPegen_run_parser）。第 3 行的注释也有缩进，但只含注释的行不参与缩进判断。" +
          fixed.zh,
      },
    },
  ],
  refs: [
    { file: "Parser/tokenizer.c", symbol: "decoding_fgets", versions: "2.7" },
    { file: "Parser/tokenizer.c", symbol: "tok_get", versions: "2.7–3.11" },
    { file: "Parser/tokenizer.c", symbol: "tok_get_normal_mode", versions: "3.12" },
    { file: "Parser/lexer/lexer.c", symbol: "tok_get_normal_mode", versions: "3.13+" },
    { file: "Python/pythonrun.c", symbol: "err_input", versions: "2.7–3.8" },
    { file: "Parser/pegen.c", symbol: "_PyPegen_run_parser", versions: "3.9+" },
    { file: "Parser/pegen_errors.c", symbol: "_PyPegen_set_syntax_error", versions: "3.11+" },
  ],
  tags: ["source-text", "version-dependent"],
  predictWitness: ({ version }) => c18Output(version),
});
