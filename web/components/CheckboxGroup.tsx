import { Checkbox, type GetProps } from 'antd';

/**
 * antd's Checkbox.Group for every set of checkboxes in the web. A required Form.Item hands its control
 * `aria-required`, which a group (role="group") may not carry (axe aria-allowed-attr, critical: a token's
 * scopes, a conflict rule set's rules): it is not passed on. The asterisk of the item's label shows the
 * requirement and the item's rule enforces it; the item's `aria-invalid` and `aria-describedby` pass on.
 */
export function CheckboxGroup<T>({
  'aria-required': _required,
  ...rest
}: GetProps<typeof Checkbox.Group<T>>) {
  return <Checkbox.Group<T> {...rest} />;
}
