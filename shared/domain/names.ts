/** Names are compared the way people read them: case and surrounding spaces do not make two different. */
export function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
