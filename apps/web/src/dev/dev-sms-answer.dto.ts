import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'DevSmsMessage', description: 'A message the `log` SMS provider "sent" (development only).' })
export class DevSmsMessageDto {
  @ApiProperty({ example: '13800138000' })
  phone!: string;

  @ApiProperty({ example: '您的登录验证码是123456，5分钟内有效。请勿告诉他人。' })
  text!: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-01T09:00:00+08:00' })
  createdAt!: string;

  @ApiProperty({ example: 'sent', description: 'queued, sending, sent, delivered or failed' })
  status!: string;
}
