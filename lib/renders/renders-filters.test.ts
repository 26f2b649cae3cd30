import { describe, expect, it } from "vitest";
import { filtersFromSearchParams, rendersFiltersSchema, rendersQueryString } from "./renders-filters";

describe("Renders page filters in the URL", () => {
  it("reads product, template and status, and writes them back in one order", () => {
    const filters = filtersFromSearchParams({ status: "failed", product: "sample_drink-can", template: "beach-coral" });
    expect(filters).toEqual({ productId: "sample_drink-can", templateId: "beach-coral", status: "failed" });
    expect(rendersQueryString(filters)).toBe("?product=sample_drink-can&template=beach-coral&status=failed");
    expect(rendersQueryString(filters, { before: "abc" })).toBe(
      "?product=sample_drink-can&template=beach-coral&status=failed&before=abc",
    );
    expect(rendersQueryString({})).toBe("");
  });

  it("ignores a hand-edited value that cannot match (the page shows the whole list), the API refuses it", () => {
    const odd = { product: "x'; drop table", status: "burning", template: ["a", "b"] };
    expect(filtersFromSearchParams(odd)).toEqual({ productId: undefined, templateId: undefined, status: undefined });
    expect(rendersFiltersSchema.safeParse({ status: "burning" }).success).toBe(false);
    expect(rendersFiltersSchema.safeParse({ product: "x'; drop table" }).success).toBe(false);
  });
});
