import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  employmentTypes,
  shiftCategoryCodes,
  shiftStatuses,
  type EmploymentType,
  type ShiftCategory,
  type ShiftStatus,
} from '@lingong/domain';
import { ShiftPayDto, ShiftRequirementsDto } from './create-shift.dto';

/** A shift as API.md answers it: the input's shape plus id, employerId, status, filled, remaining, createdAt, publishedAt. */
@ApiSchema({ name: 'Shift' })
export class ShiftDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  employerId!: string;

  @ApiProperty({ example: '仓库搬运 日结' })
  title!: string;

  @ApiProperty({ example: '卸货、理货，需能搬 25 公斤' })
  description!: string;

  @ApiProperty({ enum: shiftCategoryCodes })
  category!: ShiftCategory;

  @ApiProperty({ enum: employmentTypes })
  employmentType!: EmploymentType;

  @ApiProperty({ example: '永中街道' })
  street!: string;

  @ApiProperty({ example: '龙湾区永中街道某仓库' })
  address!: string;

  @ApiProperty({ example: 27.93 })
  lat!: number;

  @ApiProperty({ example: 120.8 })
  lng!: number;

  @ApiProperty({ format: 'date-time', example: '2026-12-02T08:00:00+08:00' })
  startsAt!: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-02T17:00:00+08:00' })
  endsAt!: string;

  @ApiProperty({ type: 'integer', example: 5 })
  headcount!: number;

  @ApiProperty({ type: 'integer', description: 'places booked' })
  filled!: number;

  @ApiProperty({ type: 'integer', description: 'headcount − filled' })
  remaining!: number;

  @ApiProperty({ type: ShiftPayDto })
  pay!: ShiftPayDto;

  @ApiProperty({ type: ShiftRequirementsDto })
  requirements!: ShiftRequirementsDto;

  @ApiProperty({ enum: shiftStatuses })
  status!: ShiftStatus;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt!: string | null;
}

/** A shift on the public board; with `near`, how far it is. */
@ApiSchema({ name: 'BoardShift' })
export class BoardShiftDto extends ShiftDto {
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'km from `near`, one decimal; only when `near` is given',
    example: 2.4,
  })
  distanceKm?: number | null;
}
