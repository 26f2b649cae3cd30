import { describe, expect, it } from "vitest";
import { looksLikeSvg, sanitiseSvg } from "./svg-sanitise";

describe("sanitiseSvg", () => {
  it("strips scripts, foreignObject, handlers and links that leave the document; keeps fragments and data images", () => {
    const out =
      sanitiseSvg(`<svg xmlns="http://www.w3.org/2000/svg" onload="a()"><script type="text/javascript">x()</script>
<script href="https://evil.test/x.js"/><foreignObject><div>hi</div></foreignObject>
<a href="javascript:alert(1)"><rect onClick='b()' style="fill:url(https://evil.test/p)"/></a>
<use href="#shape"/><image xlink:href="data:image/png;base64,AAAA"/><image href="data:text/html;base64,PHNjcmlwdD4="/>
<style>@import url(https://evil.test/a.css); .a{fill:url(#grad)}</style></svg>`);
    expect(out).not.toMatch(/script|foreignObject|onload|onclick|evil\.test|javascript:|data:text|@import/i);
    expect(out).toContain('href="#shape"');
    expect(out).toContain('xlink:href="data:image/png;base64,AAAA"');
    expect(out).toContain("url(#grad)");
  });
  it("refuses DOCTYPE and entities", () => {
    expect(() => sanitiseSvg('<!DOCTYPE svg><svg xmlns="http://www.w3.org/2000/svg"/>')).toThrow(/DOCTYPE/);
  });
  it("recognises an SVG by its first element, not its name", () => {
    expect(looksLikeSvg(new TextEncoder().encode('\uFEFF<?xml version="1.0"?><!-- c --><svg width="1"/>'))).toBe(true);
    expect(looksLikeSvg(new TextEncoder().encode("<html><svg/></html>"))).toBe(false);
    expect(looksLikeSvg(new TextEncoder().encode("GIF89a"))).toBe(false);
  });
});
