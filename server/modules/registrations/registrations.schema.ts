import { z } from 'zod';
import { PRIVACY_NOTICE_VERSION } from '../../../common/privacy.js';
import { ENTERPRISE_SIZES } from '../orgs/orgs.schema.js';

/** The organisation types a registrant may propose (the registry's, less government: 机关 do not apply). */
export const PROPOSED_ORG_TYPES = ['enterprise', 'university', 'institute', 'other'] as const;
export const REGISTRATION_STATES = ['unverified', 'pending', 'approved', 'refused'] as const;

const proposedOrganisation = z.strictObject({
  nameZh: z.string().trim().min(2).max(200),
  /** 统一社会信用代码: 18 characters, its check characters per GB 32100-2015 (checked in the service). */
  creditCode: z.string().trim().toUpperCase().length(18),
  type: z.enum(PROPOSED_ORG_TYPES),
  /** Required for an enterprise (large / SME), forbidden otherwise, as in the registry. */
  enterpriseSize: z.enum(ENTERPRISE_SIZES).nullable().optional(),
});

/** The public registration form (docs/sign-in.md "Self-registration"). */
export const registerBody = z
  .strictObject({
    platformId: z.uuid(),
    name: z.string().trim().min(1).max(100),
    /** Also the account's user name once approved, so at most 64 characters (the sign-in's limit). */
    email: z.email().max(64).toLowerCase(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ()-]{4,29}$/, 'digits, spaces, ( ) - and a leading +')
      .nullable()
      .optional(),
    password: z.string().min(1).max(256),
    /** An organisation of the registry picked by search … */
    organisationId: z.uuid().optional(),
    /** … or a new one proposed (exactly one of the two). */
    newOrganisation: proposedOrganisation.optional(),
    locale: z.enum(['zh-CN', 'en-US']).default('zh-CN'),
    /** The version of the privacy notice agreed to (个人信息保护法): the current one only. */
    consentVersion: z.literal(PRIVACY_NOTICE_VERSION),
    /** The solved ALTCHA proof-of-work (the sign-in challenge's widget answer), on every registration. */
    challenge: z.string().min(1).max(10_000),
  })
  .superRefine((v, ctx) => {
    if (!!v.organisationId === !!v.newOrganisation)
      ctx.addIssue({
        code: 'custom',
        path: ['organisationId'],
        message: 'Pick an existing organisation or propose a new one',
      });
  });
export type RegisterInput = z.infer<typeof registerBody>;

export const resendBody = z.strictObject({ email: z.email().max(64).toLowerCase() });
export const verifyBody = z.strictObject({ token: z.string().min(20).max(200) });
export const verifyResult = z.object({
  state: z.literal('pending'),
  platform: z.object({ nameZh: z.string(), nameEn: z.string() }),
});

export const orgSearchQuery = z.strictObject({ q: z.string().trim().min(2).max(100) });
export const orgSearchResult = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      nameZh: z.string(),
      nameEn: z.string().nullable(),
      creditCode: z.string().nullable(),
    }),
  ),
});

export const listRegistrationsQuery = z.strictObject({
  state: z.enum(REGISTRATION_STATES).default('pending'),
  platformId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListRegistrationsQuery = z.infer<typeof listRegistrationsQuery>;

export const APPROVAL_BLOCKS = [
  'registrations.not_found',
  'registrations.not_pending',
  'orgs.keepers_only',
] as const;
export type ApprovalBlock = (typeof APPROVAL_BLOCKS)[number];

export const registrationIdParams = z.strictObject({ id: z.uuid() });
export const refuseBody = z.strictObject({ reason: z.string().trim().min(2).max(1000) });

export const registrationView = z.object({
  id: z.uuid(),
  platform: z.object({ id: z.uuid(), nameZh: z.string(), nameEn: z.string() }),
  state: z.enum(REGISTRATION_STATES),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  organisation: z.object({ id: z.uuid(), nameZh: z.string(), nameEn: z.string().nullable() }).nullable(),
  proposedOrganisation: z
    .object({
      nameZh: z.string(),
      creditCode: z.string(),
      type: z.enum(PROPOSED_ORG_TYPES),
      enterpriseSize: z.enum(ENTERPRISE_SIZES).nullable(),
    })
    .nullable(),
  consentVersion: z.string(),
  createdAt: z.string(),
  verifiedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  refusalReason: z.string().nullable(),
  userId: z.uuid().nullable(),
  personId: z.uuid().nullable(),
  /**
   * Whether the caller may approve it now, by the rule the approval enforces, and if not why (an error
   * code): not pending, or it names an organisation other platforms use that the caller may not curate.
   */
  approval: z.object({ allowed: z.boolean(), blockedBy: z.enum(APPROVAL_BLOCKS).nullable() }),
});
export type RegistrationView = z.infer<typeof registrationView>;
export const registrationList = z.object({ items: z.array(registrationView), total: z.number().int() });
