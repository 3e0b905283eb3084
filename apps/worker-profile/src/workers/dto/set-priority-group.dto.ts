import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { priorityGroups, Trim, type PriorityGroup } from '@lingong/domain';

export class SetPriorityGroupDto {
  @ApiProperty({ enum: priorityGroups })
  @IsIn(priorityGroups, { message: `group must be one of ${priorityGroups.join(', ')}` })
  group!: PriorityGroup;

  /** A priority group is sensitive personal information (PIPL art. 28, 29): set only with the person's consent. */
  @ApiProperty({ enum: [true], description: 'The seeker consented, at the desk, to being recorded in this group' })
  @Equals(true, { message: "consent must be true: staff set a priority group only with the seeker's consent" })
  consent!: true;

  @ApiPropertyOptional({ description: 'The desk where the seeker consented; recorded with who and when', example: '综合服务区 1 号窗口' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  desk?: string;
}
