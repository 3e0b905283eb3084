import { BadRequestException, Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { longwanStreetNames } from '@lingong/domain';
import { Roles } from '@lingong/identity';
import { internalRoutes, type InternalAnswer } from '@lingong/internal-api';
import type { KioskTrigger } from '@lingong/queue';
import { KioskBoardService } from './kiosk-board.service';

export class KioskBoardQuery {
  @IsOptional()
  @IsIn(longwanStreetNames)
  street?: string;
}

/** Exactly one of the three says what changed. */
export class KioskTriggerDto {
  @IsOptional()
  @IsUUID()
  shiftId?: string;

  @IsOptional()
  @IsUUID()
  bookingId?: string;

  @IsOptional()
  @IsUUID()
  employerId?: string;
}

/**
 * For the front door (a screen's snapshot) and the worker (the feed), not forwarded by the front
 * door: the public board itself is `GET /api/kiosk/stream` on the front door.
 */
@ApiExcludeController()
@Controller()
export class InternalKioskController {
  constructor(private readonly kiosk: KioskBoardService) {}

  @Roles('service')
  @Get(internalRoutes.kioskBoard.path)
  snapshot(@Query() query: KioskBoardQuery): Promise<InternalAnswer<typeof internalRoutes.kioskBoard>> {
    return this.kiosk.snapshot(query.street);
  }

  @Roles('service')
  @Post(internalRoutes.kioskReadings.path)
  @HttpCode(200)
  async readings(@Body() body: KioskTriggerDto): Promise<InternalAnswer<typeof internalRoutes.kioskReadings>> {
    return { items: await this.kiosk.readings(trigger(body)) };
  }
}

function trigger(body: KioskTriggerDto): KioskTrigger {
  const given = [
    body.shiftId && { shiftId: body.shiftId },
    body.bookingId && { bookingId: body.bookingId },
    body.employerId && { employerId: body.employerId },
  ].filter((value): value is KioskTrigger => Boolean(value));
  if (given.length !== 1) throw new BadRequestException(['exactly one of shiftId, bookingId, employerId']);
  return given[0]!;
}
