"use client";

import dynamic from "next/dynamic";
import { Component, useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import type { SceneCanvasProps } from "@/components/scene/scene-canvas";
import { parseScene } from "@/lib/scene";

const SceneCanvas = dynamic(() => import("@/components/scene/scene-canvas"), { ssr: false });

export type RenderJob = Pick<SceneCanvasProps, "products" | "size" | "quality"> & { document: unknown };
type Pending = { resolve: (dataUrl: string) => void; reject: (err: Error) => void };

declare global {
  interface Window {
    __plinthRender?: (job: RenderJob) => Promise<string>;
  }
}

function readCanvas(): string {
  const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="scene-canvas"] canvas');
  if (!canvas) throw new Error("No canvas to read");
  return canvas.toDataURL("image/png");
}

class JobErrorBoundary extends Component<{ onError: (err: Error) => void; resetKey: string; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  componentDidCatch(error: Error) {
    this.props.onError(error);
  }
  componentDidUpdate(prev: { resetKey: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false });
  }
  render() {
    return this.state.failed ? null : this.props.children;
  }
}

export function RenderSession() {
  const [job, setJob] = useState<(Omit<RenderJob, "document"> & { document: SceneCanvasProps["document"]; key: string }) | null>(null);
  const pending = useRef<Pending | null>(null);
  const currentKey = useRef<string | null>(null);
  const readyKey = useRef<string | null>(null);

  useEffect(() => {
    window.__plinthRender = (next) =>
      new Promise<string>((resolve, reject) => {
        try {
          const document = parseScene(next.document);
          const key = JSON.stringify([document, next.products, next.size, next.quality]);
          // The same picture again (a retried job): it is already on the canvas.
          if (key === currentKey.current && readyKey.current === key) {
            resolve(readCanvas());
            return;
          }
          pending.current?.reject(new Error("Superseded by a newer job"));
          pending.current = { resolve, reject };
          currentKey.current = key;
          setJob({ ...next, document, key });
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      });
    return () => {
      delete window.__plinthRender;
    };
  }, []);

  const onReady = useCallback(() => {
    readyKey.current = currentKey.current;
    const waiting = pending.current;
    pending.current = null;
    if (!waiting) return;
    try {
      waiting.resolve(readCanvas());
    } catch (err) {
      waiting.reject(err as Error);
    }
  }, []);

  const onError = useCallback((err: Error) => {
    pending.current?.reject(err);
    pending.current = null;
  }, []);

  if (!job) return <div data-testid="render-session" data-state="idle" />;
  return (
    <div data-testid="render-session" data-state="active">
      <JobErrorBoundary onError={onError} resetKey={job.key}>
        <SceneCanvas document={job.document} products={job.products} size={job.size} quality={job.quality} onReady={onReady} />
      </JobErrorBoundary>
    </div>
  );
}
