import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentAccount, Public, type SignedInAccount } from '@lingong/identity';
import { AddressThrottleGuard } from './address-throttle.guard';
import { AuthService } from './auth.service';
import { RequestCodeDto, SignInDto, StaffSignInDto } from './dto/auth.dto';

@ApiTags('sign-in')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(AddressThrottleGuard)
  @Post('auth/otp')
  @HttpCode(202)
  requestCode(@Body() body: RequestCodeDto, @Req() request: FastifyRequest) {
    return this.auth.requestCode(body.phone, request.ip);
  }

  @Public()
  @UseGuards(AddressThrottleGuard)
  @Post('auth/login')
  @HttpCode(200)
  signIn(@Body() body: SignInDto) {
    return this.auth.signInWithCode(body.phone, body.code, body.role);
  }

  @Public()
  @UseGuards(AddressThrottleGuard)
  @Post('auth/staff-login')
  @HttpCode(200)
  signInStaff(@Body() body: StaffSignInDto) {
    return this.auth.signInStaff(body.phone, body.password);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentAccount() account: SignedInAccount) {
    return account;
  }
}
