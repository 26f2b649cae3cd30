"use client";
import "@/components/brand/brand-font-faces";
import { brandAssetUrl } from "@/lib/brand/asset-url";
import { brandFont } from "@/lib/overlays/fonts";
import { isTallOutput, TALL_SAFE_AREA, TEXT_LINE_HEIGHT } from "@/lib/overlays/layout";
import type { OutputSpec, SceneDocument } from "@/lib/scene";
import { useOverlayBoxes } from "./use-overlay-boxes";

/**
 * The brand overlays drawn over the editor's viewport, in output pixels (an SVG scaled to the letterboxed frame),
 * with the platform UI zones of tall outputs shaded as guides. The export draws the same boxes (worker/overlays.ts);
 * guides are never exported. Pointer events pass through to the 3D view.
 */
export function OverlayLayer({ doc, output }: { doc: SceneDocument; output: OutputSpec }) {
  const { width, height } = output;
  const boxes = useOverlayBoxes(doc, width, height);
  const tall = isTallOutput(width, height);
  const top = height * TALL_SAFE_AREA.top;
  const bottom = height * TALL_SAFE_AREA.bottom;
  const label = Math.round(Math.min(width, height) * 0.028);
  return (
    <svg
      className="pointer-events-none absolute inset-0 h-full w-full"
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={`Brand overlays for ${output.label}${tall ? ", with the platform UI zones shaded" : ""}`}
      data-testid="overlay-layer"
    >
      {boxes.map(({ overlay, rect }) =>
        overlay.kind === "logo" ? (
          <image
            key={overlay.id}
            href={brandAssetUrl(overlay.assetId)}
            x={rect.left}
            y={rect.top}
            width={rect.width}
            height={rect.height}
            preserveAspectRatio="none"
            data-overlay-id={overlay.id}
          />
        ) : (
          <text
            key={overlay.id}
            x={rect.left}
            y={rect.top + rect.height * 0.78}
            textLength={rect.width}
            lengthAdjust="spacingAndGlyphs"
            fill={overlay.color}
            style={{
              fontFamily: `"${brandFont(overlay.fontId).family}", sans-serif`,
              fontWeight: brandFont(overlay.fontId).weight,
              fontSize: rect.height / TEXT_LINE_HEIGHT,
            }}
            data-overlay-id={overlay.id}
          >
            {overlay.text}
          </text>
        ),
      )}
      {tall && (
        <g data-testid="safe-area-guides">
          <rect x={0} y={0} width={width} height={top} fill="#0f172a" fillOpacity={0.28} />
          <rect x={0} y={height - bottom} width={width} height={bottom} fill="#0f172a" fillOpacity={0.28} />
          <g stroke="#ffffff" strokeOpacity={0.85} strokeDasharray="14 10" strokeWidth={3}>
            <line x1={0} x2={width} y1={top} y2={top} />
            <line x1={0} x2={width} y1={height - bottom} y2={height - bottom} />
          </g>
          <g fill="#ffffff" fillOpacity={0.9} style={{ fontSize: label, fontFamily: "system-ui, sans-serif" }}>
            <text x={width / 2} y={top - label * 0.8} textAnchor="middle">
              Platform UI: account and progress bar
            </text>
            <text x={width / 2} y={height - bottom + label * 1.6} textAnchor="middle">
              Platform UI: caption and buttons
            </text>
          </g>
        </g>
      )}
    </svg>
  );
}
