import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Equals, IsBoolean, ValidateIf } from 'class-validator';
import { NestedObject } from '@lingong/domain';
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
