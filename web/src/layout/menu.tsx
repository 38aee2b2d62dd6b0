// The side menu as data: later modules add an entry here (path, icon, label key, roles, test id).
import type { ReactNode } from 'react';
import { ApartmentOutlined, AuditOutlined, CalendarOutlined, CarryOutOutlined, MergeCellsOutlined, ScheduleOutlined, ShopOutlined, SolutionOutlined, TeamOutlined } from '@ant-design/icons';
import type { Role } from '../api/types.ts';
import type { MessageKey } from '../i18n/index.tsx';

export interface MenuEntry {
  key: string;
  path: string;
  icon: ReactNode;
  labelKey: MessageKey;
  /** 'all' = every logged-in role (the public has no account) */
  roles: readonly Role[] | 'all';
  testId: string;
}

export const MENU: readonly MenuEntry[] = [
  // 企业档案 一企一档
  { key: 'registry', path: '/registry', icon: <ShopOutlined />, labelKey: 'menu.registry', roles: 'all', testId: 'menu-registry' },
  // 检查计划 三级计划执法
  {
    key: 'plans',
    path: '/plans',
    icon: <ScheduleOutlined />,
    labelKey: 'menu.plans',
    roles: ['admin', 'coordinator', 'dept_head', 'inspector'],
    testId: 'menu-plans',
  },
  // 联检碰撞
  { key: 'collision', path: '/collision', icon: <MergeCellsOutlined />, labelKey: 'menu.collision', roles: ['admin', 'coordinator'], testId: 'menu-collision' },
  // 我的检查
  { key: 'my-visits', path: '/my/visits', icon: <CarryOutOutlined />, labelKey: 'menu.myVisits', roles: ['inspector', 'expert'], testId: 'menu-my-visits' },
  // 执法人员库 / 专家库
  {
    key: 'inspectors',
    path: '/inspectors',
    icon: <SolutionOutlined />,
    labelKey: 'menu.inspectors',
    roles: ['admin', 'coordinator', 'dept_head'],
    testId: 'menu-inspectors',
  },
  // 部门 三管三必须
  {
    key: 'departments',
    path: '/admin/departments',
    icon: <ApartmentOutlined />,
    labelKey: 'menu.departments',
    roles: ['admin', 'coordinator', 'dept_head', 'inspector'],
    testId: 'menu-departments',
  },
  // 用户
  { key: 'users', path: '/admin/users', icon: <TeamOutlined />, labelKey: 'menu.users', roles: ['admin', 'coordinator'], testId: 'menu-users' },
  // 节假日安排 holiday calendar
  { key: 'holidays', path: '/admin/holidays', icon: <CalendarOutlined />, labelKey: 'menu.holidays', roles: ['admin'], testId: 'menu-holidays' },
  // 审计
  { key: 'audit', path: '/admin/audit', icon: <AuditOutlined />, labelKey: 'menu.audit', roles: ['admin'], testId: 'menu-audit' },
];

export function menuFor(role: Role): MenuEntry[] {
  return MENU.filter((m) => m.roles === 'all' || m.roles.includes(role));
}

/** The entry whose path is the longest prefix of the current location. */
export function activeEntry(entries: readonly MenuEntry[], pathname: string): MenuEntry | undefined {
  return [...entries]
    .filter((m) => pathname === m.path || pathname.startsWith(m.path + '/'))
    .sort((a, b) => b.path.length - a.path.length)[0];
}
