/** "108 KB", "2.4 MB": a file size for people. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "108 KB, 25% of the original 432 KB" (or just the size when the original is unknown). */
export function formatModelSize(modelBytes: number, sourceBytes: number | null): string {
  if (!sourceBytes) return formatBytes(modelBytes);
  return `${formatBytes(modelBytes)}, ${Math.round((modelBytes / sourceBytes) * 100)}% of the original ${formatBytes(sourceBytes)}`;
}
