import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseModule } from '@lingong/database';
import { PlatformModule } from '@lingong/platform';
import { EmployersController } from './employers/employers.controller';
import { EmployersRepository } from './employers/employers.repository';
import { EmployersService } from './employers/employers.service';
import { jobPostingEntities } from './job-posting.entities';
import { ShiftBoardRepository } from './shifts/board/shift-board.repository';
import { ShiftBoardService } from './shifts/board/shift-board.service';
import { ShiftsController } from './shifts/shifts.controller';
import { ShiftsRepository } from './shifts/shifts.repository';
import { ShiftsService } from './shifts/shifts.service';

/** Employers, shifts, applications, bookings, attendance and ratings. */
@Module({
  imports: [PlatformModule.forRoot({ service: 'job-posting' }), DatabaseModule.forRoot(jobPostingEntities), TypeOrmModule.forFeature(jobPostingEntities)],
  controllers: [EmployersController, ShiftsController],
  providers: [EmployersService, EmployersRepository, ShiftsService, ShiftsRepository, ShiftBoardService, ShiftBoardRepository],
})
export class JobPostingModule {}
