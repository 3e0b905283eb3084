import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RuntimeSettings } from '@lingong/config';
import { toMarketIso } from '@lingong/domain';
import { Public } from '@lingong/identity';
import { NotFoundDomainException } from '@lingong/platform';
import { RequestCodeDto } from '../auth/dto/auth.dto';

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

  @Get()
  async list(@Query() query: RequestCodeDto) {
    if (this.runtime.NODE_ENV === 'production') throw new NotFoundDomainException('Route');
    const rows = (await this.dataSource.query(
      `SELECT phone, text, created_at, status FROM notifications WHERE phone = $1 ORDER BY created_at DESC, id DESC LIMIT 100`,
      [query.phone],
    )) as { phone: string; text: string; created_at: Date; status: string }[];
    return { items: rows.map((row) => ({ phone: row.phone, text: row.text, createdAt: toMarketIso(row.created_at), status: row.status })) };
  }
}
