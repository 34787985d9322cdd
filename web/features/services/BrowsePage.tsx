import { App, Button, DatePicker, Form, Input, InputNumber } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { type Service, servicesApi } from '../../api/services.js';
import { useLocale } from '../../app/locale.js';
import { platformsWithRole } from '../../app/permissions.js';
import { useSignedIn } from '../../app/session.js';
import { FormModal } from '../../components/FormModal.js';
import { pickFilled } from '../../components/result-labels.js';
import { ServiceSearch } from './ServiceSearch.js';

interface Values {
  description: string;
  quantity: number;
  wantedBy?: Dayjs;
}

/** The enterprise browses the published catalog of its platforms and asks for a service. */
export default function BrowsePage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { user } = useSignedIn();
  const [asking, setAsking] = useState<Service | null>(null);
  const [form] = Form.useForm<Values>();
  const mine = platformsWithRole(user, 'enterprise_user');
  return (
    <>
      <ServiceSearch
        platforms={user.isSystemAdmin ? undefined : mine}
        action={(s) =>
          mine.includes(s.platformId) ? (
            <Button
              size="small"
              type="primary"
              onClick={() => {
                form.resetFields();
                setAsking(s);
              }}
              data-testid="service-ask"
            >
              {t('Request this service')}
            </Button>
          ) : null
        }
      />
      <FormModal<Values>
        open={asking !== null}
        title={asking ? pickFilled(asking.nameZh, asking.nameEn, locale) : ''}
        okText={t('Submit')}
        onCancel={() => setAsking(null)}
        form={form}
        formTestId="ask-form"
        initialValues={{ quantity: 1 }}
        onSubmit={async (v) => {
          if (!asking) return;
          const r = await servicesApi.ask(asking.id, {
            description: v.description,
            quantity: v.quantity,
            wantedBy: v.wantedBy?.format('YYYY-MM-DD') ?? null,
          });
          setAsking(null);
          message.success(t('Your request is sent to the unit'));
          navigate(`/services/requests?platform=${r.platformId}&request=${r.id}`);
        }}
      >
        <Form.Item name="description" label={t('What is needed')} rules={[{ required: true }]}>
          <Input.TextArea rows={4} maxLength={4000} data-testid="ask-description" />
        </Form.Item>
        <Form.Item name="quantity" label={t('Quantity')} rules={[{ required: true }]}>
          <InputNumber min={1} max={100000} precision={0} />
        </Form.Item>
        <Form.Item name="wantedBy" label={t('Wanted by')}>
          <DatePicker />
        </Form.Item>
      </FormModal>
    </>
  );
}
