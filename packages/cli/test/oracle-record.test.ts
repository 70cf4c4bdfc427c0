// pymem oracle record writes each recording in one step (a temporary file renamed into place), so the
// tests and the site never read half a file.
import { fstatSync, openSync, readdirSync, readFileSync, statSync } from "node:fs";
import { RECORDINGS_DIR, type Recording, recordingPath } from "@pymem/scenarios/node";
import { describe, expect, it } from "vitest";
import { oracleRecordCommand, writeRecording } from "../src/oracle-record.js";

describe("pymem oracle record", () => {
  it("replaces a recording by a new file, never rewriting the one a reader has open", () => {
    const path = recordingPath("C09");
    const text = readFileSync(path, "utf8");
    const recording = JSON.parse(text) as Recording;
    // Rewriting the committed recording must leave it as it is.
    expect(`${JSON.stringify(recording, null, 2)}\n`).toBe(text);
    const reader = openSync(path, "r");
    const before = fstatSync(reader).ino;
    writeRecording(recording);
    expect(statSync(path).ino).not.toBe(before);
    expect(readFileSync(reader, "utf8")).toBe(text);
    expect(readFileSync(path, "utf8")).toBe(text);
    expect(readdirSync(RECORDINGS_DIR).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("answers --help", async () => {
    let said = "";
    expect(await oracleRecordCommand(["--help"], (s) => (said += s))).toBe(0);
    expect(said).toMatch(/^usage: pymem oracle record/);
  });
});
