import { OutboxEvent } from '@lingong/outbox';
import { Application } from './applications/application.entity';
import { Booking } from './bookings/booking.entity';
import { Employer } from './employers/employer.entity';
import { Rating } from './ratings/rating.entity';
import { ShiftReport } from './reports/shift-report.entity';
import { Shift } from './shifts/shift.entity';

export const jobPostingEntities = [Employer, Shift, Application, Booking, Rating, ShiftReport, OutboxEvent];
