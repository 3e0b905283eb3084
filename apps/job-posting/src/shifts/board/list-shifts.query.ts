import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import {
  employmentTypes,
  IsAfter,
  IsIsoWithOffset,
  longwanStreetNames,
  shiftCategoryCodes,
  Trim,
  type EmploymentType,
  type ShiftCategory,
} from '@lingong/domain';
import { IsNear, IsNumberFrom, NeedsNear } from './board-query.validators';
import { boardSorts, boardStatuses, DEFAULT_RADIUS_KM, type BoardSort, type BoardStatus } from './shift-board.types';

const oneOf = (name: string, values: readonly string[], note = '') => ({ message: `${name} must be one of: ${values.join(', ')}${note}` });

/** GET /shifts (API.md). Query strings convert to their types; each conversion is explicit. */
export class ListShiftsQuery {
  @ApiPropertyOptional({ enum: longwanStreetNames })
  @IsOptional()
  @IsIn(longwanStreetNames, oneOf('street', longwanStreetNames))
  street?: string;

  @ApiPropertyOptional({ enum: shiftCategoryCodes })
  @IsOptional()
  @IsIn(shiftCategoryCodes, oneOf('category', shiftCategoryCodes))
  category?: ShiftCategory;

  @ApiPropertyOptional({ enum: employmentTypes })
  @IsOptional()
  @IsIn(employmentTypes, oneOf('employmentType', employmentTypes))
  employmentType?: EmploymentType;

  @ApiPropertyOptional({ description: 'shifts starting at or after this time (ISO 8601 with offset; send "+" as %2B)' })
  @IsOptional()
  @IsIsoWithOffset()
  from?: string;

  @ApiPropertyOptional({ description: 'shifts starting before this time (ISO 8601 with offset; send "+" as %2B)' })
  @IsOptional()
  @IsIsoWithOffset()
  @IsAfter('from')
  to?: string;

  @ApiPropertyOptional({
    description:
      'minimum pay for the whole shift, in fen: an hourly shift passes when amount × the shift’s hours ≥ minPayFen, ' +
      'a day-rate shift when amount ≥ minPayFen; piece-rate shifts are left out when minPayFen is given',
    example: 20000,
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumberFrom(1, 100_000_000, { integer: true, message: 'minPayFen must be a whole number of fen from 1 to 100000000' })
  minPayFen?: number;

  @ApiPropertyOptional({
    description: 'text in the title or description, 1–50 characters; two-character words (搬运) use the index',
    example: '搬运',
  })
  @IsOptional()
  @Trim()
  @IsString({ message: 'q must be text' })
  @Length(1, 50, { message: 'q must be 1–50 characters' })
  q?: string;

  @ApiPropertyOptional({
    description: 'a point "lat,lng"; only shifts within radiusKm, and items carry distanceKm',
    example: '27.93,120.80',
  })
  @IsOptional()
  @IsNear()
  near?: string;

  @ApiPropertyOptional({
    description: `radius around near in km, 0.1–100 (default ${DEFAULT_RADIUS_KM})`,
    minimum: 0.1,
    maximum: 100,
    default: DEFAULT_RADIUS_KM,
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumberFrom(0.1, 100, { message: 'radiusKm must be a number of kilometres from 0.1 to 100' })
  @NeedsNear('radiusKm needs near=lat,lng')
  radiusKm?: number;

  @ApiPropertyOptional({
    enum: boardSorts,
    default: 'startsAt',
    description: 'startsAt: soonest first; pay: highest pay_amount first; distance: nearest first (needs near)',
  })
  @IsOptional()
  @IsIn(boardSorts, oneOf('sort', boardSorts))
  @NeedsNear('sort=distance needs near=lat,lng', 'distance')
  sort?: BoardSort;

  @ApiPropertyOptional({ enum: boardStatuses, default: 'open', description: 'drafts and shifts awaiting review are not public' })
  @IsOptional()
  @IsIn(boardStatuses, oneOf('status', boardStatuses, ' (drafts and shifts awaiting review are not public)'))
  status?: BoardStatus;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsNumberFrom(1, 100, { integer: true, message: 'limit must be a whole number from 1 to 100' })
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page, with the same sort (and near, for sort=distance)' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  cursor?: string;
}
