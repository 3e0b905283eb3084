import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PrivacySettings, ServiceUrlSettings } from '@lingong/config';
import { DatabaseModule } from '@lingong/database';
import { PlatformModule } from '@lingong/platform';
import { workerProfileEntities } from './worker-profile.entities';
import { ResidentIdHasher } from './workers/resident-id.hasher';
import { SignInAccountsClient } from './workers/sign-in-accounts.client';
import { WorkerDirectoryRepository } from './workers/worker-directory.repository';
import { WorkerDirectoryService } from './workers/worker-directory.service';
import { WorkerExportRepository } from './workers/worker-export.repository';
import { WorkerPresenter } from './workers/worker.presenter';
import { WorkerPrivacyService } from './workers/worker-privacy.service';
import { WorkerRecordsRepository } from './workers/worker-records.repository';
import { SmsOptOutController, SmsOptOutService } from './workers/internal/sms-opt-out.controller';
import { WorkersController } from './workers/workers.controller';
import { WorkersRepository } from './workers/workers.repository';
import { WorkersService } from './workers/workers.service';

/** Seekers: profiles, skills, certificates, availability, consent, priority groups. */
@Module({
  imports: [
    PlatformModule.forRoot({ service: 'worker-profile', settings: [PrivacySettings, ServiceUrlSettings] }),
    DatabaseModule.forRoot(workerProfileEntities),
    TypeOrmModule.forFeature(workerProfileEntities),
  ],
  controllers: [WorkersController, SmsOptOutController],
  providers: [
    SmsOptOutService,
    WorkersService,
    WorkerDirectoryService,
    WorkerPrivacyService,
    WorkerPresenter,
    ResidentIdHasher,
    SignInAccountsClient,
    WorkersRepository,
    WorkerRecordsRepository,
    WorkerDirectoryRepository,
    WorkerExportRepository,
  ],
})
export class WorkerProfileModule {}
