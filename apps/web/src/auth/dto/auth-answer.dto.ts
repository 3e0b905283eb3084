import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { accountRoles, type AccountRole } from '@lingong/identity';

@ApiSchema({ name: 'Account', description: 'Who is signed in, as the access token says.' })
export class AccountDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '13800138000' })
  phone!: string;

  @ApiProperty({ enum: accountRoles })
  role!: AccountRole;
}

@ApiSchema({ name: 'SignedIn' })
export class SignedInDto {
  @ApiProperty({ description: 'send as `Authorization: Bearer <accessToken>`' })
  accessToken!: string;

  @ApiProperty({ type: AccountDto })
  account!: AccountDto;
}

@ApiSchema({ name: 'OtpSent' })
export class OtpSentDto {
  @ApiProperty({ enum: [true] })
  sent!: true;

  @ApiProperty({ type: 'integer', description: 'seconds before another code may be asked for', example: 60 })
  retryAfterSeconds!: number;
}
