import { ApiProperty } from '@nestjs/swagger';
import { Equals, IsIn } from 'class-validator';
import { priorityGroups, type PriorityGroup } from '@lingong/domain';

export class SetPriorityGroupDto {
  @ApiProperty({ enum: priorityGroups })
  @IsIn(priorityGroups, { message: `group must be one of ${priorityGroups.join(', ')}` })
  group!: PriorityGroup;

  /** A priority group is sensitive personal information (PIPL art. 28, 29): set only with the person's consent. */
  @ApiProperty({ enum: [true], description: 'The seeker consented, at the desk, to being recorded in this group' })
  @Equals(true, { message: "consent must be true: staff set a priority group only with the seeker's consent" })
  consent!: true;
}
