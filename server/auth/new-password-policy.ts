import { passwordShapeProblem } from '#shared/domain/password-policy';
import { commonPasswords } from './common-passwords.ts';

/** Words a guesser tries first for this product, whoever the account belongs to. */
const PRODUCT_WORDS = ['shiftdesk'];

/**
 * Below this, an email's local part ("al" in al@example.com) is only refused as
 * the whole password: refusing every password that merely contains two common
 * letters would refuse good passphrases for no gain.
 */
const MIN_LOCAL_PART_TO_SEARCH = 4;

/**
 * Why a password someone is setting now is not acceptable, or null (OWASP ASVS
 * V2.1): length 8–128, not one of the most common passwords, and not built
 * from the account's own email or the product's name. The demo accounts'
 * seeded password is not checked: it is set by the seed, not through here.
 */
export function newPasswordProblem(password: string, context: { email: string }): string | null {
  const shape = passwordShapeProblem(password);
  if (shape) return shape;
  const lowered = password.normalize('NFKC').toLowerCase();
  if (commonPasswords().has(lowered)) {
    return 'That password is on the list of the most common passwords, which are guessed first. Choose another.';
  }
  const localPart = context.email.trim().toLowerCase().split('@')[0] ?? '';
  if (
    localPart !== '' &&
    (lowered === localPart || (localPart.length >= MIN_LOCAL_PART_TO_SEARCH && lowered.includes(localPart)))
  ) {
    return 'A password must not contain the name in your email address. Choose another.';
  }
  if (PRODUCT_WORDS.some((word) => lowered.includes(word))) {
    return 'A password must not contain the word "shiftdesk". Choose another.';
  }
  return null;
}
