import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AuthSettings } from '@lingong/config';
import { AccessGuard } from './access.guard';
import { AccountStanding } from './account-standing';
import { ServiceTokens } from './service-token';

/** JWT verification and roles for every HTTP service; tokens are issued by the front door's sign-in. */
@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AuthSettings],
      useFactory: (auth: AuthSettings) => ({
        // A key object, made once: given the text, jsonwebtoken tries it as a public key on every
        // token and makes the secret key from the failure (a thrown error per signed-in request).
        secret: createSecretKey(Buffer.from(auth.JWT_SECRET)),
        signOptions: { expiresIn: auth.JWT_TTL_SECONDS, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: AccessGuard }, ServiceTokens, AccountStanding],
  exports: [JwtModule, ServiceTokens, AccountStanding],
})
export class IdentityModule {}
