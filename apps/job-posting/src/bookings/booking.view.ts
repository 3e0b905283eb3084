import { toMarketIso } from '@lingong/domain';
import type { Booking } from './booking.entity';

const iso = (date: Date | null) => (date ? toMarketIso(date) : null);

/** A booking as API.md answers it, with what was promised and what is owed. */
export function bookingView(booking: Booking) {
  return {
    id: booking.id,
    shiftId: booking.shiftId,
    workerId: booking.workerId,
    employerId: booking.employerId,
    status: booking.status,
    source: booking.source,
    startsAt: toMarketIso(booking.startsAt),
    endsAt: toMarketIso(booking.endsAt),
    pay: { amountFen: booking.payAmountFen, unit: booking.payUnit },
    checkedInAt: iso(booking.checkedInAt),
    checkedOutAt: iso(booking.checkedOutAt),
    minutesWorked: booking.minutesWorked,
    payFen: booking.payOwedFen,
    settleBy: iso(booking.settleBy),
    cancelledBy: booking.cancelledBy,
    cancelledAt: iso(booking.cancelledAt),
    cancelReason: booking.cancelReason,
    lateCancellation: booking.lateCancellation,
    compensationFen: booking.compensationFen,
    attendanceRequestedAt: iso(booking.attendanceRequestedAt),
    attendanceConfirmedAt: iso(booking.attendanceConfirmedAt),
    paidAt: iso(booking.paidAt),
    paymentConfirmedAt: iso(booking.paymentConfirmedAt),
    createdAt: toMarketIso(booking.createdAt),
  };
}
