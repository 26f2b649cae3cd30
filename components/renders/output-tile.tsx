import { Spinner } from "@/components/ui/button";
import type { RenderListItem } from "@/lib/renders/render-service";
import { VideoTile } from "./video-tile";

type Output = RenderListItem["outputs"][number];

const STATUS_TEXT: Record<Output["status"], string> = {
  queued: "Queued",
  rendering: "Rendering",
  done: "Done",
  failed: "Failed",
};

export function OutputTile({ output }: { output: Output }) {
  if (output.video) return <VideoTile output={output} video={output.video} />;
  const aspect = `${output.width} / ${output.height}`;
  return (
    <li className="flex flex-col" data-testid="render-output" data-status={output.status}>
      <div
        className="flex max-h-56 items-center justify-center overflow-hidden rounded-lg border border-line bg-checker"
        style={{ aspectRatio: aspect }}
      >
        {output.url ? (
          <a href={output.url} target="_blank" rel="noreferrer" className="block h-full w-full">
            {/* eslint-disable-next-line @next/next/no-img-element -- private, workspace-scoped image route; next/image would proxy it */}
            <img
              src={`${output.url}?preview=1`}
              alt={`${output.label} render, ${output.width}×${output.height}`}
              className="h-full w-full object-contain"
              loading="lazy"
            />
          </a>
        ) : output.status === "failed" ? (
          <span className="px-2 text-center text-xs text-danger">{output.error ?? "Failed"}</span>
        ) : (
          <span className="flex items-center gap-2 px-2 text-center text-xs text-ink-muted">
            <Spinner /> {output.studio?.note ?? STATUS_TEXT[output.status]}
          </span>
        )}
      </div>
      <div className="mt-1.5 flex items-center justify-between gap-2 text-xs">
        <span className="font-medium text-ink">
          {output.label}{" "}
          <span className="font-normal text-ink-muted">
            {output.width}×{output.height}
            {output.studio?.samples ? ` · ${output.studio.samples} samples` : ""}
          </span>
        </span>
        {output.url ? (
          <a
            href={`${output.url}?download=1`}
            className="text-accent hover:underline"
            aria-label={`Download ${output.fileName}`}
          >
            Download
          </a>
        ) : (
          <span className={output.status === "failed" ? "text-danger" : "text-ink-muted"} data-testid="output-status">
            {STATUS_TEXT[output.status]}
          </span>
        )}
      </div>
    </li>
  );
}
