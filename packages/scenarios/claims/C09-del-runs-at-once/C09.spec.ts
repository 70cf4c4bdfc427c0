// C09: "getrefcount is 2 and del runs __del__ before the next line", judged by the model.
import { PROFILES } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { verdictFor } from "../../src/claim.js";
import claim from "./claim.js";
import { c09Output } from "./model.js";

describe("C09: __del__ runs when the last reference goes", () => {
  it.each(PROFILES.map((p) => [p.id, p] as const))("%s: the stated verdict is the model's", (id, p) => {
    const lines = c09Output(`${p.python[0]}.${p.python[1]}`, p.pointerSize).trim().split("\n");
    const holds = lines[0] === "getrefcount: 2" && lines.indexOf("__del__ runs") < lines.indexOf("over");
    expect(verdictFor(claim, id)?.verdict).toBe(holds ? "holds" : "wrong");
  });
});
