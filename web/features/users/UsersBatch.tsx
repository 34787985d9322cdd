import { Button, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BatchResult, batchApi } from '../../api/batch.js';
import type { UserView } from '../../api/types.js';
import { SelectionBar } from '../../components/SelectionBar.js';

/**
 * 批量停用 / 批量启用 of the selected accounts (system admins): the server changes each in its own
 * audited write and the bar names any account it refused, with the reason.
 */
export function UsersBatch({
  rows,
  selected,
  setSelected,
  onDone,
}: {
  rows: UserView[];
  selected: string[];
  setSelected(ids: string[]): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const [result, setResult] = useState<BatchResult | null>(null);
  const run = async (disabled: boolean) => {
    const r = await batchApi.disableUsers({ userIds: selected, disabled });
    setResult(r);
    setSelected(r.results.filter((x) => !x.ok).map((x) => x.id));
    onDone();
  };
  const labelOf = (id: string) => rows.find((u) => u.id === id)?.username ?? id;
  return (
    <SelectionBar count={selected.length} onClear={() => setSelected([])} result={result} labelOf={labelOf}>
      <Popconfirm
        title={t('Disable the {{count}} selected accounts? Their sessions and tokens end.', {
          count: selected.length,
        })}
        okText={t('Disable selected')}
        cancelText={t('Cancel')}
        onConfirm={() => run(true)}
      >
        <Button danger>{t('Disable selected')}</Button>
      </Popconfirm>
      <Button onClick={() => run(false)}>{t('Enable selected')}</Button>
    </SelectionBar>
  );
}
