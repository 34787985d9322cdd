import type { Role } from '../../common/roles.js';

/** Demo accounts, one per role of DOMAIN.md §10 (README lists them). Demo data only: change or disable. */
export const DEMO_PASSWORD = 'Commonlab-demo-2026';

export const DEMO_USERS: ReadonlyArray<{
  username: string;
  displayName: string;
  roles: Role[];
  systemAdmin?: boolean;
  adminKind?: 'security_admin' | 'audit_admin';
}> = [
  { username: 'admin', displayName: '系统管理员 Admin', roles: ['platform_admin'], systemAdmin: true },
  { username: 'platformadmin', displayName: '平台管理员 Wang Li', roles: ['platform_admin'] },
  { username: 'supervisor', displayName: '主管部门 Zhao Min', roles: ['supervisor'] },
  { username: 'director', displayName: '实验室主任 Chen Hao', roles: ['lab_director', 'researcher'] },
  { username: 'researcher', displayName: '研究人员 Liu Yang', roles: ['researcher'] },
  { username: 'officer', displayName: '项目主管 Sun Jing', roles: ['program_officer'] },
  { username: 'applicant', displayName: '申请人 Zhou Tao', roles: ['applicant'] },
  { username: 'expert', displayName: '评审专家 Wu Fang', roles: ['expert'] },
  { username: 'transfer', displayName: '成果转化专员 Zheng Lei', roles: ['tech_transfer_officer'] },
  // The enterprise account is a person of the demo (黄欣 of 聊城华测精密机械, demo-cn.ts): named as one.
  { username: 'enterprise', displayName: '黄欣 Huang Xin', roles: ['enterprise_user'] },
  // Separation of duties (docs/adr/0014): no platform role, one administrator kind each.
  { username: 'security', displayName: '安全管理员 Ma Qiang', roles: [], adminKind: 'security_admin' },
  { username: 'auditor', displayName: '审计管理员 He Ping', roles: [], adminKind: 'audit_admin' },
];
