import { App, Button, Empty, Space, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.js';
import type { FieldSummary, PlatformDetail } from '../../api/types.js';
import { useLocale } from '../../app/locale.js';
import { FieldTreeSelect } from '../../components/FieldTreeSelect.js';
import { SaveFailed } from '../../components/feedback.js';
import { localName } from '../../components/labels.js';

/** Fields as a two-level tree: sub-fields under their field, a parent shown even when only a child is covered. */
function coveredTree(fields: FieldSummary[], locale: string) {
  const tops = fields.filter((f) => !f.parentId);
  const orphans = fields.filter((f) => f.parentId && !tops.some((p) => p.id === f.parentId));
  const node = (f: FieldSummary) => ({
    key: f.id,
    title: localName(f, locale),
    children: fields
      .filter((c) => c.parentId === f.id)
      .map((c) => ({ key: c.id, title: localName(c, locale) })),
  });
  return [...tops.map(node), ...orphans.map(node)];
}

/** The technology fields the platform covers; its admins choose them from the taxonomy. */
export function FieldsTab({ platform, onSaved }: { platform: PlatformDetail; onSaved(): void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const tree = useMemo(() => coveredTree(platform.fields, locale), [platform.fields, locale]);

  const save = async () => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      await api.setPlatformFields(platform.id, chosen);
      message.success(t('Fields saved'));
      setChosen(null);
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="fields-tab">
      {platform.access.canEdit && (
        <Space.Compact style={{ width: '100%', maxWidth: 720 }}>
          <FieldTreeSelect
            value={chosen ?? platform.fields.map((f) => f.id)}
            onChange={setChosen}
            keep={platform.fields}
            testId="platform-fields-select"
          />
          <Button type="primary" disabled={!chosen} loading={busy} onClick={save}>
            {t('Save')}
          </Button>
        </Space.Compact>
      )}
      {error ? <SaveFailed error={error} /> : null}
      {platform.fields.length === 0 ? (
        <Empty description={t('No technology fields chosen yet')} />
      ) : (
        <>
          <Typography.Text type="secondary">
            {t('{{count}} fields and sub-fields covered', { count: platform.fields.length })}
          </Typography.Text>
          <Tree treeData={tree} defaultExpandAll selectable={false} data-testid="platform-fields-tree" />
        </>
      )}
    </Space>
  );
}
