import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentAccount, Public, type SignedInAccount } from '@lingong/identity';
import { ApiErrors } from '@lingong/platform';
import { AddressThrottleGuard } from './address-throttle.guard';
import { AuthService } from './auth.service';
import { RequestCodeDto, SignInDto, StaffSignInDto } from './dto/auth.dto';
import { AccountDto, OtpSentDto, SignedInDto } from './dto/auth-answer.dto';

@ApiTags('sign-in')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @ApiOperation({ summary: 'Send a sign-in code by SMS' })
  @ApiAcceptedResponse({ type: OtpSentDto })
  @ApiErrors([429, 'OTP_RATE_LIMITED'])
  @Public()
  @UseGuards(AddressThrottleGuard)
  @Post('auth/otp')
  @HttpCode(202)
  requestCode(@Body() body: RequestCodeDto, @Req() request: FastifyRequest): Promise<OtpSentDto> {
    return this.auth.requestCode(body.phone, request.ip);
  }

  @ApiOperation({
    summary: 'Sign in (seeker or employer) with the SMS code',
    description: 'The first sign-in of a phone creates its account with the role given.',
  })
  @ApiOkResponse({ type: SignedInDto })
  @ApiErrors([401, 'OTP_INVALID'], [429, 'OTP_RATE_LIMITED'])
  @Public()
  @UseGuards(AddressThrottleGuard)
  @Post('auth/login')
  @HttpCode(200)
  signIn(@Body() body: SignInDto): Promise<SignedInDto> {
    return this.auth.signInWithCode(body.phone, body.code, body.role);
  }

  @ApiOperation({ summary: 'Sign in as staff or admin with a password' })
  @ApiOkResponse({ type: SignedInDto })
  @ApiErrors([401, 'LOGIN_INVALID'], [429, 'OTP_RATE_LIMITED', 'LOGIN_LOCKED'])
  @Public()
  @UseGuards(AddressThrottleGuard)
  @Post('auth/staff-login')
  @HttpCode(200)
  signInStaff(@Body() body: StaffSignInDto): Promise<SignedInDto> {
    return this.auth.signInStaff(body.phone, body.password);
  }

  @ApiOperation({ summary: 'The signed-in account' })
  @ApiOkResponse({ type: AccountDto })
  @ApiBearerAuth()
  @Get('me')
  me(@CurrentAccount() account: SignedInAccount): AccountDto {
    return account;
  }
}
