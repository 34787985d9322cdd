import { DatePicker, type GetProps, type GetRef } from 'antd';
import { type Ref, useCallback, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

type RangePicker = typeof DatePicker.RangePicker;

/**
 * The app's one date range (antd's RangePicker) with each of its two inputs named (issue 12, axe): antd
 * gives a Form.Item's id and label to the start input only, and passes `aria-label`/`aria-labelledby` to
 * both inputs alike, so the end input was named by its placeholder (结束日期) alone. Here the start is
 * named 「label：开始日期」 and the end 「label：结束日期」, set on the inputs themselves after each render
 * (the picker offers no prop per input). Every range picker in the web goes through this component
 * (web/components/control-names.unit.test.ts). A Form.Item hands its control a ref (to focus and scroll
 * to it), which is passed on beside this component's own.
 */
export function DateRange({
  label,
  ref,
  ...rest
}: GetProps<RangePicker> & { label: string; ref?: Ref<GetRef<RangePicker>> }) {
  const { t } = useTranslation();
  const picker = useRef<GetRef<RangePicker> | null>(null);
  const both = useCallback(
    (r: GetRef<RangePicker> | null) => {
      picker.current = r;
      if (typeof ref === 'function') ref(r);
      else if (ref) ref.current = r;
    },
    [ref],
  );
  const start = t('{{range}}: start date', { range: label });
  const end = t('{{range}}: end date', { range: label });
  useLayoutEffect(() => {
    const inputs = picker.current?.nativeElement?.querySelectorAll('input');
    inputs?.[0]?.setAttribute('aria-label', start);
    inputs?.[1]?.setAttribute('aria-label', end);
  });
  return <DatePicker.RangePicker {...rest} ref={both} />;
}
