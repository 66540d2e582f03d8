import { deflateRawSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeCompact, encodeCompact } from "./compact-body.ts";

const dictionary = Buffer.from('{"callId":"","position":1}{"agentId":"","status":"AVAILABLE"}');

/** What a body is once it has been through JSON (as every logged event has): -0 is 0. */
const asJson = (body: unknown) => JSON.parse(JSON.stringify(body)) as Record<string, unknown>;

/** Integer arrays of every kind the codec treats differently: long or short, sorted, huge, negative. */
const integers = fc.oneof(
  fc.array(fc.integer({ min: -5, max: 70_000 }), { maxLength: 40 }),
  fc
    .array(fc.integer({ min: 0, max: 300 }), { minLength: 8, maxLength: 300 })
    .map((a) => a.sort((x, y) => x - y)),
  fc.array(fc.maxSafeInteger(), { minLength: 8, maxLength: 20 }),
  fc.array(fc.oneof(fc.constant(2 ** 50 - 1), fc.constant(-(2 ** 50) + 1), fc.constant(2 ** 50)), {
    minLength: 8,
    maxLength: 12,
  }),
  fc.array(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })), {
    minLength: 8,
    maxLength: 20,
  }),
);
const value = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.jsonValue({ maxDepth: 2 }),
    integers,
    fc.dictionary(fc.string({ maxLength: 12 }), tie("value"), { maxKeys: 6 }),
  ),
}));
const body = fc.dictionary(fc.string({ maxLength: 12 }), value.value, { maxKeys: 8 });

describe("the compact body form", () => {
  it("decodes every JSON object to exactly what was encoded (property)", () => {
    fc.assert(
      fc.property(body, fc.boolean(), (b, withDictionary) => {
        const dict = withDictionary ? dictionary : Buffer.alloc(0);
        expect(decodeCompact(encodeCompact(b, dict), dict)).toEqual(asJson(b));
      }),
      { numRuns: 600 },
    );
  });

  it("keeps keys named like Object's own (__proto__, constructor) as keys", () => {
    const b = JSON.parse(
      '{"__proto__":{"facts":[1,2,3,4,5,6,7,8,9]},"constructor":[9,8,7,6,5,4,3,2,1],"x":{"__proto__":[1,1,1,1,1,1,1,1]}}',
    );
    const back = decodeCompact(encodeCompact(b, dictionary), dictionary);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(JSON.stringify(back)).toBe(JSON.stringify(b));
  });

  it("writes a decision's integer arrays as varints: far smaller than deflated JSON", () => {
    const facts = Array.from({ length: 400 }, (_, i) => (i % 7 === 0 ? 9028 : 832));
    const keys = Array.from({ length: 120 }, (_, i) => 1_759_705_097_622 + i * 37_113);
    const ranked = Array.from({ length: 120 }, (_, i) => (i * 17) % 400);
    const offer = { callId: "c1", decision: { table: { agentIds: 3, facts, ranked, keys } } };
    const compact = encodeCompact(offer, dictionary);
    expect(decodeCompact(compact, dictionary)).toEqual(offer);
    expect(compact.length).toBeLessThan(deflateRawSync(JSON.stringify(offer)).length * 0.7);
  });

  it("primes deflate with the dictionary: a status change is a fraction of its JSON", () => {
    const change = { agentId: "a-4117", status: "AVAILABLE" };
    expect(encodeCompact(change, dictionary).length).toBeLessThan(JSON.stringify(change).length / 2);
    expect(encodeCompact(change, dictionary).length).toBeLessThan(
      encodeCompact(change, Buffer.alloc(0)).length,
    );
  });

  it("refuses a form it does not know rather than guess", () => {
    expect(() => decodeCompact(Buffer.from([9, 1, 2]), dictionary)).toThrow("unknown compact body form 9");
  });
});
