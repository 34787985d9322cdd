import { UserAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_POSITIONS, type StaffPosition } from '../../../common/platforms.js';
import { api } from '../../api/endpoints.js';
import { SaveFailed } from '../../components/feedback.js';
import { STAFF_POSITION_LABELS } from '../../components/labels.js';
import { NewPersonFields, type NewPersonValues, newPersonBody } from '../../components/NewPersonFields.js';
import { PersonPicker } from '../../components/PersonPicker.js';
import { fieldErrors } from '../../i18n/errors.js';

interface Values {
  who: 'existing' | 'new';
  personId?: string;
  person?: NewPersonValues;
  position: StaffPosition;
}

/** Adds someone to a unit's staff: a person of the directory, or a new person record created first. */
export function AddStaffForm({ unitId, onAdded }: { unitId: string; onAdded(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const who = Form.useWatch('who', form) ?? 'existing';
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const fail = (err: unknown, under?: string) => {
    setError(err);
    const errors = fieldErrors<Values>(t, err);
    // A new person's errors point at /nameZh…; in this form those fields sit under "person".
    form.setFields(
      under ? (errors.map((f) => ({ ...f, name: [under, ...[f.name].flat()] })) as typeof errors) : errors,
    );
  };

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      let personId = v.personId;
      if (v.who === 'new' && v.person) {
        try {
          personId = (await api.createPerson(newPersonBody(v.person))).id;
        } catch (err) {
          fail(err, 'person');
          return;
        }
      }
      await api.addStaff(unitId, personId!, v.position);
      message.success(t('Added to the staff'));
      form.resetFields();
      onAdded();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('Add a staff member')} style={{ marginTop: 16 }}>
      {error ? <SaveFailed error={error} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ who: 'existing', position: 'researcher' }}
        onFinish={submit}
        data-testid="add-staff-form"
      >
        <Form.Item name="who">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'existing', label: t('Existing person') },
              { value: 'new', label: t('New person') },
            ]}
          />
        </Form.Item>
        {who === 'existing' ? (
          <Form.Item
            name="personId"
            label={t('Person')}
            rules={[{ required: true, message: t('Choose a person') }]}
          >
            <PersonPicker testId="staff-person" />
          </Form.Item>
        ) : (
          <NewPersonFields prefix="person" />
        )}
        <Form.Item name="position" label={t('Position')} rules={[{ required: true }]}>
          <Select options={STAFF_POSITIONS.map((p) => ({ value: p, label: t(STAFF_POSITION_LABELS[p]) }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<UserAddOutlined />} loading={busy}>
          {t('Add to staff')}
        </Button>
      </Form>
    </Card>
  );
}
