import { Alert, Button, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchResult } from '../api/batch.js';
import { codeText } from '../i18n/errors.js';

/**
 * The one bar of a list's selected rows (issue 12, batch operations): how many are selected, the
 * actions for them, and after an action what it did — how many succeeded, and each row that did not,
 * named, with the reason the server gave.
 */
export function SelectionBar({
  count,
  onClear,
  children,
  result,
  labelOf,
}: {
  count: number;
  onClear(): void;
  /** The action buttons. */
  children: ReactNode;
  result: BatchResult | null;
  /** How a row is named in the failures (its title, receipt number…). */
  labelOf(id: string): string;
}) {
  const { t } = useTranslation();
  const failures = result?.results.filter((r) => !r.ok) ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="selection-bar">
      {count > 0 ? (
        <Space wrap>
          <Typography.Text strong>{t('Selected: {{count}}', { count })}</Typography.Text>
          {children}
          <Button type="link" onClick={onClear}>
            {t('Clear selection')}
          </Button>
        </Space>
      ) : null}
      {result ? (
        <Alert
          type={failures.length ? 'warning' : 'success'}
          showIcon
          data-testid="batch-result"
          title={t('Done: {{succeeded}} · Not done: {{failed}}', {
            succeeded: result.succeeded,
            failed: result.failed,
          })}
          description={
            failures.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {failures.map((f) => (
                  <li key={f.id}>
                    {labelOf(f.id)}：{codeText(t, f.code)}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : null}
    </Space>
  );
}
