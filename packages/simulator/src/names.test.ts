import { describe, expect, it } from "vitest";
import { vietnameseName, vietnameseNames } from "./names.ts";
import { createRng } from "./prng.ts";

describe("vietnameseName", () => {
  it("has a family, a middle and a given name", () => {
    const name = vietnameseName(createRng(1));
    expect(name.split(" ")).toHaveLength(3);
  });

  it("gives a board of 40 distinct names, the same ones for the same seed", () => {
    const names = vietnameseNames(createRng(2), 40);
    expect(new Set(names).size).toBe(40);
    expect(vietnameseNames(createRng(2), 40)).toEqual(names);
  });

  it("makes Nguyễn the most common family name", () => {
    const families = vietnameseNames(createRng(3), 500).map((n) => n.split(" ")[0]);
    const nguyen = families.filter((f) => f === "Nguyễn").length;
    expect(nguyen / families.length).toBeGreaterThan(0.25);
  });
});
