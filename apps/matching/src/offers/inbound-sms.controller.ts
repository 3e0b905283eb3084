import { applyDecorators, Body, Controller, Headers, HttpCode, Post, Req, UnauthorizedException } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { OfferSettings } from '@lingong/config';
import { IsIsoWithOffset, IsMainlandPhone, ToMainlandPhone } from '@lingong/domain';
import { Public } from '@lingong/identity';
import { ApiErrors } from '@lingong/platform';
import { isSignedByGateway } from '@lingong/sms';
import { InboundSmsOutcomeDto, ReceiptRecordedDto } from './dto/offer-answer.dto';
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

  @ApiPropertyOptional({
    description: "the gateway's own id of this inbound message: a resend under the same id is acted on once",
    example: 'gw-7f3a',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[\x21-\x7e]{1,100}$/, { message: 'messageId must be 1–100 visible ASCII characters' })
  messageId?: string;
}

export class DeliveryReceiptDto {
  @ApiProperty({ description: 'the id the gateway gave the message (or ours, sent as idempotency key)' })
  @IsString()
  @MaxLength(100)
  messageId!: string;

  @ApiProperty({ enum: ['delivered', 'failed'] })
  @IsIn(['delivered', 'failed'])
  status!: 'delivered' | 'failed';
}

/** Both routes are signed by the gateway as our `http` provider signs to it. */
const Signed = () =>
  applyDecorators(
    ApiHeader({
      name: 'x-lingong-timestamp',
      required: true,
      description: 'when the gateway signed the request (ISO 8601); more than 5 minutes off is refused',
    }),
    ApiHeader({
      name: 'x-lingong-signature',
      required: true,
      description: 'hex HMAC-SHA256 of `<timestamp>.<raw body>` with SMS_INBOUND_SECRET',
    }),
  );

/**
 * What the SMS gateway sends us: replies and delivery receipts, signed HMAC-SHA256 over
 * `timestamp.body` (as we sign to it). Each is acted on once: the same request again is answered
 * 200 with the first answer.
 */
@ApiTags('sms-gateway')
@Public()
@Controller('sms')
export class InboundSmsController {
  constructor(
    private readonly inbound: InboundSmsService,
    private readonly settings: OfferSettings,
  ) {}

  @ApiOperation({
    summary: 'A reply from a seeker, passed on by the SMS gateway',
    description:
      '1 accepts the sender’s latest open offer (or confirms the evening question), 2 declines it, T/TD unsubscribes from alerts.',
  })
  @ApiOkResponse({ type: InboundSmsOutcomeDto })
  @ApiErrors(401, [409, 'GATEWAY_MESSAGE_IN_PROGRESS'])
  @Signed()
  @Post('inbound')
  @HttpCode(200)
  async receive(
    @Body() body: InboundSmsDto,
    @Req() request: FastifyRequest & { rawBody?: Buffer },
    @Headers('x-lingong-timestamp') timestamp?: string,
    @Headers('x-lingong-signature') signature?: string,
  ) {
    return this.inbound.receive(
      { signature: this.verify(request.rawBody, timestamp, signature), messageId: body.messageId },
      body.from,
      body.text,
    );
  }

  @ApiOperation({ summary: 'A delivery receipt from the SMS gateway' })
  @ApiOkResponse({ type: ReceiptRecordedDto })
  @ApiErrors(401, [409, 'GATEWAY_MESSAGE_IN_PROGRESS'])
  @Signed()
  @Post('receipts')
  @HttpCode(200)
  async receipt(
    @Body() body: DeliveryReceiptDto,
    @Req() request: FastifyRequest & { rawBody?: Buffer },
    @Headers('x-lingong-timestamp') timestamp?: string,
    @Headers('x-lingong-signature') signature?: string,
  ) {
    return this.inbound.receiveReceipt({ signature: this.verify(request.rawBody, timestamp, signature) }, body.messageId, body.status);
  }

  /** The request's signature, once checked: a replay of it is known by it. */
  private verify(raw: Buffer | undefined, timestamp: string | undefined, signature: string | undefined): string {
    if (!signature || !isSignedByGateway(this.settings.SMS_INBOUND_SECRET, raw?.toString('utf8'), timestamp, signature)) {
      throw new UnauthorizedException('A signed, fresh request from the SMS gateway is required');
    }
    return signature;
  }
}
