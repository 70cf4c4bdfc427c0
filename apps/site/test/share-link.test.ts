// Shared links are a stranger's input: a link that inflates past the cap, or that is damaged, is
// refused with the reason, and a good one round-trips. (Node has the same CompressionStream.)
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { decodeEdit, encodeEdit, ShareLinkError } from "../src/client/share.js";
import { SHARED_EDIT_MAX_BYTES, SHARED_LINK_MAX_CHARS } from "../src/lib/limits.js";

const base64url = (b: Uint8Array) => Buffer.from(b).toString("base64url");

async function problemOf(encoded: string): Promise<string> {
  try {
    await decodeEdit(encoded);
    return "opened";
  } catch (e) {
    if (e instanceof ShareLinkError) return e.problem;
    throw e;
  }
}

describe("shared links", () => {
  it("round-trip an edit", async () => {
    const text = `describe("t", () => {});\n// 中文 ✓\n${"x".repeat(10_000)}`;
    expect(await decodeEdit(await encodeEdit(text))).toBe(text);
  });

  it("refuse a small link that inflates past the cap (a decompression bomb), without inflating it all", async () => {
    const bomb = base64url(deflateRawSync(Buffer.alloc(100 * 1024 * 1024, 0x61), { level: 9 }));
    expect(bomb.length).toBeLessThan(SHARED_LINK_MAX_CHARS);
    const before = process.memoryUsage().arrayBuffers;
    expect(await problemOf(bomb)).toBe("too-large");
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * 1024 * 1024);
    // Just at the cap opens; one byte more does not.
    expect(await problemOf(base64url(deflateRawSync(Buffer.alloc(SHARED_EDIT_MAX_BYTES, 0x61))))).toBe(
      "opened",
    );
    expect(await problemOf(base64url(deflateRawSync(Buffer.alloc(SHARED_EDIT_MAX_BYTES + 1, 0x61))))).toBe(
      "too-large",
    );
  });

  it("refuse a link longer than the cap before decoding it", async () => {
    expect(await problemOf("A".repeat(SHARED_LINK_MAX_CHARS + 4))).toBe("too-large");
  });

  it("say that a damaged link is damaged: not base64url, not deflate, cut short, not UTF-8", async () => {
    const good = await encodeEdit("describe('shared', () => {});\n".repeat(20));
    expect(await problemOf("not*base64")).toBe("damaged");
    expect(await problemOf("%3Cscript%3E")).toBe("damaged");
    expect(await problemOf(base64url(new TextEncoder().encode("plain text, not deflate")))).toBe("damaged");
    expect(await problemOf(good.slice(0, Math.floor(good.length / 2)))).toBe("damaged");
    expect(await problemOf(base64url(deflateRawSync(Buffer.from([0xff, 0xfe, 0x80]))))).toBe("damaged");
  });
});
