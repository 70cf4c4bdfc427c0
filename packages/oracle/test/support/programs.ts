// Python programs shared by the oracle's tests.

/** A Latin-1 program with its coding declaration: é and ÿ are one byte each, not UTF-8. */
export const LATIN1_PROGRAM = Buffer.concat([
  Buffer.from("# -*- coding: latin-1 -*-\ns = '"),
  Buffer.from([0xe9, 0xff]),
  Buffer.from("'\nprint('%d %x %x' % (len(s), ord(s[0]), ord(s[1])))\n"),
]);
