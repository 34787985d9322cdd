/**
 * Simplified Chinese. Keys are the English source text (ARCHITECTURE.md convention 8); the catalog test
 * checks that every key the code uses, every error code message and every role label is here.
 */

import { zhCNAccounts } from './zh-CN.accounts.js';
import { zhCNAnalytics } from './zh-CN.analytics.js';
import { zhCNApplicationProgress, zhCNReviewCompleteness } from './zh-CN.application-progress.js';
import { zhCNApplicationsErrors } from './zh-CN.applications-errors.js';
import { zhCNAssignment } from './zh-CN.assignment.js';
import { zhCNAuditFields } from './zh-CN.audit-fields.js';
import { zhCNAuditLabels } from './zh-CN.audit-labels.js';
import { zhCNCallGuide } from './zh-CN.call-guide.js';
import { zhCNCalls } from './zh-CN.calls.js';
import { zhCNCallsErrors } from './zh-CN.calls-errors.js';
import { zhCNConflicts } from './zh-CN.conflicts.js';
import { zhCNDecisions } from './zh-CN.decisions.js';
import { zhCNExperts } from './zh-CN.experts.js';
import { zhCNExports } from './zh-CN.exports.js';
import { zhCNInstruments } from './zh-CN.instruments.js';
import { zhCNIpErrors } from './zh-CN.ip-errors.js';
import { zhCNLabEvaluations } from './zh-CN.lab-evaluations.js';
import { zhCNMfa } from './zh-CN.mfa.js';
import { zhCNNeeds } from './zh-CN.needs.js';
import { zhCNOpenData } from './zh-CN.open-data.js';
import { zhCNOrgs } from './zh-CN.orgs.js';
import { zhCNPassword } from './zh-CN.password.js';
import { zhCNPeople } from './zh-CN.people.js';
import { zhCNPlatforms } from './zh-CN.platforms.js';
import { zhCNPortal } from './zh-CN.portal.js';
import { zhCNPrintables } from './zh-CN.printables.js';
import { zhCNProjectAmendments } from './zh-CN.project-amendments.js';
import { zhCNProjectChecks } from './zh-CN.project-checks.js';
import { zhCNProjectEvidence } from './zh-CN.project-evidence.js';
import { zhCNProjectExecution } from './zh-CN.project-execution.js';
import { zhCNProjectPage } from './zh-CN.project-page.js';
import { zhCNProjectOutputs, zhCNProjectPortfolio } from './zh-CN.project-portfolio.js';
import { zhCNProjectReviews } from './zh-CN.project-reviews.js';
import { zhCNProjects } from './zh-CN.projects.js';
import { zhCNReadable } from './zh-CN.readable.js';
import { zhCNRegistrations } from './zh-CN.registrations.js';
import { zhCNResults } from './zh-CN.results.js';
import { zhCNRubric } from './zh-CN.rubric.js';
import { zhCNScoring } from './zh-CN.scoring.js';
import { zhCNSecurity } from './zh-CN.security.js';
import { zhCNServiceDashboards } from './zh-CN.service-dashboards.js';
import { zhCNServices } from './zh-CN.services.js';
import { zhCNServicesPages } from './zh-CN.services-pages.js';
import { zhCNTechTransfer } from './zh-CN.techtransfer.js';
import { zhCNVouchers } from './zh-CN.vouchers.js';
import { zhCNWords } from './zh-CN.words.js';
import { zhCNWorkbench } from './zh-CN.workbench.js';

export const zhCN: Record<string, string> = {
  ...zhCNPlatforms,
  ...zhCNPortal,
  ...zhCNPrintables,
  ...zhCNWords,
  ...zhCNOrgs,
  ...zhCNPeople,
  ...zhCNTechTransfer,
  ...zhCNResults,
  ...zhCNCallsErrors,
  ...zhCNApplicationsErrors,
  ...zhCNCalls,
  ...zhCNCallGuide,
  ...zhCNIpErrors,
  ...zhCNExperts,
  ...zhCNExports,
  ...zhCNConflicts,
  ...zhCNAssignment,
  ...zhCNScoring,
  ...zhCNDecisions,
  ...zhCNProjectChecks,
  ...zhCNProjectReviews,
  ...zhCNProjectExecution,
  ...zhCNProjects,
  ...zhCNProjectPage,
  ...zhCNProjectPortfolio,
  ...zhCNProjectOutputs,
  ...zhCNProjectEvidence,
  ...zhCNProjectAmendments,
  ...zhCNRubric,
  ...zhCNAuditLabels,
  ...zhCNReadable,
  ...zhCNLabEvaluations,
  ...zhCNServices,
  ...zhCNInstruments,
  ...zhCNVouchers,
  ...zhCNNeeds,
  ...zhCNServicesPages,
  ...zhCNMfa,
  ...zhCNSecurity,
  ...zhCNWorkbench,
  ...zhCNServiceDashboards,
  ...zhCNApplicationProgress,
  ...zhCNReviewCompleteness,
  ...zhCNPassword,
  ...zhCNAccounts,
  ...zhCNRegistrations,
  ...zhCNOpenData,
  ...zhCNAnalytics,
  ...zhCNAuditFields,
  // Product and shell
  'Generic Technology Service Platform': '共性技术服务平台',
  'Open source under the Apache License 2.0': '基于 Apache License 2.0 开源',
  'Calls and applications, expert review, projects, results and technology transfer, and services to enterprises — in one place.':
    '计划申报、专家评审、项目执行、成果共享与转化、企业服务，一站式管理。',
  Users: '用户管理',
  'Audit log': '审计日志',
  'API tokens': 'API 令牌',
  'Change password': '修改密码',
  'Sign in': '登录',
  'Sign out': '退出登录',
  Language: '语言',
  'All platforms ({{count}})': '全部平台（{{count}}）',
  'System administrator': '系统管理员',
  'This page does not exist': '页面不存在',

  // Sign-in
  'User name': '用户名',
  Password: '密码',
  'Enter your user name': '请输入用户名',
  'Enter your password': '请输入密码',

  // Home
  'Welcome, {{name}}': '欢迎，{{name}}',
  // The two inputs of a date range (web/components/DateRange.tsx), after the range's label.
  '{{range}}: start date': '{{range}}：开始日期',
  '{{range}}: end date': '{{range}}：结束日期',
  Platforms: '平台',
  'My platforms': '我的平台',
  'My roles': '我的角色',
  'User accounts': '用户账户',
  'Active sessions': '活动会话',
  'Audit entries': '审计记录',
  'My roles by platform': '我在各平台的角色',
  'You are a system administrator: you manage all accounts and platforms.':
    '您是系统管理员，可管理所有账户和平台。',
  'You hold no role on any platform yet': '您尚未在任何平台担任角色',
  Platform: '平台',
  Roles: '角色',
  Code: '代码',
  Name: '名称',
  'Construction model': '建设模式',
  'Government research institute': '政府研究机构',
  'Public–private research program': '政府社会资本合作研究计划',
  'Technology alliance': '技术联盟',

  // Users
  'Search users': '搜索用户',
  'Search by user name, display name or email': '按用户名、显示名称或邮箱搜索',
  'New user': '新建用户',
  'Display name': '显示名称',
  Email: '邮箱',
  Status: '状态',
  Created: '创建时间',
  Actions: '操作',
  Active: '正常',
  Disabled: '已停用',
  Locked: '已锁定',
  'Locked until {{time}}': '锁定至 {{time}}',
  'Edit roles': '编辑角色',
  'Reset password': '重置密码',
  Enable: '启用',
  Disable: '停用',
  'Enable {{name}}?': '确定启用 {{name}}？',
  'Disable {{name}}? Their sessions end now.': '确定停用 {{name}}？其会话将立即结束。',
  '{{name}} disabled': '已停用 {{name}}',
  '{{name}} enabled': '已启用 {{name}}',
  '{{count}} users': '共 {{count}} 个用户',
  Confirm: '确定',
  Cancel: '取消',
  Create: '创建',
  Save: '保存',
  'Enter a user name': '请输入用户名',
  'Enter a display name': '请输入显示名称',
  'Enter a password': '请输入密码',
  'Lower-case letters, digits, dot, underscore and hyphen; 2 to 63 characters':
    '小写字母、数字、点、下划线和连字符，2 至 63 个字符',
  'Initial password': '初始密码',
  'At least {{n}} characters, not containing the user name': '至少 {{n}} 个字符，且不得包含用户名',
  'User {{name}} created': '已创建用户 {{name}}',
  'Roles of {{name}}': '{{name}} 的角色',
  'Roles of {{name}} saved': '已保存 {{name}} 的角色',
  'Roles on {{platform}}': '在 {{platform}} 的角色',
  'No role': '无角色',
  'Reset password of {{name}}': '重置 {{name}} 的密码',
  'Password of {{name}} reset; their sessions have ended': '已重置 {{name}} 的密码，其会话已结束',
  'New password': '新密码',
  'This value is invalid': '该值无效',

  // Audit
  'Newest first. Entries are hash-chained, so tampering is detectable.':
    '按时间倒序；记录以哈希链相连，任何篡改都可被发现。',
  Refresh: '刷新',
  'Verify chain': '校验哈希链',
  'Chain intact: {{count}} entries verified': '哈希链完整：已校验 {{count}} 条记录',
  'Chain broken at entry #{{seq}}': '哈希链在第 {{seq}} 条记录处断裂',
  'Head hash: {{hash}}': '链头哈希：{{hash}}',
  Time: '时间',
  Actor: '操作人',
  Action: '操作',
  Entity: '对象',
  Before: '变更前',
  After: '变更后',
  Reason: '原因',
  'Entity id': '对象 ID',
  Hash: '哈希',
  'Load older entries': '加载更早的记录',
  'Platform created': '创建平台',
  'User created': '创建用户',
  'User updated': '修改用户',
  'Roles changed': '变更角色',
  'Password reset': '重置密码',
  'Preferences changed': '修改偏好设置',
  'Signed in': '登录',
  'Signed out': '退出登录',
  'Account locked': '账户锁定',
  'Sign-in refused': '登录被拒绝',
  'This password was used recently; choose another one': '该密码近期已使用过，请换一个',
  'Password changed': '修改密码',
  'API token created': '创建 API 令牌',
  'API token revoked': '吊销 API 令牌',
  User: '用户',
  'API token': 'API 令牌',

  // API tokens
  'Personal API tokens let scripts call the API as you, with the scopes you choose.':
    '个人 API 令牌可让脚本以您的身份、按所选权限范围调用 API。',
  'New token': '新建令牌',
  Prefix: '前缀',
  Scopes: '权限范围',
  Read: '读取',
  Write: '写入',
  Expires: '过期时间',
  'Last used': '最近使用',
  Never: '从不',
  Revoked: '已吊销',
  Expired: '已过期',
  Revoke: '吊销',
  'Revoke {{name}}? Scripts using it stop working.': '确定吊销 {{name}}？使用它的脚本将无法继续调用。',
  'Token {{name}} revoked': '已吊销令牌 {{name}}',
  'Token {{name}} created. Copy it now: it will not be shown again.':
    '令牌 {{name}} 已创建。请立即复制：它不会再次显示。',
  'Enter a name': '请输入名称',
  'What the token is for, e.g. the script that uses it': '令牌的用途，例如使用它的脚本',
  'Choose at least one scope': '请至少选择一个权限范围',
  'Expires after (days)': '有效期（天）',
  'Leave empty for a token that does not expire': '留空则永不过期',

  // Change password
  'Changing your password signs you out everywhere else and revokes all your API tokens.':
    '修改密码后，您在其他设备上的登录将全部退出，您的所有 API 令牌也将被吊销。',
  'Current password': '当前密码',
  'Enter your current password': '请输入当前密码',
  'Repeat the new password': '请再次输入新密码',
  'The two passwords differ': '两次输入的密码不一致',
  'Password changed; {{sessions}} ended and {{tokens}} revoked':
    '密码已修改：已结束其他会话 {{sessions}}，已吊销 API 令牌 {{tokens}}',
  '{{count}} other sessions': '{{count}} 个',
  '{{count}} API tokens': '{{count}} 个',

  // Errors shown without a server code
  'The server cannot be reached; check the connection and try again': '无法连接服务器，请检查网络后重试',
  'Unexpected error': '发生意外错误',
  'Request id: {{id}}': '请求编号：{{id}}',

  // Error codes (common/error-codes.ts)
  'Some fields are invalid': '部分字段填写有误',
  'The request body is not valid JSON': '请求内容不是有效的 JSON',
  'The request body is too large': '请求内容过大',
  'This content type is not accepted': '不支持该内容类型',
  'Not found': '未找到',
  'Method not allowed': '不允许的请求方法',
  'The request is invalid': '请求无效',
  'The list has more rows than one export may hold; narrow the filters':
    '列表行数超过单次导出的上限，请缩小筛选范围',
  'Too many requests; try again later': '请求过于频繁，请稍后再试',
  'Text must not contain control characters (only tab, line feed and carriage return are allowed)':
    '文本不得包含控制字符（仅允许制表符、换行符和回车符）',
  'The content of this file is no longer available; an administrator can restore it from a backup':
    '该文件的内容已不可用，管理员可从备份中恢复',
  'Something went wrong on our side; the request id helps support find it':
    '服务器出现错误；请将请求 ID 提供给技术支持以便排查',
  'Wrong user name or password': '用户名或密码错误',
  'Too many failed sign-ins; the account is locked for a while': '登录失败次数过多，账户已被暂时锁定',
  'Please sign in': '请先登录',
  'Your session has expired; please sign in again': '会话已过期，请重新登录',
  'The security token is missing or wrong; reload the page': '安全令牌缺失或错误，请刷新页面',
  'You are not allowed to do this': '您无权执行此操作',
  'This API token does not allow this operation': '该 API 令牌不允许此操作',
  'Sign in with your password to do this; API tokens cannot': '此操作须使用密码登录后进行，API 令牌不可执行',
  'The password must have at least 10 characters': '密码至少需要 10 个字符',
  'The password is too long': '密码过长',
  'The password must not contain the user name': '密码不得包含用户名',
  'The current password is wrong': '当前密码错误',
  'This user name is already taken': '该用户名已被占用',
  'You cannot disable your own account; another system administrator can':
    '不能停用自己的账号，请由其他系统管理员操作',
  'User not found': '用户不存在',
  'Unknown platform': '未知平台',
  'API token not found': 'API 令牌不存在',
  'Audit entry not found': '审计记录不存在',
  'Platform not found': '平台不存在',
  'This platform code is already taken': '该平台代码已被占用',
  'This source and year are given twice': '同一经费来源和年份重复填写',
  "Funding must be in the platform's default currency": '经费须使用平台的默认币种',
  'Funding is recorded in the current currency; change or clear it first':
    '已有经费以当前币种登记，请先修改或清除',
  'Unknown ISO 4217 currency code': '未知的 ISO 4217 币种代码',
  'The first year must not be after the last year': '起始年份不得晚于结束年份',
  'Technology field not found': '技术领域不存在',
  'This field code is already taken': '该领域代码已被占用',
  'Unknown technology field': '未知的技术领域',
  'This technology field is retired and cannot be newly assigned': '该技术领域已停用，不能再新增关联',
  'A sub-field must sit under a top-level field': '子领域必须隶属于一级领域',
  'This field has sub-fields, so it cannot become a sub-field': '该领域下有子领域，不能成为子领域',
  'The parent field is retired; reactivate it first': '上级领域已停用，请先重新启用',
  'This field is in use; retire it instead of deleting it': '该领域正在使用中，请停用而不是删除',
  'Unit not found': '机构单元不存在',
  'Records still name this unit (disclosures, agreements, results, services, instruments or evaluation rounds), so it is kept; disclosures and results can be moved to another unit':
    '仍有记录属于该机构单元（披露、协议、成果、服务、仪器或评估轮次），不能删除；披露和成果可先转到其他机构单元',
  'Another unit of this platform already has this name': '本平台已有同名的机构单元',
  'Unknown person': '未知人员',
  'This person is already on the staff of this unit': '该人员已是本单元的职员',
  'Staff member not found': '职员不存在',
  'Person not found': '人员不存在',
  'Unknown organisation': '未知机构',
  'Unknown user account': '未知用户账户',
  'This user account is already linked to another person': '该用户账户已关联到其他人员',
  'This person is still referenced; remove the references first': '该人员仍被引用，请先移除相关引用',
  'Committee member not found': '评估委员会成员不存在',
  'This person is already on the committee': '该人员已是评估委员会成员',
  'Give either an existing person or a new one, not both': '请选择已有人员或新建人员，二者只能选其一',
  'The term must not end before it starts': '任期结束日期不得早于开始日期',
  'The unified social credit code must have 18 characters': '统一社会信用代码须为 18 位',
  'Only digits and capital letters other than I, O, Z, S and V are allowed':
    '只允许数字和除 I、O、Z、S、V 以外的大写字母',
  'Characters 1 and 2 are not a registration authority and type of GB 32100':
    '第 1、2 位不是 GB 32100 规定的登记管理部门和机构类别代码',
  'Characters 3 to 8 must be an administrative division code': '第 3 至 8 位须为行政区划代码',
  'The organisation code (characters 9 to 17) fails its check digit':
    '组织机构代码（第 9 至 17 位）校验位不正确',
  'The check character (the 18th) does not match; the code is mistyped':
    '校验码（第 18 位）不匹配，代码可能输入有误',
  'Organisation not found': '机构不存在',
  'An organisation with this unified social credit code already exists': '已存在使用该统一社会信用代码的机构',
  'Choose the size of the enterprise (large or SME)': '请选择企业规模（大型企业或中小企业）',
  'Only enterprises have a size': '只有企业才有规模',
  'This organisation was merged into another one and can no longer be changed':
    '该机构已合并到其他机构，不能再修改',
  'An organisation cannot be merged into itself': '机构不能合并到自身',
  'That organisation was itself merged; merge into the one that survived':
    '目标机构本身已被合并，请合并到保留的机构',
  'Different credit codes: these are different legal entities': '统一社会信用代码不同：它们是不同的法人',
  'The merge would create a duplicate record; resolve it first': '合并会产生重复记录，请先处理',
  'Upload the file as multipart/form-data': '请以 multipart/form-data 方式上传文件',
  'No file was uploaded': '未上传文件',
  'The file is too large': '文件过大',
  'Only XLSX files and CSV files in UTF-8 can be imported': '只能导入 XLSX 文件和 UTF-8 编码的 CSV 文件',
  'The CSV file is not UTF-8; save it as "CSV UTF-8" and try again':
    'CSV 文件不是 UTF-8 编码，请另存为“CSV UTF-8”后重试',
  'The file could not be read as a spreadsheet': '无法将该文件读取为电子表格',
  'The file has no header row': '文件缺少表头行',
  'The file has too many rows; split it': '文件行数过多，请拆分后导入',
  'The file has no data rows': '文件没有数据行',
  'Some rows are invalid; nothing was imported': '部分行有误，未导入任何数据',
  'Unknown column': '未知列',
  'This column appears twice': '该列重复出现',
  'A required column is missing': '缺少必需的列',
  'A value is required': '此项为必填',
  'This value is not allowed here': '此处不允许该值',
  'The value is too long': '值过长',
  'Not a valid e-mail address': '不是有效的电子邮箱地址',
  'Not a valid phone number': '不是有效的电话号码',
  'Not a valid web address': '不是有效的网址',
  'Not a valid date (YYYY-MM-DD)': '不是有效的日期（YYYY-MM-DD）',
  'The same value appears in an earlier row': '相同的值已在前面的行中出现',
  'No organisation in the registry has this name or code': '机构库中没有该名称或代码的机构',
  'Several organisations have this name; give the credit code':
    '有多个机构使用该名称，请提供统一社会信用代码',

  // Roles (common/roles.ts)
  'Platform admin': '平台管理员',
  Supervisor: '主管部门',
  'Lab director': '实验室主任',
  Researcher: '研究人员',
  'Program officer': '项目主管',
  Applicant: '申请人',
  Expert: '评审专家',
  'Tech-transfer officer': '成果转化专员',
  'Enterprise user': '企业用户',
};
