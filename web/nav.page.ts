import type { ComponentType, LazyExoticComponent } from 'react';
import type { SessionUser } from './api/types.js';

/**
 * The menu's sections (申报管理, 评审管理, 项目管理, 成果转化, 企业服务, 统计分析, 系统管理); an entry without
 * one stays at the top level (home, platforms).
 */
export type NavGroup = 'apply' | 'review' | 'projects' | 'transfer' | 'services' | 'analytics' | 'system';

export interface Page {
  key: string;
  path: string;
  /** English source text; translated where it is shown. */
  label: string;
  icon: ComponentType;
  visible(user: SessionUser): boolean;
  page: LazyExoticComponent<ComponentType>;
  /** The page routes the paths below its own (…/:id) itself. */
  nested?: boolean;
  /** The menu section the entry belongs to. */
  group?: NavGroup;
  /**
   * Whether the entry shows in the menu, when narrower than `visible` (which also guards the route): a
   * page some users only reach from a link (a notification, an invitation) stays open to them unlisted.
   */
  inMenu?(user: SessionUser): boolean;
}
