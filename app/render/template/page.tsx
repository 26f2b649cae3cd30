/**
 * /render/template: draws a BUILT-IN template with a SAMPLE product at an exact
 * size, no app chrome (screenshots, contact sheets, benchmarks). Public and
 * harmless: only shipped templates and samples, no database access.
 *
 *   ?id=minimal-ivory&product=sample_drink-can&w=384&h=480&quality=draft&palette=%23e63946,%231d3557
 */
import type { Metadata } from "next";
import { first, pixels, type SearchParams } from "@/app/render/search-params";
import { notFound } from "next/navigation";
import { SampleRender } from "@/app/render/sample/sample-render";
import { getSampleProduct, SAMPLE_PRODUCTS } from "@/lib/products/samples";
import { getBuiltInTemplate } from "@/lib/scene/templates";
import { instantiateTemplate } from "@/lib/templates";

export const metadata: Metadata = { title: "Template render", robots: { index: false, follow: false } };

export default async function TemplateRenderPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const template = getBuiltInTemplate(first(params.id) ?? "");
  const sample = getSampleProduct(first(params.product) ?? SAMPLE_PRODUCTS[0].id);
  if (!template || !sample) notFound();
  const palette = (first(params.palette) ?? "")
    .split(",")
    .filter((c) => /^#[0-9a-fA-F]{6}$/.test(c))
    .slice(0, 6);
  const document = instantiateTemplate(template, {
    productId: sample.id,
    productSize: sample.dimensionsM,
    brandPalette: palette.length ? palette : null,
  });
  return (
    <main style={{ margin: 0, padding: 0 }}>
      <style>{"html,body{margin:0;padding:0;background:transparent}"}</style>
      <SampleRender
        document={document}
        products={{ [sample.id]: { url: sample.file } }}
        size={{ width: pixels(first(params.w), 384, 4096), height: pixels(first(params.h), 480, 4096) }}
        quality={first(params.quality) === "final" ? "final" : "draft"}
      />
    </main>
  );
}
