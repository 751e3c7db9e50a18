/**
 * The zones this runtime knows, for the settings select. The saved zone is
 * always offered (a runtime may list "UTC" under another name, or not at all),
 * so opening the form never silently changes it.
 */
export function timeZoneOptions(
  saved: string,
  known: readonly string[] = Intl.supportedValuesOf('timeZone'),
): string[] {
  return [...new Set([...known, 'UTC', saved])].sort((a, b) => a.localeCompare(b, 'en'));
}
