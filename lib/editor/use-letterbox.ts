"use client";
import { useEffect, useState, type RefObject } from "react";

export type Size = { width: number; height: number };

/** The largest width x height of `aspect` (w/h) that fits inside `available`, whole pixels. */
export function fitAspect(available: Size, aspect: number): Size {
  if (available.width <= 0 || available.height <= 0 || !(aspect > 0)) return { width: 0, height: 0 };
  let width = available.width;
  let height = width / aspect;
  if (height > available.height) {
    height = available.height;
    width = height * aspect;
  }
  return { width: Math.floor(width), height: Math.floor(height) };
}

/** Observes an element's content box size. */
export function useElementSize(ref: RefObject<HTMLElement | null>): Size {
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = () => {
      const rect = element.getBoundingClientRect();
      setSize((prev) =>
        prev.width === rect.width && prev.height === rect.height ? prev : { width: rect.width, height: rect.height },
      );
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
