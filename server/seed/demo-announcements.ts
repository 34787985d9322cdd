import type { Ctx } from '../http/context.js';
import type { AnnouncementInput } from '../modules/announcements/announcements.schema.js';
import {
  createAnnouncement,
  listPlatformAnnouncements,
  setAnnouncementAttachment,
  setAnnouncementState,
} from '../modules/announcements/announcements.service.js';
import { demoPdf } from './demo-files.js';

type Spec = AnnouncementInput & {
  /** Published this many days before the seed. */
  daysAgo: number;
  /** A small PDF attached before publishing: its file name and the words on its page (Latin only). */
  attachment?: { fileName: string; title: string };
};

const MARK_ZH = '\n\n（示例数据）';
const MARK_EN = '\n\n(Illustrative data.)';

/** 通知公告 of NIST: the ATP call's opening (with its guide) and a service notice. Illustrative. */
const NIST_ANNOUNCEMENTS: Spec[] = [
  {
    daysAgo: 7,
    titleZh: '先进技术计划（ATP）年度共性技术联合研发项目申报通知',
    titleEn: 'Advanced Technology Program: call for joint R&D projects now open',
    bodyZh:
      '先进技术计划本年度“先进制造与轻量化材料”共性技术联合研发项目开始申报。由企业牵头或参与的产学研联合体均可申报，企业自筹资金不低于申请资助额。申报指南见附件，请于截止日期前通过本平台在线提交。',
    bodyEn:
      'The Advanced Technology Program opens this year’s call for joint R&D projects on advanced manufacturing and lightweight materials. Consortia of enterprises, universities and institutes may apply; enterprises match the requested funding at least 1:1. The guide is attached; apply on this platform before the deadline.',
    attachment: { fileName: 'atp-call-guide.pdf', title: 'ATP call guide - illustrative' },
  },
  {
    daysAgo: 2,
    titleZh: '中子研究中心小角散射仪维护期间暂停预约的通知',
    titleEn: 'Neutron scattering instrument closed for maintenance',
    bodyZh:
      '中子研究中心 30 米小角中子散射仪将于近期进行年度维护，维护当日暂停机时预约，已确认的预约不受影响。仪器日历中已标出维护时段。',
    bodyEn:
      'The NIST Center for Neutron Research’s 30 m small-angle neutron scattering instrument has its yearly maintenance soon; no machine time can be booked on that day, and confirmed bookings are unaffected. The instrument’s calendar shows the closed hours.',
  },
];

/** 通知公告 of the Chinese demo platform: a voucher call, a service notice and a price list. */
const CN_ANNOUNCEMENTS: Spec[] = [
  {
    daysAgo: 30,
    titleZh: '关于开展山东省科技创新券申领工作的通知',
    titleEn: 'Shandong innovation vouchers: applications open',
    bodyZh:
      '省内科技型中小企业可通过本平台申领科技创新券，用于支付平台检测、分析、中试等服务费用。欠发达地区企业兑付比例为 60%，其他地区为 50%。申领条件与办理流程见附件。',
    bodyEn:
      'Technology-based SMEs of the province may apply on this platform for innovation vouchers that pay part of the platform’s testing, analysis and pilot-production fees: 60 % in the less-developed areas, 50 % elsewhere. The attached notice gives the conditions and steps.',
    attachment: { fileName: 'voucher-notice.pdf', title: 'Innovation voucher notice - illustrative' },
  },
  {
    daysAgo: 12,
    titleZh: '大型仪器共享服务开放预约的公告',
    titleEn: 'Shared large instruments open for booking',
    bodyZh:
      '济南计量检测中心三坐标测量机、青岛材料分析测试实验室场发射扫描电镜等大型仪器向社会开放共享，企业可在线查看仪器日历并预约机时，每日开放机时的 40% 优先保留给企业（绿色通道）。',
    bodyEn:
      'The Jinan center’s coordinate measuring machine, the Qingdao laboratory’s field-emission SEM and other large instruments are open to all: enterprises see each calendar and book machine time online, and 40 % of each day’s open hours is kept for them (the green channel).',
  },
  {
    daysAgo: 1,
    titleZh: '检测报告启用电子签章的通知',
    titleEn: 'Test reports now carry an electronic seal',
    bodyZh:
      '自即日起，平台各检测中心出具的检测报告和校准证书加盖电子签章，企业可在“我的服务”中下载并在线验真；如需纸质报告，请在委托时注明。',
    bodyEn:
      'From today the platform’s test reports and calibration certificates carry an electronic seal: enterprises download them under My services and verify them online; ask for a paper copy when placing the request.',
  },
];

const DAY = 86_400_000;

/**
 * The demo's 通知公告, written and published through the module's service by a clock set to their
 * day (so the list is dated like a real one), one with a small PDF attached. Idempotent: nothing
 * happens once the platform has an announcement.
 */
export async function seedDemoAnnouncements(
  ctx: Ctx,
  platformId: string,
  which: 'nist' | 'cn',
): Promise<void> {
  if ((await listPlatformAnnouncements(ctx, platformId, { page: 1, pageSize: 1 })).total > 0) return;
  for (const { daysAgo, attachment, ...text } of which === 'nist' ? NIST_ANNOUNCEMENTS : CN_ANNOUNCEMENTS) {
    const then: Ctx = { ...ctx, clock: { now: () => new Date(ctx.clock.now().getTime() - daysAgo * DAY) } };
    const a = await createAnnouncement(then, platformId, {
      titleZh: text.titleZh,
      titleEn: text.titleEn,
      bodyZh: text.bodyZh + MARK_ZH,
      bodyEn: text.bodyEn + MARK_EN,
    });
    if (attachment)
      await setAnnouncementAttachment(then, a.id, {
        fileName: attachment.fileName,
        bytes: demoPdf(attachment.title),
      });
    await setAnnouncementState(then, a.id, 'published');
  }
}
