import { Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../common/roles.js';
import type { RoleAssignment } from '../../api/types.js';
import { usePlatforms } from '../../app/platforms.js';
import { roleLabel } from '../../i18n/labels.js';

interface Props {
  /** Platforms whose roles this editor may change (all for system admins, administered ones otherwise). */
  platformIds: string[];
  value?: RoleAssignment[];
  onChange?(value: RoleAssignment[]): void;
}

/** One multi-select of roles per platform; a form control whose value is the flat assignment list. */
export function RolesEditor({ platformIds, value = [], onChange }: Props) {
  const { t } = useTranslation();
  const { nameOf } = usePlatforms();
  const options = ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }));

  const setFor = (platformId: string, roles: Role[]) => {
    const others = value.filter((a) => a.platformId !== platformId);
    onChange?.([...others, ...roles.map((role) => ({ platformId, role }))]);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {platformIds.map((platformId) => (
        <div key={platformId} data-testid={`roles-${platformId}`}>
          <Typography.Text type="secondary">{nameOf(platformId)}</Typography.Text>
          <Select<Role[]>
            mode="multiple"
            allowClear
            style={{ width: '100%', marginTop: 4 }}
            placeholder={t('No role')}
            options={options}
            value={value.filter((a) => a.platformId === platformId).map((a) => a.role)}
            onChange={(roles) => setFor(platformId, roles)}
            aria-label={t('Roles on {{platform}}', { platform: nameOf(platformId) })}
          />
        </div>
      ))}
    </Space>
  );
}
