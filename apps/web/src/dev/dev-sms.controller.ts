import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AuthSettings, isLoopbackHost, RuntimeSettings } from '@lingong/config';
import { toMarketIso } from '@lingong/domain';
import { openSealedText, Public } from '@lingong/identity';
import { ApiErrors, ListOf, NotFoundDomainException, type List } from '@lingong/platform';
import { withCode } from '@lingong/sms';
import { RequestCodeDto } from '../auth/dto/auth.dto';
import { DevSmsMessageDto } from './dev-sms-answer.dto';
import { DevSmsRepository } from './dev-sms.repository';

/**
 * Messages the `log` provider "sent" to a phone, newest first, sign-in codes shown (unsealed from
 * the row, which keeps them only sealed). There only when DEV_SMS_INBOX is switched on (never in
 * production: the settings refuse it), and only to a request from this machine: to anyone else
 * it does not exist.
 */
@ApiTags('development')
@Public()
@Controller('dev/sms')
export class DevSmsController {
  constructor(
    private readonly inbox: DevSmsRepository,
    private readonly runtime: RuntimeSettings,
    private readonly auth: AuthSettings,
  ) {}

  @ApiOperation({
    summary: 'Messages sent to a phone (development only)',
    description:
      'What the `log` SMS provider "sent" to the phone, newest first (at most 100). Exists only with DEV_SMS_INBOX=true, outside production, to requests from this machine; 404 otherwise.',
  })
  @ApiOkResponse({ type: ListOf(DevSmsMessageDto) })
  @ApiErrors(404)
  @Get()
  async list(@Query() query: RequestCodeDto, @Req() request: Pick<FastifyRequest, 'ip' | 'socket'>): Promise<List<DevSmsMessageDto>> {
    const local = isLoopbackHost(request.socket.remoteAddress) && isLoopbackHost(request.ip);
    if (!this.runtime.DEV_SMS_INBOX || this.runtime.NODE_ENV === 'production' || !local) throw new NotFoundDomainException('Route');
    const rows = await this.inbox.latestTo(query.phone);
    return {
      items: rows.map((row) => ({
        phone: row.phone,
        text: row.sealedCode ? withCode(row.text, openSealedText(this.auth.JWT_SECRET, row.sealedCode) ?? '（无法解密）') : row.text,
        createdAt: toMarketIso(row.createdAt),
        status: row.status,
      })),
    };
  }
}
