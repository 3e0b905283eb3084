import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  employmentTypes,
  IsAfter,
  IsAtMostHoursAfter,
  IsIsoWithOffset,
  longwanStreetNames,
  MAX_SHIFT_HOURS,
  NestedObject,
  payUnits,
  settlements,
  shiftCategoryCodes,
  Trim,
  type EmploymentType,
  type PayUnit,
  type Settlement,
  type ShiftCategory,
} from '@lingong/domain';

const code = /^[a-z][a-z0-9_]{1,31}$/;

export class ShiftPayDto {
  @ApiProperty({ example: 22000, description: 'integer fen (分)' })
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  amountFen!: number;

  @ApiProperty({ enum: payUnits })
  @IsIn(payUnits)
  unit!: PayUnit;

  @ApiProperty({ enum: settlements })
  @IsIn(settlements)
  settlement!: Settlement;
}

export class ShiftRequirementsDto {
  @ApiProperty({ example: ['loading'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(code, { each: true, message: 'requirements.skills must be lowercase skill codes' })
  skills!: string[];

  @ApiProperty({ example: [] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(code, { each: true, message: 'requirements.certificates must be lowercase certificate codes' })
  certificates!: string[];
}

export class CreateShiftDto {
  @ApiPropertyOptional({ description: 'Only when staff post for an employer' })
  @IsOptional()
  @IsUUID()
  employerId?: string;

  @ApiProperty({ example: '仓库搬运 日结' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  title!: string;

  @ApiPropertyOptional({ example: '卸货、理货，需能搬 25 公斤' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiProperty({ enum: shiftCategoryCodes })
  @IsIn(shiftCategoryCodes)
  category!: ShiftCategory;

  @ApiProperty({ enum: employmentTypes })
  @IsIn(employmentTypes)
  employmentType!: EmploymentType;

  @ApiProperty({ enum: longwanStreetNames })
  @IsIn(longwanStreetNames, { message: `street must be one of Longwan's streets: ${longwanStreetNames.join(', ')}` })
  street!: string;

  @ApiProperty({ example: '龙湾区永中街道某仓库' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  address!: string;

  @ApiProperty({ example: 27.93 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLatitude()
  lat!: number;

  @ApiProperty({ example: 120.8 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLongitude()
  lng!: number;

  @ApiProperty({ example: '2026-12-02T08:00:00+08:00' })
  @IsIsoWithOffset()
  startsAt!: string;

  @ApiProperty({ example: '2026-12-02T17:00:00+08:00' })
  @IsIsoWithOffset()
  @IsAfter('startsAt')
  @IsAtMostHoursAfter('startsAt', MAX_SHIFT_HOURS, {
    message: `endsAt must be at most ${MAX_SHIFT_HOURS} hours after startsAt; post a longer job as several shifts`,
  })
  endsAt!: string;

  @ApiProperty({ minimum: 1, maximum: 500 })
  @IsInt()
  @Min(1)
  @Max(500)
  headcount!: number;

  @ApiProperty({ type: ShiftPayDto })
  @IsDefined({ message: 'pay is required: {amountFen, unit, settlement}' })
  @NestedObject(() => ShiftPayDto)
  pay!: ShiftPayDto;

  @ApiPropertyOptional({ type: ShiftRequirementsDto })
  @IsOptional()
  @NestedObject(() => ShiftRequirementsDto)
  requirements?: ShiftRequirementsDto;

  @ApiPropertyOptional({ description: 'Publish at once (open, or pending review for unverified employers)' })
  @IsOptional()
  @IsBoolean()
  publish?: boolean;
}
