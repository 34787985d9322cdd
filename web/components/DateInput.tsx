import { DatePicker, type DatePickerProps } from 'antd';
import dayjs from 'dayjs';

/** The calendar day as the API takes it. */
export const DAY = 'YYYY-MM-DD';

/** A `YYYY-MM-DD` text as the picker's value: none for empty or unreadable text. */
export function dayValue(text: string | null | undefined): dayjs.Dayjs | null {
  if (!text) return null;
  const d = dayjs(text, DAY);
  return d.isValid() ? d : null;
}

/** The picker's value as the text the form keeps: `YYYY-MM-DD`, or '' when cleared (as a native date input). */
export const dayText = (d: dayjs.Dayjs | null | undefined): string => (d ? d.format(DAY) : '');

type Props = Omit<DatePickerProps, 'value' | 'onChange' | 'format'> & {
  value?: string | null;
  onChange?: (value: string) => void;
};

/**
 * The app's one date picker (antd's) for a form field kept as `YYYY-MM-DD` text: the value that reaches
 * the server is the text a native `<input type="date">` gave, so replacing one changes nothing on the wire.
 * Typed dates read in the same format.
 */
export function DateInput({ value, onChange, ...rest }: Props) {
  return (
    <DatePicker
      {...rest}
      format={DAY}
      value={dayValue(value)}
      onChange={(d) => onChange?.(dayText(d as dayjs.Dayjs | null))}
    />
  );
}
