import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType, PickType } from '@nestjs/swagger';
import { Equals, IsBoolean, IsDefined, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { IsMainlandPhone, NestedObject, ToMainlandPhone, Trim } from '@lingong/domain';
import { WorkerProfileFields } from './worker-profile.fields';

export { AvailabilityDto, CertificateDto, SkillDto } from './worker-profile.fields';

export class ConsentDto {
  @ApiProperty({ description: 'Consent to processing personal data for job matching; required' })
  @Equals(true, { message: 'consent.dataProcessing must be true: we cannot hold a profile without consent' })
  dataProcessing!: boolean;

  @ApiProperty({ description: 'Alerts about new gigs by SMS' })
  @IsBoolean()
  sms!: boolean;

  @ApiPropertyOptional({
    description: 'Staff: the desk where the consent text was read out and confirmed; recorded with who and when',
    example: '综合服务区 1 号窗口',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  desk?: string;
}

const requiredFields = ['name', 'street', 'lat', 'lng', 'skills', 'hasSmartphone'] as const;
const optionalFields = ['maxDistanceKm', 'certificates', 'availability', 'expectedDailyPayFen', 'residentId'] as const;

export class CreateWorkerDto extends IntersectionType(
  PickType(WorkerProfileFields, requiredFields),
  PartialType(PickType(WorkerProfileFields, optionalFields)),
) {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description:
      'Only when staff register a walk-in: their mobile number, or null for a person who has none (they are reached at the desk and by referral slips)',
  })
  @ValidateIf((dto: CreateWorkerDto) => dto.phone !== undefined && dto.phone !== null)
  @ToMainlandPhone()
  @IsMainlandPhone()
  phone?: string | null;

  @ApiProperty({ type: ConsentDto })
  @IsDefined({ message: 'consent is required: {dataProcessing: true, sms}' })
  @NestedObject(() => ConsentDto)
  consent!: ConsentDto;
}
