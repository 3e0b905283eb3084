import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsIsoWithOffset, longwanStreetNames, shiftCategoryCodes, shiftStatuses, type ShiftStatus } from '@lingong/domain';

/** Query strings convert to their types (API.md); each conversion is explicit. */
export class ListShiftsQuery {
  @ApiPropertyOptional({ enum: longwanStreetNames })
  @IsOptional()
  @IsIn(longwanStreetNames)
  street?: string;

  @ApiPropertyOptional({ enum: shiftCategoryCodes })
  @IsOptional()
  @IsIn(shiftCategoryCodes)
  category?: string;

  @ApiPropertyOptional({ description: 'shifts starting at or after this time' })
  @IsOptional()
  @IsIsoWithOffset()
  from?: string;

  @ApiPropertyOptional({ description: 'shifts starting before this time' })
  @IsOptional()
  @IsIsoWithOffset()
  to?: string;

  @ApiPropertyOptional({ enum: shiftStatuses, default: 'open' })
  @IsOptional()
  @IsIn(shiftStatuses)
  status?: ShiftStatus;

  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
