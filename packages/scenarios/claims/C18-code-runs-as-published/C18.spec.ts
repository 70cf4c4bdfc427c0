// C18: "the article's example code runs as published", judged by the source rules for every profile.
import { PROFILES } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { minorVersion, type VerdictKind, verdictFor } from "../../src/claim.js";
import { articleCodeLines } from "./article-code.js";
import claim from "./claim.js";
import {
  c18Facts,
  encodingError,
  indentationError,
  NON_ASCII,
  NotModelledSourceError,
  sourceError,
} from "./model.js";

describe("C18: the article's example code runs as published", () => {
  it.each(PROFILES.map((p) => [p.id, p] as const))("%s: the stated verdict is the model's", (id, p) => {
    const { outcomes } = c18Facts(minorVersion(p));
    // The rules accept the code once fixed, so a "wrong" below is about the code, not a rule refusing all.
    expect(outcomes.get("indentation fixed, with a coding line")).toBeUndefined();
    const verdict: VerdictKind = outcomes.get("as published") === undefined ? "holds" : "wrong";
    expect(verdictFor(claim, id)?.verdict).toBe(verdict);
  });

  it("reads the article's 21 lines from the witness helper, indentation and all", () => {
    const lines = articleCodeLines();
    expect(lines).toHaveLength(21);
    expect([lines[0], lines[3], lines[13], lines[20]]).toEqual([
      "import sys",
      "  a = 10",
      "class Person:",
      "print('over')        ",
    ]);
  });
});

describe("C18's rules", () => {
  it("indentation: a deeper statement needs a header ending in ':' above it", () => {
    expect(indentationError(["if x:", "    y = 1", "z = 2"])).toBeUndefined();
    expect(indentationError(["x = 1", "  y = 2"])).toEqual({
      kind: "IndentationError",
      line: 2,
      reason: "unexpected indent",
    });
    expect(indentationError(["if x:", "    y = 1", "  z = 2"])?.reason).toBe(
      "unindent does not match any outer indentation level",
    );
  });

  it("indentation: blank, whitespace-only and comment-only lines do not count", () => {
    expect(indentationError(["x = 1", "      # deeper", "    ", "", "y = 2"])).toBeUndefined();
    expect(indentationError(["x = 1  # a comment ending in ':'", "  y = 2"])?.line).toBe(2);
  });

  it("indentation: a line continued onto the next is not modelled", () => {
    expect(() => indentationError(["x = [1,", "  2]"])).toThrow(NotModelledSourceError);
  });

  it("encoding: 2.7 refuses the first non-ASCII line unless line 1 or 2 declares a coding; 3.x reads UTF-8", () => {
    const source = ["x = 1", "# 注释", "y = '字'"];
    expect(encodingError(source, 2)).toEqual({ kind: "SyntaxError", line: 2, reason: NON_ASCII });
    expect(encodingError(["#!/usr/bin/env python", "# -*- coding: utf-8 -*-", ...source], 2)).toBeUndefined();
    expect(encodingError(["x = 1", "y = 2", "# coding: utf-8", "# 注释"], 2)?.line).toBe(4);
    expect(encodingError(source, 3)).toBeUndefined();
  });

  it("2.7 reads a line's bytes before it tokenizes the line: the earlier error wins, encoding on a tie", () => {
    expect(sourceError(["x = 1", "  y = '字'"], 2)?.kind).toBe("SyntaxError");
    expect(sourceError(["x = 1", "  y = 2", "# 注释"], 2)?.kind).toBe("IndentationError");
    expect(sourceError(["x = 1", "  y = '字'"], 3)?.kind).toBe("IndentationError");
  });
});
