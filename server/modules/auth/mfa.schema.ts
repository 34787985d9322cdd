import { z } from 'zod';

/** A six-digit TOTP code; spaces a user types between the groups are dropped. */
export const totpCode = z
  .string()
  .transform((v) => v.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'six digits'));

/** A recovery code as shown (xxxxx-xxxxx); case and dashes do not matter. */
export const recoveryCode = z
  .string()
  .transform((v) => v.replace(/[\s-]+/g, '').toLowerCase())
  .pipe(z.string().regex(/^[a-z0-9]{10}$/, 'ten letters and digits'));

export const mfaStatus = z.object({
  enabled: z.boolean(),
  enabledAt: z.string().nullable(),
  /** The deployment requires the second factor of this user's role (MFA_REQUIRED_ROLES). */
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});
export type MfaStatus = z.infer<typeof mfaStatus>;

export const enrolmentStarted = z.object({
  /** Base32 secret, for typing into an app that cannot scan. */
  secret: z.string(),
  /** otpauth://totp/… URI the QR code encodes. */
  uri: z.string(),
});

export const codeBody = z.strictObject({ code: totpCode });
export const recoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });

/**
 * The second step of a sign-in: a current code, or one of the recovery codes. Exactly one of them; the
 * service checks that (a union or refinement here would hide the object from the OpenAPI document).
 */
export const verifyBody = z.strictObject({
  code: totpCode.optional(),
  recoveryCode: recoveryCode.optional(),
});
