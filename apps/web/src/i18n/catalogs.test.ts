import { describe, expect, it } from "vitest";
import { CATALOGS } from "./testing.ts";

/** Every leaf of a catalog as "a.b.c" → text. */
function leaves(node: unknown, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      for (const [k, v] of leaves(value, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
    }
  } else {
    out.set(prefix, node);
  }
  return out;
}

/** The ICU arguments a message uses ("{count, plural, …}" → count), so a translation cannot drop one. */
function argumentsOf(text: string): string[] {
  // A plural's cases ("one {was}") are text, not arguments: skip braces right after a selector.
  const argument = /(?<!(?:\b(?:zero|one|two|few|many|other)|=\d+)\s*)\{\s*([A-Za-z]\w*)\s*[,}]/g;
  return [...new Set([...text.matchAll(argument)].map((m) => m[1]!))].sort();
}

describe("message catalogs", () => {
  const en = leaves(CATALOGS.en);
  const vi = leaves(CATALOGS.vi);

  it("have exactly the same keys in English and Vietnamese", () => {
    expect([...vi.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it("have no empty or non-text value", () => {
    for (const catalog of [en, vi]) {
      for (const [key, value] of catalog) {
        expect(typeof value, key).toBe("string");
        expect((value as string).trim(), key).not.toBe("");
      }
    }
  });

  it("use the same arguments in both languages", () => {
    for (const [key, text] of en) {
      expect(argumentsOf(vi.get(key) as string), key).toEqual(argumentsOf(text as string));
    }
  });

  it("are really translated: Vietnamese differs from English in most messages", () => {
    const same = [...en].filter(([key, text]) => vi.get(key) === text).map(([key]) => key);
    // Symbols, acronyms and the product's name may read the same; prose may not.
    expect(same.length / en.size).toBeLessThan(0.1);
  });
});
