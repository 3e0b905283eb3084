import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'Employer' })
export class EmployerDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '温州某鞋业有限公司' })
  name!: string;

  @ApiProperty({ example: '陈经理' })
  contactName!: string;

  @ApiProperty({ example: '永中街道' })
  street!: string;

  @ApiProperty({ example: '龙湾区永中街道某路1号' })
  address!: string;

  @ApiProperty({ type: String, nullable: true, description: '统一社会信用代码 (GB 32100)', example: '91350100M000100Y43' })
  uscc!: string | null;

  @ApiProperty({ description: 'checked by staff; an unverified employer’s shifts wait for review' })
  verified!: boolean;

  @ApiProperty({ description: 'suspended by staff: no new shifts, applications or bookings' })
  suspended!: boolean;

  @ApiProperty({ format: 'date-time', example: '2026-12-01T09:00:00+08:00' })
  createdAt!: string;
}
