import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RuntimeSettings } from '@lingong/config';
import { toMarketIso } from '@lingong/domain';
import { Public } from '@lingong/identity';
import { ApiErrors, ListOf, NotFoundDomainException, type List } from '@lingong/platform';
import { RequestCodeDto } from '../auth/dto/auth.dto';
import { DevSmsMessageDto } from './dev-sms-answer.dto';

/**
 * Messages the `log` provider "sent" to a phone, newest first. Reads the worker's notifications
 * table (read only). Not there in production, as decided by the validated settings (which include
 * `.env`), since sign-in codes are among the messages.
 */
@ApiTags('development')
@Public()
@Controller('dev/sms')
export class DevSmsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runtime: RuntimeSettings,
  ) {}

  @ApiOperation({
    summary: 'Messages sent to a phone (development only)',
    description: 'What the `log` SMS provider "sent" to the phone, newest first (at most 100). Answers 404 when NODE_ENV=production.',
  })
  @ApiOkResponse({ type: ListOf(DevSmsMessageDto) })
  @ApiErrors(404)
  @Get()
  async list(@Query() query: RequestCodeDto): Promise<List<DevSmsMessageDto>> {
    if (this.runtime.NODE_ENV === 'production') throw new NotFoundDomainException('Route');
    const rows = (await this.dataSource.query(
      `SELECT phone, text, created_at, status FROM notifications WHERE phone = $1 ORDER BY created_at DESC, id DESC LIMIT 100`,
      [query.phone],
    )) as { phone: string; text: string; created_at: Date; status: string }[];
    return { items: rows.map((row) => ({ phone: row.phone, text: row.text, createdAt: toMarketIso(row.created_at), status: row.status })) };
  }
}
