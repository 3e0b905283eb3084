import { ApiProperty } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsNumber,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsCalendarDay, IsResidentId, longwanStreetNames, NestedArrayOf, Trim } from '@lingong/domain';

const code = /^[a-z][a-z0-9_]{1,31}$/;
const clock = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export class SkillDto {
  @ApiProperty({ example: 'loading' })
  @IsString()
  @Matches(code, { message: 'code must be a lowercase skill code' })
  code!: string;

  @ApiProperty({ example: 3 })
  @IsInt()
  @Min(0)
  @Max(60)
  years!: number;
}

export class CertificateDto {
  @ApiProperty({ example: 'health' })
  @IsString()
  @Matches(code, { message: 'code must be a lowercase certificate code' })
  code!: string;

  @ApiProperty({ example: '2027-06-30' })
  /**
   * A day that exists (`2027-02-30` would sort among real dates and mislead the expiry check) and
   * that PostgreSQL's `date` can hold: candidate retrieval casts every seeker's certificates.
   */
  @IsCalendarDay()
  expiresOn!: string;
}

export class AvailabilityDto {
  @ApiProperty({ minimum: 1, maximum: 7, description: '1 = Monday … 7 = Sunday' })
  @IsInt()
  @Min(1)
  @Max(7)
  day!: number;

  @ApiProperty({ example: '07:00' })
  @Matches(clock, { message: 'start must be HH:MM' })
  start!: string;

  @ApiProperty({ example: '19:00' })
  @Matches(clock, { message: 'end must be HH:MM' })
  end!: string;
}

/**
 * Every field a seeker's profile holds, each required here: registration picks which are optional,
 * and an update makes them all optional but never null (a null would reach a NOT NULL column).
 */
export class WorkerProfileFields {
  @ApiProperty({ example: '王建国' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @ApiProperty({ enum: longwanStreetNames })
  @IsIn(longwanStreetNames, { message: `street must be one of Longwan's streets: ${longwanStreetNames.join(', ')}` })
  street!: string;

  @ApiProperty({ example: 27.95 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLatitude()
  lat!: number;

  @ApiProperty({ example: 120.72 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLongitude()
  lng!: number;

  @ApiProperty({ default: 10 })
  @IsInt()
  @Min(1)
  @Max(100)
  maxDistanceKm!: number;

  @ApiProperty({ type: [SkillDto] })
  @NestedArrayOf(() => SkillDto, 20)
  skills!: SkillDto[];

  @ApiProperty({ type: [CertificateDto] })
  @NestedArrayOf(() => CertificateDto, 20)
  certificates!: CertificateDto[];

  @ApiProperty({ type: [AvailabilityDto] })
  @NestedArrayOf(() => AvailabilityDto, 21)
  availability!: AvailabilityDto[];

  @ApiProperty({ example: 20000, description: 'integer fen' })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  expectedDailyPayFen!: number;

  @ApiProperty({ description: 'Without one, everything reaches them by SMS' })
  @IsBoolean()
  hasSmartphone!: boolean;

  @ApiProperty({ description: 'For real-name verification; kept only as a keyed hash and its last four characters, never returned' })
  @Trim()
  @IsString()
  @IsResidentId()
  residentId!: string;
}
