import type { Template } from './notifications.schema.js';

/** Service requests (issue 14): params serviceZh / serviceEn, state, reason. */
export const SERVICES_TEMPLATES: Record<string, Template> = {
  'service_request.submitted': {
    'zh-CN': { subject: '新的服务申请：{{service}}', body: '企业提交了“{{service}}”的服务申请，请报价。' },
    'en-US': {
      subject: 'New service request: {{service}}',
      body: 'An enterprise asks for "{{service}}"; please quote.',
    },
  },
  'service_request.moved': {
    'zh-CN': {
      subject: '服务申请进展：{{service}}',
      body: '“{{service}}”的服务申请现为 {{state}}。{{reason}}',
    },
    'en-US': {
      subject: 'Service request update: {{service}}',
      body: 'The request for "{{service}}" is now {{state}}. {{reason}}',
    },
  },
};
