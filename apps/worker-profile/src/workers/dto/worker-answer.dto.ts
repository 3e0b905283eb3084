import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { priorityGroups, type PriorityGroup } from '@lingong/domain';
import { AvailabilityDto, CertificateDto, SkillDto } from './worker-profile.fields';

@ApiSchema({ name: 'ConsentState', description: 'What the seeker has consented to now.' })
export class ConsentStateDto {
  @ApiProperty({ description: 'false only once the profile is erased' })
  dataProcessing!: boolean;

  @ApiProperty({ description: 'alerts about new gigs by SMS (false after a reply of T / TD)' })
  sms!: boolean;
}

@ApiSchema({ name: 'ResidentIdCheck', description: 'A resident ID that clashed with another profile, for staff to settle.' })
export class ResidentIdCheckDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the profile holding that ID now, if any' })
  heldBy!: string | null;
}

/**
 * A seeker's profile as API.md answers it: the input plus id, phoneMasked, reliability, rating,
 * status and createdAt. Who reads decides what is there (PIPL): `residentIdLast4` to the seeker and
 * staff, `priorityGroup` to staff alone.
 */
@ApiSchema({ name: 'Worker' })
export class WorkerDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '王建国' })
  name!: string;

  @ApiProperty({ type: String, nullable: true, example: '138****8000' })
  phoneMasked!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '13800138000', description: 'null once erased' })
  phone!: string | null;

  @ApiProperty({ example: '蒲州街道' })
  street!: string;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 27.95,
    description: 'home coordinates: the seeker and staff only, never an employer',
  })
  lat?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 120.72,
    description: 'home coordinates: the seeker and staff only, never an employer',
  })
  lng?: number | null;

  @ApiProperty({ type: 'integer', example: 10 })
  maxDistanceKm!: number;

  @ApiProperty({ type: [SkillDto] })
  skills!: SkillDto[];

  @ApiProperty({ type: [CertificateDto] })
  certificates!: CertificateDto[];

  @ApiProperty({ type: [AvailabilityDto] })
  availability!: AvailabilityDto[];

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    description: 'integer fen; the seeker and staff only, never an employer',
    example: 20000,
  })
  expectedDailyPayFen?: number | null;

  @ApiProperty({ description: 'without one, everything reaches them by SMS' })
  hasSmartphone!: boolean;

  @ApiProperty({ type: ConsentStateDto })
  consent!: ConsentStateDto;

  @ApiProperty({ description: '0–1, from completions, late cancellations and no-shows', example: 1 })
  reliability!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'average stars from employers; null before any', example: 4.5 })
  rating!: number | null;

  @ApiProperty({ enum: ['active', 'inactive', 'erased'] })
  status!: 'active' | 'inactive' | 'erased';

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'the seeker and staff only: the last four characters of the resident ID',
    example: '001X',
  })
  residentIdLast4?: string | null;

  @ApiPropertyOptional({ enum: priorityGroups, description: 'staff only' })
  priorityGroup?: PriorityGroup;

  @ApiPropertyOptional({
    type: ResidentIdCheckDto,
    nullable: true,
    description: 'staff only: set when the resident ID the seeker gave is held by another profile, for staff to check the card',
  })
  residentIdCheck?: ResidentIdCheckDto | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}
