import { InputNumber } from 'antd';
import { currencyDigits, toMajor, toMinor } from './money.js';

const thousands = (v: number | string | undefined) =>
  v === undefined || v === '' ? '' : String(v).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * A Form control for money: people type major units (with thousands separators), the value is integer
 * minor units (ARCHITECTURE.md convention 5), so no float ever reaches the API.
 */
export function MoneyInput({
  value,
  onChange,
  currency,
  id,
  testId,
  min = 0,
  width = 200,
  ariaLabel,
}: {
  value?: number | null;
  onChange?(minor: number | null): void;
  currency: string;
  id?: string;
  testId?: string;
  min?: number;
  width?: number | string;
  ariaLabel?: string;
}) {
  const digits = currencyDigits(currency);
  return (
    <InputNumber<number>
      id={id}
      data-testid={testId}
      aria-label={ariaLabel}
      value={value === null || value === undefined ? null : toMajor(value, digits)}
      min={min}
      precision={digits}
      formatter={(v) => {
        const [whole = '', frac] = String(v ?? '').split('.');
        return frac === undefined ? thousands(whole) : `${thousands(whole)}.${frac}`;
      }}
      parser={(v) => Number((v ?? '').replace(/,/g, ''))}
      onChange={(v) => onChange?.(v === null || v === undefined ? null : toMinor(v, digits))}
      suffix={currency}
      style={{ width }}
    />
  );
}
