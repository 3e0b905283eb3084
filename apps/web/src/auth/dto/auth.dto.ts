import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';
import { IsMainlandPhone, ToMainlandPhone, Trim } from '@lingong/domain';

export class RequestCodeDto {
  @ApiProperty({ example: '13800138000' })
  @ToMainlandPhone()
  @IsMainlandPhone()
  phone!: string;
}

export class SignInDto extends RequestCodeDto {
  @ApiProperty({ example: '123456' })
  @IsString()
  @Length(6, 6)
  @Matches(/^\d{6}$/, { message: 'code must be 6 digits' })
  code!: string;

  @ApiProperty({ enum: ['worker', 'employer'] })
  @IsIn(['worker', 'employer'])
  role!: 'worker' | 'employer';
}

export class StaffSignInDto extends RequestCodeDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  password!: string;
}

export class CreateStaffDto extends RequestCodeDto {
  @ApiProperty({ minLength: 8 })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password!: string;

  @ApiProperty({ example: '李芳' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;
}
