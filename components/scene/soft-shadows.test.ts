import { describe, expect, it } from "vitest";
import { ShaderChunk } from "three";
import { installSoftShadows, pcssRadius } from "./soft-shadows";

describe("soft shadows (PCSS) in three's shadow chunk", () => {
  it("is installed once, only for lights that ask with a negative radius", () => {
    const original = ShaderChunk.shadowmap_pars_fragment;
    installSoftShadows();
    const patched = ShaderChunk.shadowmap_pars_fragment;
    installSoftShadows();
    expect(ShaderChunk.shadowmap_pars_fragment).toBe(patched);
    expect(patched).toContain("float pcssShadow(");
    expect(patched).toContain("if ( frustumTest && shadowRadius < 0.0 )");
    // Three's own filtering stays for every other shadow (a positive radius).
    expect(patched).toContain("#if defined( SHADOWMAP_TYPE_PCF )");
    expect(patched.length).toBeGreaterThan(original.length);
  });

  it("takes fewer samples in Draft (PCFShadowMap) than in Final (PCFSoftShadowMap)", () => {
    installSoftShadows();
    const chunk = ShaderChunk.shadowmap_pars_fragment;
    const soft = chunk.indexOf("#ifdef SHADOWMAP_TYPE_PCF_SOFT");
    const samples = [...chunk.slice(soft).matchAll(/#define PCSS_(BLOCKER|FILTER)_SAMPLES (\d+)/g)].map((m) =>
      Number(m[2]),
    );
    const [finalBlocker, finalFilter, draftBlocker, draftFilter] = samples;
    expect(draftBlocker).toBeLessThan(finalBlocker);
    expect(draftFilter).toBeLessThan(finalFilter);
  });

  it("turns a light's spread into minus a radius in shadow-map uv per unit of depth", () => {
    // A 0.2 m penumbra per metre of gap, a 3 m depth range and a 0.5 m wide map: 1.2 uv per unit depth.
    expect(pcssRadius(0.2, 3, 0.5)).toBeCloseTo(-1.2);
    expect(pcssRadius(0.1, 3, 0.5)).toBeGreaterThan(pcssRadius(0.2, 3, 0.5));
  });
});
