"use client";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

/** Visible keyboard focus for every custom control in the editor. */
export const focusRing =
  "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent focus-visible:ring-offset-2 focus-visible:ring-offset-white";

const HEX = /^#?([0-9a-fA-F]{6})$/;
const SHORT_HEX = /^#?([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])$/;

/** "#AbC" / "aabbcc" / "#AABBCC" -> "#aabbcc"; null when not a colour. */
export function normalizeHex(text: string): string | null {
  const trimmed = text.trim();
  const long = HEX.exec(trimmed);
  if (long) return `#${long[1].toLowerCase()}`;
  const short = SHORT_HEX.exec(trimmed);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase();
  return null;
}

export function Section({
  id,
  title,
  summary,
  open,
  onToggle,
  children,
}: {
  id: string;
  title: string;
  summary?: string;
  open: boolean;
  onToggle: () => void;
  children: ReactNode;
}) {
  const panelId = `section-${id}`;
  return (
    <section className="border-b border-line last:border-b-0">
      <h2>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={onToggle}
          className={`flex w-full items-center justify-between gap-3 px-4 py-3 text-left hover:bg-canvas-sunken ${focusRing} focus-visible:ring-inset focus-visible:ring-offset-0`}
        >
          <span className="text-sm font-semibold text-ink">{title}</span>
          <span className="flex min-w-0 items-center gap-2">
            {summary && !open && <span className="truncate text-xs text-ink-muted">{summary}</span>}
            <svg
              className={`h-4 w-4 shrink-0 text-ink-muted transition-transform ${open ? "rotate-180" : ""}`}
              viewBox="0 0 20 20"
              fill="currentColor"
              aria-hidden="true"
            >
              <path
                fillRule="evenodd"
                d="M5.23 7.21a.75.75 0 0 1 1.06.02L10 11.17l3.71-3.94a.75.75 0 1 1 1.08 1.04l-4.25 4.5a.75.75 0 0 1-1.08 0l-4.25-4.5a.75.75 0 0 1 .02-1.06Z"
                clipRule="evenodd"
              />
            </svg>
          </span>
        </button>
      </h2>
      <div id={panelId} hidden={!open} className="space-y-4 px-4 pb-5 pt-1">
        {children}
      </div>
    </section>
  );
}

/** A small caption for a group of controls. */
export function GroupLabel({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p id={id} className="mb-1.5 text-xs font-medium uppercase tracking-wide text-ink-muted">
      {children}
    </p>
  );
}

export function ChoiceGroup<T extends string>({
  label,
  value,
  options,
  onChange,
  disabled,
  columns = 3,
}: {
  label: string;
  value: T | null;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  disabled?: boolean;
  columns?: 2 | 3 | 4;
}) {
  const id = useId();
  const grid = columns === 2 ? "grid-cols-2" : columns === 4 ? "grid-cols-4" : "grid-cols-3";
  return (
    <div role="group" aria-labelledby={id}>
      <GroupLabel id={id}>{label}</GroupLabel>
      <div className={`grid ${grid} gap-1.5`}>
        {options.map((option) => {
          const selected = option.value === value;
          return (
            <button
              key={option.value}
              type="button"
              aria-pressed={selected}
              disabled={disabled}
              onClick={() => onChange(option.value)}
              className={`rounded-md border px-2 py-1.5 text-xs font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-60 ${focusRing} ${
                selected
                  ? "border-accent bg-accent-soft text-accent-ink"
                  : "border-line-strong bg-white text-ink-soft hover:border-ink-muted hover:text-ink"
              }`}
            >
              {option.label}
            </button>
          );
        })}
      </div>
    </div>
  );
}

export function SliderField({
  label,
  value,
  min,
  max,
  step,
  format = (v) => String(v),
  onChange,
  onCommit,
  disabled,
  hint,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  format?: (value: number) => string;
  /** Called continuously while dragging (coalesce these into one undo step). */
  onChange: (value: number) => void;
  /** The drag / key press ended. */
  onCommit: () => void;
  disabled?: boolean;
  hint?: string;
}) {
  const id = useId();
  return (
    <div>
      <div className="mb-1 flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="text-sm text-ink">
          {label}
        </label>
        <output htmlFor={id} className="text-xs tabular-nums text-ink-muted">
          {format(value)}
        </output>
      </div>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        disabled={disabled}
        aria-valuetext={format(value)}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(Number(e.target.value))}
        onPointerUp={onCommit}
        onKeyUp={onCommit}
        onBlur={onCommit}
        className={`h-5 w-full cursor-pointer accent-accent disabled:cursor-not-allowed disabled:opacity-60 ${focusRing} rounded`}
      />
      {hint && (
        <p id={`${id}-hint`} className="mt-0.5 text-xs text-ink-muted">
          {hint}
        </p>
      )}
    </div>
  );
}

export function ColorField({
  label,
  value,
  onChange,
  onCommit,
  disabled,
  note,
  placeholder,
}: {
  label: string;
  /** null = not set (the model's own colour): the hex field shows `placeholder`. */
  value: string | null;
  placeholder?: string;
  /** `live` is true while the native picker is being dragged (coalesce it). */
  onChange: (color: string, live: boolean) => void;
  onCommit: () => void;
  disabled?: boolean;
  note?: string;
}) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const pickerRef = useRef<HTMLInputElement>(null);
  const invalid = draft !== null && draft !== "" && normalizeHex(draft) === null;

  // The native picker fires `input` while dragging and `change` when closed.
  useEffect(() => {
    const picker = pickerRef.current;
    if (!picker) return;
    picker.addEventListener("change", onCommit);
    return () => picker.removeEventListener("change", onCommit);
  }, [onCommit]);

  return (
    <div>
      <div className="mb-1 flex items-baseline justify-between gap-2">
        <span id={`${id}-label`} className="text-sm text-ink">
          {label}
        </span>
        {note && <span className="text-xs text-ink-muted">{note}</span>}
      </div>
      <div className="flex items-center gap-2">
        <input
          ref={pickerRef}
          type="color"
          value={value ?? "#808080"}
          disabled={disabled}
          aria-label={`${label} (picker)`}
          onChange={(e) => onChange(e.target.value.toLowerCase(), true)}
          onBlur={onCommit}
          className={`h-9 w-11 shrink-0 cursor-pointer rounded-md border border-line-strong bg-white p-1 disabled:cursor-not-allowed disabled:opacity-60 ${focusRing}`}
        />
        <input
          type="text"
          inputMode="text"
          spellCheck={false}
          autoComplete="off"
          maxLength={7}
          value={draft ?? value ?? ""}
          placeholder={placeholder}
          disabled={disabled}
          aria-label={`${label} (hex)`}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
          onFocus={() => setDraft(value ?? "")}
          onBlur={() => setDraft(null)}
          onChange={(e) => {
            setDraft(e.target.value);
            const color = normalizeHex(e.target.value);
            if (color && e.target.value.replace("#", "").length === 6 && color !== value) onChange(color, false);
          }}
          onKeyDown={(e) => {
            if (e.key !== "Enter") return;
            const color = draft === null ? null : normalizeHex(draft);
            if (color && color !== value) onChange(color, false);
            if (color) setDraft(color);
          }}
          className={`block w-full min-w-0 rounded-md border bg-white px-2.5 py-1.5 font-mono text-sm text-ink shadow-sm focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/20 disabled:cursor-not-allowed disabled:bg-canvas-sunken disabled:opacity-70 ${
            invalid ? "border-danger" : "border-line-strong"
          }`}
        />
      </div>
      {invalid && (
        <p id={`${id}-error`} className="mt-1 text-xs text-danger">
          Use a hex colour like #aabbcc
        </p>
      )}
    </div>
  );
}

export function SelectField({
  label,
  value,
  options,
  onChange,
  disabled,
}: {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm text-ink">
        {label}
      </label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        className="block w-full rounded-md border border-line-strong bg-white px-2.5 py-1.5 text-sm text-ink shadow-sm focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/20 disabled:cursor-not-allowed disabled:bg-canvas-sunken disabled:opacity-70"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CheckboxField({
  label,
  checked,
  onChange,
  disabled,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
        className={`h-4 w-4 rounded border-line-strong accent-accent disabled:cursor-not-allowed ${focusRing}`}
      />
      <label htmlFor={id} className="text-sm text-ink">
        {label}
      </label>
    </div>
  );
}

/** Small text button (Reset, Remove …) with a visible focus ring. */
export function TextButton({
  children,
  onClick,
  disabled,
  label,
  tone = "default",
}: {
  children: ReactNode;
  onClick: () => void;
  disabled?: boolean;
  /** Accessible name when the visible text is ambiguous ("Reset" → "Reset Glass"). */
  label?: string;
  tone?: "default" | "danger";
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      aria-label={label}
      className={`rounded px-1.5 py-0.5 text-xs font-medium disabled:cursor-not-allowed disabled:opacity-50 ${focusRing} ${
        tone === "danger" ? "text-danger hover:bg-danger-soft" : "text-accent hover:bg-accent-soft"
      }`}
    >
      {children}
    </button>
  );
}
