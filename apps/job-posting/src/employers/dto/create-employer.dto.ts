import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCreditCode, longwanStreetNames, Trim } from '@lingong/domain';

export class CreateEmployerDto {
  @ApiProperty({ example: '温州某鞋业有限公司' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: '陈经理' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  contactName!: string;

  @ApiProperty({ enum: longwanStreetNames })
  @IsIn(longwanStreetNames, { message: `street must be one of Longwan's streets: ${longwanStreetNames.join(', ')}` })
  street!: string;

  @ApiProperty({ example: '龙湾区永中街道某路1号' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  address!: string;

  @ApiPropertyOptional({ description: '统一社会信用代码 (GB 32100)', example: '91350100M000100Y43' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsCreditCode()
  uscc?: string;

  @ApiPropertyOptional({ description: 'Staff only: the account of the employer registered at the desk' })
  @IsOptional()
  @IsUUID()
  accountId?: string;
}
