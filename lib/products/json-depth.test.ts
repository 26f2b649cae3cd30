import { describe, expect, it } from "vitest";
import { jsonNestingExceeds } from "./json-depth";

const deep = (text: string, max: number) => jsonNestingExceeds(new TextEncoder().encode(text), max);

describe("jsonNestingExceeds", () => {
  it("counts arrays and objects, and only outside strings (escaped quotes included)", () => {
    expect(deep('{"a":[{"b":[1]}]}', 4)).toBe(false);
    expect(deep('{"a":[{"b":[1]}]}', 3)).toBe(true);
    expect(deep('{"a":"[[[[[[{{{{","b":"\\"[[[[["}', 1)).toBe(false);
    expect(deep('{"名前":"[[[[","x":[[1]]}', 2)).toBe(true);
  });

  it("scans 200,000 nested brackets linearly, without recursion", () => {
    const text = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
    expect(deep(text, 128)).toBe(true);
    expect(deep(text, 200_000)).toBe(false);
  });
});
