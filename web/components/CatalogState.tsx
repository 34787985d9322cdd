import { Button, Popconfirm, Space, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { tk } from '../i18n/index.js';

/**
 * The life of a catalog record (a service, an instrument): draft → published → retired, kept by its unit.
 * One set of words, colours and row actions for the services' and the instruments' management pages.
 */
export type CatalogState = 'draft' | 'published' | 'retired';

export const CATALOG_STATE_LABELS: Record<CatalogState, string> = {
  draft: tk('Draft'),
  published: tk('Published'),
  retired: tk('Retired'),
};

export const CATALOG_STATE_COLORS: Record<CatalogState, string> = {
  draft: 'default',
  published: 'green',
  retired: 'red',
};

/** What the button moving a record into each state says. */
const MOVE_LABELS: Record<CatalogState, string> = {
  draft: tk('Back to draft'),
  published: tk('Publish'),
  retired: tk('Retire'),
};

export function CatalogStateTag({ state }: { state: CatalogState }) {
  const { t } = useTranslation();
  return <Tag color={CATALOG_STATE_COLORS[state]}>{t(CATALOG_STATE_LABELS[state])}</Tag>;
}

/** A row's actions: edit (and the page's own extras) until retired, then each move, confirmed. */
export function CatalogRowActions<S extends CatalogState>({
  state,
  moves,
  onEdit,
  onMove,
  extra,
  testIdPrefix,
}: {
  state: S;
  moves: readonly S[];
  onEdit(): void;
  onMove(to: S): void;
  extra?: ReactNode;
  /** data-testid of the move buttons: `<prefix>-<state>`. */
  testIdPrefix?: string;
}) {
  const { t } = useTranslation();
  return (
    <Space wrap>
      {state !== 'retired' ? (
        <>
          <Button size="small" onClick={onEdit}>
            {t('Edit')}
          </Button>
          {extra}
        </>
      ) : null}
      {moves.map((to) => (
        <Popconfirm key={to} title={t('Are you sure?')} onConfirm={() => onMove(to)}>
          <Button
            size="small"
            danger={to === 'retired'}
            data-testid={testIdPrefix ? `${testIdPrefix}-${to}` : undefined}
          >
            {t(MOVE_LABELS[to])}
          </Button>
        </Popconfirm>
      ))}
    </Space>
  );
}
