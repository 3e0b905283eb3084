import { createHmac, timingSafeEqual } from 'node:crypto';
import { Body, Controller, Headers, HttpCode, Post, Req, UnauthorizedException } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { OfferSettings } from '@lingong/config';
import { IsIsoWithOffset, IsMainlandPhone, ToMainlandPhone } from '@lingong/domain';
import { Public } from '@lingong/identity';
import { InboundSmsService } from './inbound-sms.service';

export class InboundSmsDto {
  @ApiProperty({ example: '13800138000' })
  @ToMainlandPhone()
  @IsMainlandPhone()
  from!: string;

  @ApiProperty({ example: '1' })
  @IsString()
  @MaxLength(500)
  text!: string;

  @ApiProperty({ example: '2026-12-01T09:00:00+08:00' })
  @IsIsoWithOffset()
  receivedAt!: string;
}

const MAX_SKEW_MS = 5 * 60_000;

/** Replies from the SMS gateway, signed HMAC-SHA256 over `timestamp.body` (as the outbound provider signs). */
@ApiTags('offers')
@Public()
@Controller('sms/inbound')
export class InboundSmsController {
  constructor(
    private readonly inbound: InboundSmsService,
    private readonly settings: OfferSettings,
  ) {}

  @Post()
  @HttpCode(200)
  async receive(
    @Body() body: InboundSmsDto,
    @Req() request: FastifyRequest & { rawBody?: Buffer },
    @Headers('x-lingong-timestamp') timestamp?: string,
    @Headers('x-lingong-signature') signature?: string,
  ) {
    this.verify(request.rawBody, timestamp, signature);
    return this.inbound.handle(body.from, body.text);
  }

  private verify(raw: Buffer | undefined, timestamp: string | undefined, signature: string | undefined): void {
    const secret = this.settings.SMS_INBOUND_SECRET;
    const fresh = timestamp !== undefined && Math.abs(Date.now() - Date.parse(timestamp)) < MAX_SKEW_MS;
    if (!secret || !raw || !signature || !fresh) throw new UnauthorizedException('A signed request from the SMS gateway is required');
    const expected = createHmac('sha256', secret).update(`${timestamp}.${raw.toString('utf8')}`).digest('hex');
    if (expected.length !== signature.length || !timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) {
      throw new UnauthorizedException('The signature does not match');
    }
  }
}
