import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Equals, IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { IsMainlandPhone, NestedObject, ToMainlandPhone, Trim } from '@lingong/domain';
import { WorkerProfileFields } from './worker-profile.fields';

const given = (_: object, value: unknown) => value !== undefined;

export class UpdateConsentDto {
  @ApiPropertyOptional({ description: 'Can only stay true here; withdrawing it is erasure (DELETE /workers/me)' })
  @ValidateIf(given)
  @Equals(true, { message: 'consent.dataProcessing cannot be withdrawn here: to withdraw it, erase your profile (DELETE /workers/me)' })
  dataProcessing?: boolean;

  @ApiPropertyOptional({ description: 'Alerts about new gigs by SMS' })
  @ValidateIf(given)
  @IsBoolean()
  sms?: boolean;
}

/** A partial profile: any field of the profile input, none null; never the phone (it is the sign-in) nor the priority group (staff set it). */
export class UpdateWorkerDto extends PartialType(WorkerProfileFields, { skipNullProperties: false }) {
  @ApiPropertyOptional({ type: UpdateConsentDto })
  @ValidateIf(given)
  @NestedObject(() => UpdateConsentDto)
  consent?: UpdateConsentDto;
}

/** Staff change a profile at the desk, with the person in front of them: the same fields, and where, for a consent changed. */
export class UpdateWorkerAtDeskDto extends UpdateWorkerDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description:
      'A walk-in’s phone (null: none), for a profile nobody signs in to yet; a seeker’s own sign-in phone is refused (PHONE_IS_SIGN_IN)',
  })
  @ValidateIf((dto: UpdateWorkerAtDeskDto) => dto.phone !== undefined && dto.phone !== null)
  @ToMainlandPhone()
  @IsMainlandPhone()
  phone?: string | null;

  @ApiPropertyOptional({
    description: 'The desk where the person asked for the change; recorded with a changed SMS consent',
    example: '综合服务区 1 号窗口',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  desk?: string;
}
