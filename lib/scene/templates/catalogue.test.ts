import { describe, expect, it } from "vitest";
import { BUILT_IN_TEMPLATES } from ".";
import { BUILT_IN_CATALOGUE } from "./catalogue";

describe("built-in template catalogue", () => {
  it("lists every built-in template, in order, with the gallery fields of its JSON (regenerate both together)", () => {
    expect(BUILT_IN_CATALOGUE).toEqual(
      BUILT_IN_TEMPLATES.map(({ id, name, style, colourFamily, tags, ratios }) => ({
        id,
        name,
        style,
        colourFamily,
        tags,
        ratios,
      })),
    );
  });
});
