import { Input } from 'antd';
import type { SearchProps } from 'antd/es/input/Search.js';

export type SearchBoxProps = Omit<SearchProps, 'aria-label' | 'aria-labelledby'> & {
  /** The box's accessible name (translated); the grey hint inside the box (`placeholder`) names nothing. */
  label: string;
};

/**
 * The one search box of lists and search pages: antd's Input.Search with a required accessible name.
 * Input.Search draws `<input type="search">`, whose role is `searchbox` (not `textbox`), and hands
 * `aria-*` props to that input while `data-*` props (the test id) go to the wrapper around it and its
 * button. So a browser test finds the box with `getByRole('searchbox', { name: label })`.
 */
export function SearchBox({ label, ...props }: SearchBoxProps) {
  return <Input.Search aria-label={label} {...props} />;
}
