// Edits shared as URLs: the text deflated (CompressionStream, built into browsers) and written in
// base64url, so a changed spec of a few KB fits in a link. Nothing is sent anywhere. A link is a
// stranger's input: its length and what it inflates to are capped (lib/limits.ts), and a link that is
// damaged or too large says so instead of opening.
import { SHARED_EDIT_MAX_BYTES, SHARED_LINK_MAX_CHARS } from "../lib/limits.js";
import { type EditKind, SHARE_PREFIX } from "./edits.js";

/** Why a shared link could not be opened. */
export type ShareLinkProblem = "too-large" | "damaged";

export class ShareLinkError extends Error {
  constructor(
    readonly problem: ShareLinkProblem,
    detail: string,
  ) {
    super(`shared link ${problem === "too-large" ? "too large" : "damaged"}: ${detail}`);
    this.name = "ShareLinkError";
  }
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const out = new Response(
    new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream("deflate-raw")),
  );
  return new Uint8Array(await out.arrayBuffer());
}

/** Inflates at most `limit` bytes: reading stops, and the stream is cancelled, as soon as there are more. */
async function inflate(bytes: Uint8Array, limit: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream("deflate-raw"))
    .getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        throw new ShareLinkError("too-large", `it holds more than ${limit} bytes of text`);
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof ShareLinkError) throw e;
    throw new ShareLinkError("damaged", "its data is not a compressed text");
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  // base64url without padding: a length of 1 mod 4 cannot be whole bytes.
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1)
    throw new ShareLinkError("damaged", "its text is not base64url");
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export async function encodeEdit(text: string): Promise<string> {
  return toBase64Url(await deflate(new TextEncoder().encode(text)));
}

/** The text of a shared edit; a ShareLinkError when the link is too large or damaged. */
export async function decodeEdit(encoded: string): Promise<string> {
  if (encoded.length > SHARED_LINK_MAX_CHARS)
    throw new ShareLinkError("too-large", `it is longer than ${SHARED_LINK_MAX_CHARS} characters`);
  const bytes = await inflate(fromBase64Url(encoded), SHARED_EDIT_MAX_BYTES);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ShareLinkError("damaged", "its text is not UTF-8");
  }
}

/**
 * The address of this page that opens `text` in an editor: the claim's spec ("spec"), or the Python of
 * a playground ("python"; `key` is the playground's, a claim id or a section program's name).
 */
export async function shareUrl(key: string, text: string, kind: EditKind = "spec"): Promise<string> {
  const url = new URL(location.href);
  url.hash = `${SHARE_PREFIX[kind]}=${key}:${await encodeEdit(text)}`;
  return url.toString();
}
