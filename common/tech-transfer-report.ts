import { z } from 'zod';
import { CN_MODES, EXCLUSIVITIES, LICENCE_KINDS, RECEIPT_CATEGORIES } from './ip.js';
import { money } from './money.js';

/**
 * The technology-transfer report as the server answers it (GET …/reports/tech-transfer). It lives in
 * common/ because the browser lays it out with the same code as the XLSX and PDF files
 * (common/tech-transfer-sheets.ts).
 */
export const REPORT_BASES = ['fiscal', 'calendar'] as const;
export type ReportBasis = (typeof REPORT_BASES)[number];

const count = z.number().int();
const byExclusivity = z.object(
  Object.fromEntries(EXCLUSIVITIES.map((e) => [e, count])) as never as {
    [K in (typeof EXCLUSIVITIES)[number]]: typeof count;
  },
);
const byLicenceKind = z.object(
  Object.fromEntries(LICENCE_KINDS.map((k) => [k, count])) as never as {
    [K in (typeof LICENCE_KINDS)[number]]: typeof count;
  },
);
export const licenceCounts = z.object({
  total: count,
  /** Licences of patents and patent applications. */
  invention: count,
  /** Copyright, software, material, trademark and know-how licences. */
  otherIp: count,
  byKind: byLicenceKind,
  byExclusivity,
});
export type LicenceCounts = z.infer<typeof licenceCounts>;

export const reportView = z.object({
  platform: z.object({
    id: z.uuid(),
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    fiscalYearStartMonth: z.number().int(),
  }),
  scope: z.object({
    from: count,
    to: count,
    basis: z.enum(REPORT_BASES),
    /** First and last day covered (inclusive). */
    startDate: z.string(),
    endDate: z.string(),
    unitId: z.uuid().nullable(),
    fieldId: z.uuid().nullable(),
    currency: z.string(),
  }),
  // The five headline figures (flows over the period, and the active-licence stock counted once).
  inventionDisclosures: count,
  patentApplications: count,
  patentsIssued: count,
  /** Licences in force at any time during the period, each counted once. */
  activeLicences: count,
  /** Every receipt on licences and options in the period, refunds netted. */
  licenceIncome: money,
  federal: z.object({
    licences: z.object({
      active: licenceCounts,
      new: licenceCounts,
      /** Licences with at least one receipt in the period. */
      incomeBearing: licenceCounts,
    }),
    income: z.object({
      total: money,
      invention: money,
      otherIp: money,
      earnedRoyalties: z.object({
        total: money,
        /** Licences with earned royalties in the period. */
        licences: count,
        median: money.nullable(),
        min: money.nullable(),
        max: money.nullable(),
        /** Share of earned royalties taken by the top 1 %, 5 % and 20 % of those licences (0–1). */
        top1Share: z.number().nullable(),
        top5Share: z.number().nullable(),
        top20Share: z.number().nullable(),
      }),
    }),
    cradas: z.object({ active: count, new: count, traditional: count, nonTraditional: count }),
    executionTime: z.object({
      /** Licences executed in the period with a request date. */
      licences: count,
      averageDays: z.number().nullable(),
      minDays: z.number().int().nullable(),
      maxDays: z.number().int().nullable(),
    }),
    terminatedForCause: count,
    smallBusiness: z.object({
      activeLicences: count,
      licenceShare: z.number().nullable(),
      activeCradas: count,
      cradaShare: z.number().nullable(),
    }),
    paidToInventors: money,
  }),
  autm: z.object({
    disclosures: count,
    /** First filings of a family. */
    newPatentApplications: count,
    totalUsApplications: count,
    usPatentsIssued: count,
    licencesExecuted: count,
    optionsExecuted: count,
    activeLicencesAndOptions: count,
    /** AUTM licence income: every category except the excluded ones. */
    licenceIncome: money,
    excluded: money,
    byCategory: z.array(
      z.object({ category: z.enum(RECEIPT_CATEGORIES), amount: money, included: z.boolean() }),
    ),
  }),
  china: z.object({
    modes: z.array(
      z.object({
        mode: z.enum(CN_MODES),
        /** 合同项数: contracts signed in the period. */
        contracts: count,
        /** 合同金额 of those contracts. */
        contractValue: money,
        /** 当年到账金额: cash received in the period on contracts of this mode, whenever signed. */
        cashReceived: money,
      }),
    ),
    transferTotal: z.object({ contracts: count, contractValue: money, cashReceived: money }),
    serviceTotal: z.object({ contracts: count, contractValue: money, cashReceived: money }),
    /** 奖励个人金额 and 奖励人次. */
    rewardsToIndividuals: money,
    rewardedPersonTimes: count,
  }),
  years: z.array(
    z.object({
      year: count,
      startDate: z.string(),
      endDate: z.string(),
      inventionDisclosures: count,
      patentApplications: count,
      patentsIssued: count,
      activeLicences: count,
      newLicences: count,
      cradasNew: count,
      licenceIncome: money,
      earnedRoyalties: money,
    }),
  ),
  /**
   * The latest disclosure's or receipt's date (YYYY-MM-DD) in the unit and field chosen, whatever the
   * period: the page opens on the latest period that has data rather than on an empty recent one.
   */
  latestDataDate: z.string().nullable(),
  generatedAt: z.string(),
});
export type Report = z.infer<typeof reportView>;
