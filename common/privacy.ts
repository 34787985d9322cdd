/**
 * The privacy notice (个人信息保护法, PIPL arts. 14 and 17) that every public form collecting personal
 * data shows, and whose version the server records with the consent. A changed text gets a new version;
 * a form sending an older version is refused, so what a person agreed to is always known
 * (`privacy.unit.test.ts` holds each version to its text).
 */
export const PRIVACY_NOTICE_VERSION = '2026-12-07.2';

/**
 * How long the registration clean-up (server/modules/registrations/registrations.cleanup.ts, ADR 0045)
 * keeps self-registrations nobody will act on: an unverified one this many days after its link expired,
 * a refused one this many days after the decision. The notice states these figures from here, so the
 * text and the deletion cannot differ; changing one changes the notice and needs a new version.
 */
export const REGISTRATION_KEEP_DAYS = { unverified: 30, refused: 180 } as const;

const { unverified, refused } = REGISTRATION_KEEP_DAYS;

export const PRIVACY_NOTICE: Record<'zh-CN' | 'en-US', string> = {
  'zh-CN':
    '根据《中华人民共和国个人信息保护法》，我们收集您在本表单中填写的姓名、单位、电子邮箱和电话，仅用于答复和办理您的咨询或申请，' +
    '由所涉平台的工作人员处理，不向第三方提供，不用于其他目的。' +
    `保存期限：注册申请的邮箱未在验证链接失效前验证的，于链接失效 ${unverified} 天后删除；注册申请未通过审核的，于审核决定 ${refused} 天后删除；` +
    '通过审核的，作为账号开设的记录随账号保存。咨询作为平台办理的记录保存，不自动删除。' +
    '您有权查阅、复制、更正、删除您的个人信息，或撤回同意，请联系平台管理员。撤回同意不影响此前处理的效力。',
  'en-US':
    'Under the Personal Information Protection Law of the PRC, we collect the name, organisation, e-mail address ' +
    'and phone number you give in this form only to answer and handle your inquiry or application. They are ' +
    'processed by the staff of the platform concerned, not given to third parties and not used for any other ' +
    `purpose. How long they are kept: a registration whose e-mail address is not confirmed before its link ` +
    `expires is deleted ${unverified} days after the link expired; a refused registration, ${refused} days after ` +
    'the decision; an approved one is kept with the account it opened, as the record of how the account came ' +
    'to be. An inquiry is kept as the platform’s record of handling it and is not deleted automatically. You ' +
    'may read, copy, correct or delete your personal information, or withdraw your consent, by asking the ' +
    'platform administrators; a withdrawal does not affect processing before it.',
};
