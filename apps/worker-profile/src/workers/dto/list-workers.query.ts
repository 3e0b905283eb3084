import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsMainlandPhone, longwanStreetNames, ToMainlandPhone, Trim } from '@lingong/domain';

/** Staff look-up at the desk; query strings convert to their types, each conversion explicit. */
export class ListWorkersQuery {
  @ApiPropertyOptional({
    example: '王建',
    description: 'part of the name, or digits of the phone (e.g. its last four): what the person in front of the desk says',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(50)
  q?: string;

  @ApiPropertyOptional({ description: 'exact mobile number (+86 accepted)' })
  @IsOptional()
  @ToMainlandPhone()
  @IsMainlandPhone()
  phone?: string;

  @ApiPropertyOptional({ enum: longwanStreetNames })
  @IsOptional()
  @IsIn(longwanStreetNames)
  street?: string;

  @ApiPropertyOptional({ example: 'loading', description: 'seekers who have this skill' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{1,31}$/, { message: 'skill must be a lowercase skill code' })
  skill?: string;

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
