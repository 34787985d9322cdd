/**
 * The common-password list (ASVS 6.2.4, the offline part of 6.2.12): the `passwords-common` dictionary of
 * @zxcvbn-ts/language-common (MIT; 49,233 passwords from public breach corpora, lower-case), loaded once,
 * on the first password set, as a Set. Compared case-insensitively with the whole password.
 */
let common: Promise<ReadonlySet<string>> | undefined;

function load(): Promise<ReadonlySet<string>> {
  common ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set(dictionary['passwords-common'].map((p) => p.toLowerCase())),
  );
  return common;
}

/** Whether the password is on the list, whatever its letter case. */
export async function isCommonPassword(password: string): Promise<boolean> {
  return (await load()).has(password.toLowerCase());
}
