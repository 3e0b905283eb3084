import { Controller, Get, Headers, Query, Req, Res } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiPropertyOptional,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { longwanStreetNames } from '@lingong/domain';
import { Public } from '@lingong/identity';
import { apiError } from '@lingong/platform';
import { KioskChange, KioskFigures, KioskPay, KioskShift, KioskSnapshot } from './kiosk-events.schema';
import { KioskScreen } from './kiosk-screen';
import { KioskStreamService } from './kiosk-stream.service';

const STREAM_ID = /^\d{1,20}-\d{1,20}$/;

export class KioskStreamQuery {
  /** A screen in a street office shows that street's shifts and figures only. */
  @ApiPropertyOptional({ enum: longwanStreetNames, description: "A street office's screen: that street's shifts and figures only" })
  @IsOptional()
  @IsIn(longwanStreetNames)
  street?: string;

  /** Where to resume, for clients that cannot send the Last-Event-ID header (a new EventSource). */
  @ApiPropertyOptional({
    description: 'Resume after this event id (as Last-Event-ID, for a client that cannot send the header)',
    example: '1796500000000-0',
  })
  @IsOptional()
  @Matches(STREAM_ID, { message: 'lastEventId must be a stream id like 1700000000000-0' })
  lastEventId?: string;
}

@ApiTags('kiosk')
@ApiExtraModels(KioskSnapshot, KioskChange, KioskShift, KioskFigures, KioskPay)
@Controller('kiosk')
export class KioskStreamController {
  constructor(private readonly kiosk: KioskStreamService) {}

  @Public()
  @Get('stream')
  @ApiOperation({
    summary: 'The live board, as server-sent events',
    description:
      "First `snapshot` (the open shifts and today's figures), then `shift.opened`, `shift.updated` and `shift.closed` as shifts open, " +
      "change places left, fill or close. Each event's `id` is its place in the stream: a client that reconnects with `Last-Event-ID` " +
      '(or `?lastEventId=`) gets what it missed, or a new snapshot when too much has passed. A `heartbeat` event (data `{}`, no id) every 15 s ' +
      'keeps proxies open and tells a screen its connection still stands.',
  })
  @ApiProduces('text/event-stream')
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'The id of the last event received; sent by EventSource when it reconnects',
  })
  @ApiOkResponse({
    description: 'An endless stream of events; each `data` is a KioskSnapshot (event `snapshot`) or a KioskChange (the others)',
    content: { 'text/event-stream': { schema: { oneOf: [{ $ref: getSchemaPath(KioskSnapshot) }, { $ref: getSchemaPath(KioskChange) }] } } },
  })
  async stream(
    @Query() query: KioskStreamQuery,
    @Headers('last-event-id') lastEventIdHeader: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const lastEventId = [lastEventIdHeader, query.lastEventId].find((id) => id !== undefined && STREAM_ID.test(id));
    reply.hijack();
    // Headers set by hooks so far (security headers) go out with the raw response too.
    const headers = Object.fromEntries(
      Object.entries(reply.getHeaders()).filter(([, value]) => value !== undefined),
    ) as OutgoingHttpHeaders;
    const screen = new KioskScreen(reply.raw, query.street, headers);
    try {
      await this.kiosk.attach(screen, lastEventId);
    } catch (error) {
      request.log.warn({ err: error }, 'kiosk stream could not start');
      if (!reply.raw.headersSent) {
        reply.raw.writeHead(503, { ...headers, 'content-type': 'application/json; charset=utf-8', 'retry-after': '3' });
        reply.raw.end(JSON.stringify(apiError(503, 'The board is unavailable right now; the screen will try again shortly')));
      } else {
        screen.end();
      }
    }
  }
}
