/** Durations and sizes as people read them in progress lines, warnings and the benchmark. */

/** Milliseconds as seconds with one decimal: `12.3 s`. */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Bytes in decimal units: `718 MB`, `1.02 GB`, `14.1 kB`, `950 B`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(0)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${bytes} B`;
}

/** Bytes as kilobytes with one decimal: `14.1 kB`, whatever the size (for tables that compare them). */
export function formatKb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}
