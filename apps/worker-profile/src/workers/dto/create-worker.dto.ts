import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType, PickType } from '@nestjs/swagger';
import { Equals, IsBoolean, IsDefined, IsOptional } from 'class-validator';
import { IsMainlandPhone, NestedObject, ToMainlandPhone } from '@lingong/domain';
import { WorkerProfileFields } from './worker-profile.fields';

export { AvailabilityDto, CertificateDto, SkillDto } from './worker-profile.fields';

export class ConsentDto {
  @ApiProperty({ description: 'Consent to processing personal data for job matching; required' })
  @Equals(true, { message: 'consent.dataProcessing must be true: we cannot hold a profile without consent' })
  dataProcessing!: boolean;

  @ApiProperty({ description: 'Alerts about new gigs by SMS' })
  @IsBoolean()
  sms!: boolean;
}

const requiredFields = ['name', 'street', 'lat', 'lng', 'skills', 'hasSmartphone'] as const;
const optionalFields = ['maxDistanceKm', 'certificates', 'availability', 'expectedDailyPayFen', 'residentId'] as const;

export class CreateWorkerDto extends IntersectionType(
  PickType(WorkerProfileFields, requiredFields),
  PartialType(PickType(WorkerProfileFields, optionalFields)),
) {
  @ApiPropertyOptional({ description: 'Only when staff register a walk-in' })
  @IsOptional()
  @ToMainlandPhone()
  @IsMainlandPhone()
  phone?: string;

  @ApiProperty({ type: ConsentDto })
  @IsDefined({ message: 'consent is required: {dataProcessing: true, sms}' })
  @NestedObject(() => ConsentDto)
  consent!: ConsentDto;
}
