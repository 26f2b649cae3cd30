/**
 * /render/sample: draws the default scene of a SAMPLE product at an exact
 * pixel size, with no app chrome. For e2e tests, the gallery and benchmarks
 * (the real render-worker page, with tokens, comes separately).
 *
 *   ?product=sample_drink-can&w=1080&h=1350&bg=%23ffcc00&quality=final
 *   &transparent=1   alpha background (PNG cut-out)
 *   &podium=none     product standing on the floor, no podium
 *   &gradient=%23aabbcc,%23ddeeff   gradient background (bottom to top)
 *   &env=1           the lighting environment as the background
 *
 * Only shipped samples (lib/products/samples.ts): no database access.
 */
import type { Metadata } from "next";
import { first, pixels, type SearchParams } from "@/app/render/search-params";
import { notFound } from "next/navigation";
import { createDefaultScene, type SceneDocument } from "@/lib/scene";
import { SAMPLE_PRODUCTS, getSampleProduct } from "@/lib/products/samples";
import { SampleRender } from "./sample-render";

export const metadata: Metadata = { title: "Sample render", robots: { index: false, follow: false } };

export default async function SampleRenderPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const sample = getSampleProduct(first(params.product) ?? SAMPLE_PRODUCTS[0].id);
  if (!sample) notFound();

  const width = pixels(first(params.w), 1080);
  const height = pixels(first(params.h), 1080);
  const quality = first(params.quality) === "draft" ? "draft" : "final";
  const bg = first(params.bg);

  const document: SceneDocument = createDefaultScene({ productId: sample.id, productSize: sample.dimensionsM });
  if (first(params.podium) === "none") {
    document.stage.podium = null;
    document.products = document.products.map((placement) => ({
      ...placement,
      position: [placement.position[0], 0, placement.position[2]],
    }));
  }
  const gradient = first(params.gradient)?.split(",");
  const hex = (value: string | undefined) => (value && /^#[0-9a-fA-F]{6}$/.test(value) ? value.toLowerCase() : null);
  if (first(params.env) === "1") document.background = { kind: "environment", blur: 0.4 };
  else if (gradient && hex(gradient[0]) && hex(gradient[1])) {
    document.background = { kind: "gradient", from: hex(gradient[0])!, to: hex(gradient[1])!, angle: 0 };
  } else if (first(params.transparent) === "1") document.background = { kind: "transparent" };
  else if (bg && /^#[0-9a-fA-F]{6}$/.test(bg)) document.background = { kind: "solid", color: bg.toLowerCase() };

  return (
    <main style={{ margin: 0, padding: 0 }}>
      <style>{"html,body{margin:0;padding:0;background:transparent}"}</style>
      <SampleRender
        document={document}
        products={{ [sample.id]: { url: sample.file } }}
        size={{ width, height }}
        quality={quality}
      />
    </main>
  );
}
