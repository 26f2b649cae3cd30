"use client";
import { useEffect, useId, useState } from "react";
import { focusRing } from "./controls";

/**
 * A typed number with its unit, applied on Enter or when focus leaves (never per keystroke, so one edit is
 * one undo step). Escape puts the current value back. A value that is not a number, or out of range, is
 * refused right under the field.
 */
export function NumberField({
  label,
  value,
  unit,
  min,
  max,
  step = 1,
  decimals = 1,
  disabled,
  onCommit,
}: {
  label: string;
  value: number;
  unit: string;
  min: number;
  max: number;
  step?: number;
  decimals?: number;
  disabled?: boolean;
  onCommit: (value: number) => void;
}) {
  const id = useId();
  const shown = String(Number(value.toFixed(decimals)));
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  // The document changed under the field (a drag, undo): show the new value.
  useEffect(() => {
    setText(shown);
    setError(null);
  }, [shown]);

  const commit = () => {
    if (text.trim() === shown) return setError(null);
    const parsed = Number(text.trim().replace(",", "."));
    if (text.trim() === "" || !Number.isFinite(parsed)) return setError(`${label} must be a number.`);
    if (parsed < min || parsed > max) return setError(`${label} must be between ${min} and ${max} ${unit}.`);
    setError(null);
    onCommit(parsed);
  };

  return (
    <div className="min-w-0">
      <label htmlFor={id} className="mb-1 block text-xs text-ink-soft">
        {label}
      </label>
      <div className="relative">
        <input
          id={id}
          type="number"
          inputMode="decimal"
          value={text}
          min={min}
          max={max}
          step={step}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === "Enter") commit();
            if (e.key === "Escape") {
              e.stopPropagation();
              setText(shown);
              setError(null);
            }
          }}
          className={`w-full rounded-md border bg-white py-1.5 pl-2 pr-8 text-sm tabular-nums text-ink disabled:cursor-not-allowed disabled:opacity-60 ${
            error ? "border-danger" : "border-line-strong"
          } ${focusRing}`}
        />
        <span className="pointer-events-none absolute inset-y-0 right-2 flex items-center text-xs text-ink-muted">
          {unit}
        </span>
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-1 text-xs text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
