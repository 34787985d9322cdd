import type { EnterpriseProfile, SchemeRules } from '../../../common/vouchers.js';
import type { SchemeInput } from './vouchers.schema.js';

/**
 * A Shandong-like scheme (test data, ../shared/reference/services-and-vouchers.md): the voucher pays 40 %
 * of a price, 60 % for enterprises of 聊城, +30 % with a provider of the enterprise's own region, at most
 * 80 %; SMEs registered at least a year; caps per enterprise and per actual controller.
 */
export const schemeInput = (providerUnitId: string, o: Partial<SchemeRules> = {}): SchemeInput => ({
  nameZh: '山东省创新券（测试）',
  nameEn: 'Shandong innovation vouchers (test)',
  currency: 'CNY',
  validFrom: '2020-01-01',
  validTo: '2099-12-31',
  lottery: false,
  rules: {
    eligibility: {
      sizes: ['micro', 'small', 'medium'],
      regions: ['济南', '聊城'],
      fieldIds: [],
      minYearsRegistered: 1,
      maxYearsRegistered: null,
    },
    sharePercent: { default: 40, byRegion: { 聊城: 60 }, localProviderBonus: 30, max: 80 },
    caps: { perEnterprisePerYearMinor: 200_000, perControllerPerYearMinor: 300_000 },
    providers: [{ unitId: providerUnitId, region: '济南' }],
    serviceKinds: ['testing', 'calibration'],
    ...o,
  },
});

export const profile = (o: Partial<EnterpriseProfile> = {}): EnterpriseProfile => ({
  size: 'small',
  region: '聊城',
  fieldIds: [],
  registeredOn: '2015-06-01',
  controllerName: '张三',
  controllerId: '370102198001010011',
  ...o,
});
