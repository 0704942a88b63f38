import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with the library's defaults (19 MiB, 2 passes: OWASP's minimum recommendation), a maintained
 * Rust implementation with prebuilt binaries. The PHC string carries salt and parameters.
 */
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    // A malformed stored hash is a failed login, not a server error.
    return false;
  }
}

export const MIN_PASSWORD_LENGTH = 10;

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must have at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > 256) return 'must have at most 256 characters';
  if (password.toLowerCase().includes(username.toLowerCase())) return 'must not contain the username';
  return null;
}

/**
 * A hash to verify against when the username does not exist, so a login for an unknown account takes as
 * long as one for a known account and does not reveal which accounts exist.
 */
let dummy: Promise<string> | undefined;
export const dummyHash = () => {
  dummy ??= hash('pcmt-atlas-no-such-user');
  return dummy;
};
