import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseModule } from '@lingong/database';
import { PlatformModule } from '@lingong/platform';
import { workerProfileEntities } from './worker-profile.entities';
import { WorkersController } from './workers/workers.controller';
import { WorkersRepository } from './workers/workers.repository';
import { WorkersService } from './workers/workers.service';

/** Seekers: profiles, skills, certificates, availability, consent, priority groups. */
@Module({
  imports: [
    PlatformModule.forRoot({ service: 'worker-profile' }),
    DatabaseModule.forRoot(workerProfileEntities),
    TypeOrmModule.forFeature(workerProfileEntities),
  ],
  controllers: [WorkersController],
  providers: [WorkersService, WorkersRepository],
})
export class WorkerProfileModule {}
