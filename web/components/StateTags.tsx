import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationView } from '../api/applications.js';
import type { PublicCallView } from '../api/calls.js';
import {
  APPLICATION_STATE_COLORS,
  APPLICATION_STATES_SHOWN,
  CALL_STATE_COLORS,
  CALL_STATES_SHOWN,
} from './labels.js';

/** A call's state as a coloured tag (calls, review). */
export function CallStateTag({ state }: { state: PublicCallView['effectiveState'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={CALL_STATE_COLORS[state]} data-testid="call-state">
      {t(CALL_STATES_SHOWN[state])}
    </Tag>
  );
}

/** An application's state as a coloured tag (applications, screening). */
export function ApplicationStateTag({ state }: { state: ApplicationView['state'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={APPLICATION_STATE_COLORS[state]} data-testid="application-state">
      {t(APPLICATION_STATES_SHOWN[state])}
    </Tag>
  );
}
