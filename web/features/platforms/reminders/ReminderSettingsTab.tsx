import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Form, InputNumber, Space, Switch, Typography } from 'antd';
import type { RuleObject } from 'antd/es/form/index.js';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { REMINDER_DAYS_MAX, REMINDER_OFFSETS_MAX } from '../../../../common/projects.reminders.js';
import type { ReminderSettingsInput, ReminderSettingsView } from '../../../api/project-execution.js';
import { projectExecutionApi } from '../../../api/project-execution.js';
import { useLocale } from '../../../app/locale.js';
import { useApi } from '../../../app/useApi.js';
import { Centered, LoadFailed, SaveFailed } from '../../../components/feedback.js';
import { formatTime } from '../../../components/time.js';
import { useSubmit } from '../../../components/useSubmit.js';
import { LastRunCard } from './LastRunCard.js';

type Side = 'daysBefore' | 'daysAfter';

/**
 * The platform's reminders of reports due (docs/projects.md): days before the due day and days after it,
 * on or off. Its admins change them; its program officers and supervisors read them.
 */
export function ReminderSettingsTab({ platformId }: { platformId: string }) {
  const { t } = useTranslation();
  const settings = useApi(() => projectExecutionApi.reminderSettings(platformId), [platformId]);
  if (settings.error) return <LoadFailed error={settings.error} />;
  const s = settings.data;
  if (!s || s.platformId !== platformId) return <Centered />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="reminder-settings">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t(
          'The lead side of each project (the contact of the lead member and the owner of the application) is reminded in-app and by e-mail of each report not yet submitted, once per report and day below.',
        )}
      </Typography.Paragraph>
      {s.access.edit ? (
        <SettingsForm settings={s} onSaved={settings.reload} />
      ) : (
        <SettingsView settings={s} />
      )}
      <LastRunCard platformId={platformId} />
    </Space>
  );
}

const dayList = (days: number[]) => (days.length ? days.join(', ') : '—');

function Stamp({ settings }: { settings: ReminderSettingsView }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <Typography.Text type="secondary" data-testid="reminder-settings-stamp">
      {settings.isDefault || !settings.updatedAt
        ? t('The defaults apply: the platform has not set its own.')
        : t('Last changed {{at}}', { at: formatTime(settings.updatedAt, locale) })}
    </Typography.Text>
  );
}

function SettingsView({ settings }: { settings: ReminderSettingsView }) {
  const { t } = useTranslation();
  return (
    <>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('Reminders')}>{settings.enabled ? t('On') : t('Off')}</Descriptions.Item>
        <Descriptions.Item label={t('Days before a report is due')}>
          {dayList(settings.daysBefore)}
        </Descriptions.Item>
        <Descriptions.Item label={t('Days after a report is overdue')}>
          {dayList(settings.daysAfter)}
        </Descriptions.Item>
      </Descriptions>
      <Stamp settings={settings} />
    </>
  );
}

function SettingsForm({ settings, onSaved }: { settings: ReminderSettingsView; onSaved(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReminderSettingsInput>();
  useEffect(() => {
    form.setFieldsValue({
      enabled: settings.enabled,
      daysBefore: settings.daysBefore,
      daysAfter: settings.daysAfter,
    });
  }, [form, settings]);
  const save = useSubmit(form, async (v: ReminderSettingsInput) => {
    await projectExecutionApi.saveReminderSettings(settings.platformId, {
      enabled: v.enabled,
      daysBefore: v.daysBefore ?? [],
      daysAfter: v.daysAfter ?? [],
    });
    message.success(t('Reminder settings saved'));
    onSaved();
  });
  const unique = (side: Side, index: number) => ({
    validator: (_: RuleObject, value: number | null) =>
      value !== null && (form.getFieldValue(side) as (number | null)[]).indexOf(value) !== index
        ? Promise.reject(new Error(t('This day is already in the list')))
        : Promise.resolve(),
  });

  const days = (side: Side, label: string, min: number) => (
    <Form.Item label={label} required={false}>
      <Form.List name={side}>
        {(fields, { add, remove }) => (
          <Space wrap align="baseline">
            {fields.map((f) => (
              <Space key={f.key} align="baseline" size={4}>
                <Form.Item
                  name={f.name}
                  noStyle={false}
                  style={{ marginBottom: 0 }}
                  rules={[{ required: true, message: t('Enter a number of days') }, unique(side, f.name)]}
                >
                  <InputNumber
                    min={min}
                    max={REMINDER_DAYS_MAX}
                    precision={0}
                    style={{ width: 90 }}
                    aria-label={`${label} ${f.name + 1}`}
                  />
                </Form.Item>
                <MinusCircleOutlined
                  role="button"
                  aria-label={t('Remove {{label}} {{n}}', { label, n: f.name + 1 })}
                  onClick={() => remove(f.name)}
                />
              </Space>
            ))}
            {fields.length < REMINDER_OFFSETS_MAX && (
              <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add(null)}>
                {t('Add a day')}
              </Button>
            )}
          </Space>
        )}
      </Form.List>
    </Form.Item>
  );

  return (
    <Form<ReminderSettingsInput>
      form={form}
      layout="vertical"
      name="reminder-settings"
      onFinish={save.submit}
      style={{ maxWidth: 640 }}
    >
      {save.error ? <SaveFailed error={save.error} /> : null}
      <Form.Item name="enabled" label={t('Reminders')} valuePropName="checked">
        <Switch checkedChildren={t('On')} unCheckedChildren={t('Off')} />
      </Form.Item>
      {days('daysBefore', t('Days before a report is due'), 0)}
      {days('daysAfter', t('Days after a report is overdue'), 1)}
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={t(
          '0 days before is the due day itself. A run that missed a day still sends within a week; a reminder is never sent twice.',
        )}
      />
      <Space>
        <Button type="primary" htmlType="submit" loading={save.busy}>
          {t('Save')}
        </Button>
        <Stamp settings={settings} />
      </Space>
    </Form>
  );
}
