import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Instrument } from '../../api/instruments.js';
import { platformsWithRole } from '../../app/permissions.js';
import { useSignedIn } from '../../app/session.js';
import { BookingFormModal } from './BookingFormModal.js';
import { InstrumentSearch } from './InstrumentSearch.js';

/** The enterprise browses the shared instruments of its platforms and books machine hours. */
export default function BrowsePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { user } = useSignedIn();
  const [booking, setBooking] = useState<Instrument | null>(null);
  const mine = platformsWithRole(user, 'enterprise_user');
  return (
    <>
      <InstrumentSearch
        platforms={user.isSystemAdmin ? undefined : mine}
        action={(i) =>
          mine.includes(i.platformId) ? (
            <Button size="small" type="primary" onClick={() => setBooking(i)} data-testid="instrument-book">
              {t('Book')}
            </Button>
          ) : null
        }
      />
      {booking ? (
        <BookingFormModal
          instrument={booking}
          kind="booking"
          onClose={() => setBooking(null)}
          onDone={() => {
            const platformId = booking.platformId;
            setBooking(null);
            message.success(t('Your booking is sent to the unit for approval'));
            navigate(`/instruments/bookings?platform=${platformId}`);
          }}
        />
      ) : null}
    </>
  );
}
