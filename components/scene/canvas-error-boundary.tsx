"use client";
import { Component, type ReactNode } from "react";

/**
 * Catches a 3D view that cannot start (no WebGL, a lost or refused context, a model the browser cannot parse)
 * so it fails where it is drawn, with words, instead of taking the whole page down to Next's "Application error".
 * `compact` is for small tiles (ratio and motion previews) where a sentence does not fit.
 */
export class CanvasErrorBoundary extends Component<
  { children: ReactNode; compact?: boolean },
  { error: Error | null }
> {
  state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    if (this.props.compact) {
      return (
        <div
          className="flex h-full w-full items-center justify-center bg-canvas-sunken p-1 text-center text-[11px] leading-tight text-ink-soft"
          title={`Preview unavailable: ${error.message}`}
          data-testid="canvas-error"
        >
          Preview unavailable
        </div>
      );
    }
    return (
      <div
        role="alert"
        className="flex h-full items-center justify-center p-6 text-center text-sm text-ink-soft"
        data-testid="canvas-error"
      >
        The 3D view couldn&apos;t start in this browser ({error.message}). Your scene is safe; try reloading, or another
        browser.
      </div>
    );
  }
}
