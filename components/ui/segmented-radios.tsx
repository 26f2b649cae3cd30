"use client";

import { useId, type ReactNode } from "react";

export type SegmentedOption<T extends string | number> = {
  value: T;
  label: ReactNode;
  /** Shown, struck through, and skipped by the arrow keys. */
  disabled?: boolean;
  /** On hover: what the option means or why it is off. */
  title?: string;
  /** The id of a note read with this option by screen readers (its price, why it is off). */
  describedBy?: string;
};

/**
 * A choice of a few, as a segmented control: native radios in a fieldset (arrow keys move between them and skip
 * disabled ones), visually hidden, their labels drawn as segments, with a focus ring on the segment the keyboard is
 * on (offset, so it shows around a selected, filled segment too). `children` go under the segments: a note the
 * options point to with `describedBy`. The Export dialog's and the Video tab's choices (size, file type, quality,
 * frame rate, format) all use it, so they look and behave alike.
 */
export function SegmentedRadios<T extends string | number>({
  legend,
  value,
  onChange,
  options,
  children,
}: {
  legend: string;
  value: T;
  onChange: (value: T) => void;
  options: SegmentedOption<T>[];
  children?: ReactNode;
}) {
  const name = useId();
  return (
    <fieldset>
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="mt-1.5 inline-flex rounded-lg border border-line-strong p-0.5">
        {options.map((o) => (
          <label
            key={String(o.value)}
            title={o.title}
            className={`rounded-md px-2.5 py-1 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent has-[:focus-visible]:ring-offset-1 ${
              value === o.value
                ? "bg-accent text-white"
                : o.disabled
                  ? "cursor-not-allowed text-ink-muted line-through decoration-ink-muted/60"
                  : "cursor-pointer text-ink-soft hover:text-ink"
            }`}
          >
            <input
              type="radio"
              name={name}
              value={String(o.value)}
              checked={value === o.value}
              disabled={o.disabled}
              aria-describedby={o.describedBy}
              onChange={() => onChange(o.value)}
              className="sr-only"
            />
            {o.label}
          </label>
        ))}
      </div>
      {children}
    </fieldset>
  );
}
