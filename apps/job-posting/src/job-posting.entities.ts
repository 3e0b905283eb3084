import { OutboxEvent } from '@lingong/outbox';
import { Employer } from './employers/employer.entity';
import { Shift } from './shifts/shift.entity';

export const jobPostingEntities = [Employer, Shift, OutboxEvent];
