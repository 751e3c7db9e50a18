/**
 * Password rules per OWASP ASVS 4 (V2.1): at least 8 characters after
 * normalisation, at least 64 allowed (we allow 128), any characters including
 * spaces and emoji, no composition rules. Common passwords are refused by the
 * server against its bundled list; this part is pure so the app can say the
 * same thing before sending.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** Counts code points, not UTF-16 units, so an emoji is one character. */
export function passwordLength(password: string): number {
  return [...password.normalize('NFKC')].length;
}

/** A reason the password is not acceptable, or null. */
export function passwordShapeProblem(password: string): string | null {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  return null;
}
