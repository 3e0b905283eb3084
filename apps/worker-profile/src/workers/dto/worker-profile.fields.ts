import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
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
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { isCalendarDate, IsResidentId, longwanStreetNames, Trim } from '@lingong/domain';

const code = /^[a-z][a-z0-9_]{1,31}$/;
/** `2027-06-30`, a day that exists: `2027-02-30` would sort among real dates and mislead the expiry check. */
const isCalendarDay = (value: unknown) =>
  typeof value === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test(value) &&
  isCalendarDate(+value.slice(0, 4), +value.slice(5, 7), +value.slice(8, 10));
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
  @IsString()
  @ValidateBy({
    name: 'isCalendarDay',
    validator: { validate: isCalendarDay, defaultMessage: () => 'expiresOn must be a date YYYY-MM-DD' },
  })
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
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SkillDto)
  skills!: SkillDto[];

  @ApiProperty({ type: [CertificateDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CertificateDto)
  certificates!: CertificateDto[];

  @ApiProperty({ type: [AvailabilityDto] })
  @IsArray()
  @ArrayMaxSize(21)
  @ValidateNested({ each: true })
  @Type(() => AvailabilityDto)
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
