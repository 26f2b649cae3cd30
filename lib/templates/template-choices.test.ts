import { describe, expect, it } from "vitest";
import { BUILT_IN_TEMPLATES } from "@/lib/scene/templates";
import { withBuiltInTemplates } from "./template-choices";

describe("template choices", () => {
  it("lists the workspace's own templates first, then every built-in one by name", () => {
    const own = [{ id: "wtp_1", name: "Our spring set" }];
    expect(withBuiltInTemplates(own)).toEqual([...own, ...BUILT_IN_TEMPLATES.map(({ id, name }) => ({ id, name }))]);
  });
});
