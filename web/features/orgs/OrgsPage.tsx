import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { OrgView } from '../../api/types.js';
import { canKeepOrgRegistry } from '../../app/permissions.js';
import { useSignedIn } from '../../app/session.js';
import { DuplicatesView } from './DuplicatesView.js';
import { OrgDrawer } from './OrgDrawer.js';
import { OrgFormModal } from './OrgFormModal.js';
import { OrgTable } from './OrgTable.js';

/**
 * The organisation registry: everyone signed in reads it; keepers (system admins, platform admins and
 * program officers) register, edit, import and merge. ?org=id opens an organisation, ?tab=duplicates the
 * duplicates view, so both can be linked to.
 */
export default function OrgsPage() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState<OrgView | 'new' | null>(null);
  // A fresh form per opening: antd keeps a form's values across openings, over new initial values.
  const [formKey, setFormKey] = useState(0);
  const edit = (o: OrgView | 'new') => {
    setFormKey((k) => k + 1);
    setEditing(o);
  };
  // Bumped after every change, so the list, the drawer and the duplicates reload.
  const [version, setVersion] = useState(0);
  const keeper = canKeepOrgRegistry(user);
  const openId = params.get('org');
  const tab = keeper && params.get('tab') === 'duplicates' ? 'duplicates' : 'registry';

  const update = (change: (p: URLSearchParams) => void) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      change(next);
      return next;
    });
  const open = (id: string | null) => update((p) => (id ? p.set('org', id) : p.delete('org')));
  const changed = () => setVersion((v) => v + 1);

  const registry = (
    <OrgTable
      version={version}
      onOpen={open}
      onCreate={() => edit('new')}
      onEdit={edit}
      onChanged={changed}
    />
  );

  return (
    <Card>
      {keeper ? (
        <Tabs
          activeKey={tab}
          onChange={(k) => update((p) => (k === 'duplicates' ? p.set('tab', k) : p.delete('tab')))}
          items={[
            { key: 'registry', label: t('All organisations'), children: registry },
            {
              key: 'duplicates',
              label: t('Duplicates'),
              children: <DuplicatesView version={version} onOpen={open} onMerged={changed} />,
            },
          ]}
        />
      ) : (
        registry
      )}
      <OrgDrawer id={openId} version={version} onClose={() => open(null)} onEdit={edit} />
      <OrgFormModal
        key={formKey}
        open={editing !== null}
        org={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onDone={(saved) => {
          setEditing(null);
          changed();
          if (!openId) open(saved.id);
        }}
      />
    </Card>
  );
}
