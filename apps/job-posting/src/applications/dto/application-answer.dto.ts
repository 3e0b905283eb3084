import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import type { ApplicationStatus } from '../application.entity';

const applicationStatuses: ApplicationStatus[] = ['pending', 'accepted', 'rejected', 'withdrawn'];

@ApiSchema({ name: 'Application' })
export class ApplicationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  shiftId!: string;

  @ApiProperty({ format: 'uuid' })
  workerId!: string;

  @ApiProperty({ enum: applicationStatuses })
  status!: ApplicationStatus;

  @ApiProperty({ type: String, nullable: true, example: '有三年搬运经验' })
  note!: string | null;
}

/** The applicant as the employer sees them: the phone masked until they are booked (PIPL). */
@ApiSchema({ name: 'Applicant' })
export class ApplicantDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '王建国' })
  name!: string;

  @ApiProperty({ type: String, nullable: true, example: '138****8000' })
  phoneMasked!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'only once the application is accepted' })
  phone?: string | null;

  @ApiProperty({ description: '0–1, from completions, late cancellations and no-shows', example: 0.95 })
  reliability!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'average stars from employers; null before any', example: 4.5 })
  rating!: number | null;
}

@ApiSchema({ name: 'ShiftApplication', description: 'An application to the employer’s shift, with who applied.' })
export class ShiftApplicationDto extends ApplicationDto {
  @ApiPropertyOptional({ type: ApplicantDto })
  worker?: ApplicantDto;
}
