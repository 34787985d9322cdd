/**
 * The privacy notice (个人信息保护法, PIPL arts. 14 and 17) that every public form collecting personal
 * data shows, and whose version the server records with the consent. A changed text gets a new version;
 * a form sending an older version is refused, so what a person agreed to is always known.
 */
export const PRIVACY_NOTICE_VERSION = '2026-12-07';

export const PRIVACY_NOTICE: Record<'zh-CN' | 'en-US', string> = {
  'zh-CN':
    '根据《中华人民共和国个人信息保护法》，我们收集您在本表单中填写的姓名、单位、电子邮箱和电话，仅用于答复和办理您的咨询或申请，' +
    '由所涉平台的工作人员处理，不向第三方提供，不用于其他目的。上述信息在事项办结后保存三年，之后删除或匿名化。' +
    '您有权查阅、复制、更正、删除您的个人信息，或撤回同意，请联系平台管理员。撤回同意不影响此前处理的效力。',
  'en-US':
    'Under the Personal Information Protection Law of the PRC, we collect the name, organisation, e-mail address ' +
    'and phone number you give in this form only to answer and handle your inquiry or application. They are ' +
    'processed by the staff of the platform concerned, not given to third parties and not used for any other ' +
    'purpose. They are kept for three years after the matter is closed, then deleted or anonymised. You may ' +
    'read, copy, correct or delete them, or withdraw your consent, by asking the platform administrators; a ' +
    'withdrawal does not affect processing before it.',
};
