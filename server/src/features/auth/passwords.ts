import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

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
export const MAX_PASSWORD_LENGTH = 256;

/**
 * Words a Vietnamese guesser tries first, beside zxcvbn's lists of common passwords, names and keyboard
 * patterns (which know `password`, `qwerty`, `123456` but not `matkhau`).
 */
const VIETNAMESE_COMMON = [
  'matkhau',
  'mat khau',
  'anhyeuem',
  'emyeuanh',
  'yeuem',
  'vietnam',
  'hanoi',
  'saigon',
  'hochiminh',
  'congan',
  'quantri',
  'admin',
  'pcmt',
  'matuy',
  'bcd',
  'thongke',
  'chidao',
];

/** Built on first use: the dictionaries take ~80 ms to index. */
let strength: ZxcvbnFactory | undefined;
const estimator = () => {
  strength ??= new ZxcvbnFactory({
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, vietnamese: VIETNAMESE_COMMON },
  });
  return strength;
};

/**
 * zxcvbn's score 3: about 10⁸ guesses or more ("safely unguessable" online, and slow offline with argon2id).
 * Refuses `aaaaaaaaaa`, `1234567890`, `qwertyuiop`, `matkhau123`, `Password2025` and the user's own names.
 */
const MIN_SCORE = 3;

/**
 * Why a new password is refused (a Vietnamese sentence the pages show as is), or null when it is fine.
 * `userInputs` are the account's own words (username, display name) that the password must not lean on.
 */
export function passwordProblem(
  password: string,
  username: string,
  userInputs: string[] = [],
): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự`;
  if (password.length > MAX_PASSWORD_LENGTH) return `mật khẩu dài quá ${MAX_PASSWORD_LENGTH} ký tự`;
  if (password.toLowerCase().includes(username.toLowerCase()))
    return 'mật khẩu không được chứa tên đăng nhập';
  const words = [username, ...username.split(/[._-]/), ...userInputs.flatMap((s) => [s, ...s.split(/\s+/)])]
    .map((s) => s.trim())
    .filter((s) => s.length >= 3);
  const result = estimator().check(password, words);
  if (result.score >= MIN_SCORE) return null;
  return 'mật khẩu quá dễ đoán (lặp ký tự, dãy phím hoặc số, mật khẩu phổ biến hay tên người dùng); hãy dùng một cụm nhiều từ';
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
