import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, Equals, IsArray, IsBoolean, IsDefined, IsIn, IsInt, IsLatitude, IsLongitude, IsNotEmpty, IsNumber,
  IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { IsMainlandPhone, longwanStreetNames, ToMainlandPhone, Trim } from '@lingong/domain';

const code = /^[a-z][a-z0-9_]{1,31}$/;
const clock = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export class SkillDto {
  @ApiProperty({ example: 'loading' })
  @IsString()
  @Matches(code, { message: 'skills.code must be a lowercase skill code' })
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
  @Matches(code, { message: 'certificates.code must be a lowercase certificate code' })
  code!: string;

  @ApiProperty({ example: '2027-06-30' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'certificates.expiresOn must be a date YYYY-MM-DD' })
  expiresOn!: string;
}

export class AvailabilityDto {
  @ApiProperty({ minimum: 1, maximum: 7, description: '1 = Monday … 7 = Sunday' })
  @IsInt()
  @Min(1)
  @Max(7)
  day!: number;

  @ApiProperty({ example: '07:00' })
  @Matches(clock, { message: 'availability.start must be HH:MM' })
  start!: string;

  @ApiProperty({ example: '19:00' })
  @Matches(clock, { message: 'availability.end must be HH:MM' })
  end!: string;
}

export class ConsentDto {
  @ApiProperty({ description: 'Consent to processing personal data for job matching; required' })
  @Equals(true, { message: 'consent.dataProcessing must be true: we cannot hold a profile without consent' })
  dataProcessing!: boolean;

  @ApiProperty({ description: 'Alerts about new gigs by SMS' })
  @IsBoolean()
  sms!: boolean;
}

export class CreateWorkerDto {
  @ApiPropertyOptional({ description: 'Only when staff register a walk-in' })
  @IsOptional()
  @ToMainlandPhone()
  @IsMainlandPhone()
  phone?: string;

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

  @ApiPropertyOptional({ default: 10 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  maxDistanceKm?: number;

  @ApiProperty({ type: [SkillDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SkillDto)
  skills!: SkillDto[];

  @ApiPropertyOptional({ type: [CertificateDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CertificateDto)
  certificates?: CertificateDto[];

  @ApiPropertyOptional({ type: [AvailabilityDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(21)
  @ValidateNested({ each: true })
  @Type(() => AvailabilityDto)
  availability?: AvailabilityDto[];

  @ApiPropertyOptional({ example: 20000, description: 'integer fen' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  expectedDailyPayFen?: number;

  @ApiProperty({ description: 'Without one, everything reaches them by SMS' })
  @IsBoolean()
  hasSmartphone!: boolean;

  @ApiProperty({ type: ConsentDto })
  @IsDefined({ message: 'consent is required: {dataProcessing: true, sms}' })
  @ValidateNested()
  @Type(() => ConsentDto)
  consent!: ConsentDto;
}
