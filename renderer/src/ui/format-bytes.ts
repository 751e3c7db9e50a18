const UNITS = ['KB', 'MB', 'GB', 'TB'] as const;

/** "512 B", "1.5 KB", "23 MB": a file's size as people read it (1 KB = 1,024 bytes, as file managers count). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  // One decimal while it says something (1.5 MB), none once the number is big enough on its own (23 MB).
  const shown = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  // 1023.9 KB rounds to 1024: say 1 MB instead.
  if (shown >= 1024 && unit < UNITS.length - 1) return `1 ${UNITS[unit + 1]}`;
  return `${shown.toLocaleString('en')} ${UNITS[unit]}`;
}
