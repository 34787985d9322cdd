import { Form, type FormInstance, Modal, type ModalProps } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveFailed } from './feedback.js';
import { useSubmit } from './useSubmit.js';

interface Props<V> {
  open: boolean;
  title: ReactNode;
  okText: string;
  onCancel(): void;
  form: FormInstance<V>;
  /** Sends the values; a thrown problem shows above the form and its field errors under the fields. */
  onSubmit(values: V): Promise<void>;
  initialValues?: Partial<V>;
  /** Whether the form keeps the values of fields that leave it (antd's default: yes). */
  preserve?: boolean;
  /** The problem only above the form, without the field errors repeated (they show under the fields). */
  briefError?: boolean;
  width?: number;
  formTestId?: string;
  /** Further antd Modal settings (destroyOnHidden, forceRender, styles, …). */
  modal?: Omit<ModalProps, 'open' | 'title' | 'okText' | 'onOk' | 'onCancel' | 'confirmLoading' | 'width'>;
  children: ReactNode;
}

/**
 * The app's dialog with a form: OK submits the form, which stays busy while the request runs; a failure
 * shows as a banner and under the fields the server named. A new opening starts without the old failure.
 */
export function FormModal<V>({
  open,
  title,
  okText,
  onCancel,
  form,
  onSubmit,
  initialValues,
  preserve,
  briefError = false,
  width,
  formTestId,
  modal,
  children,
}: Props<V>) {
  const { t } = useTranslation();
  const { submit, busy, error, clearError } = useSubmit(form, onSubmit);
  useEffect(() => {
    if (open) clearError();
  }, [open, clearError]);
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('Cancel')}
      onOk={() => form.submit()}
      confirmLoading={busy}
      onCancel={onCancel}
      width={width}
      {...modal}
    >
      {error ? <SaveFailed error={error} brief={briefError} /> : null}
      <Form<V>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={initialValues}
        preserve={preserve}
        data-testid={formTestId}
      >
        {children}
      </Form>
    </Modal>
  );
}
