import { ApiProperty } from '@nestjs/swagger';
import { IsString, ValidateIf } from 'class-validator';
import { IsResidentId, Trim } from '@lingong/domain';

/** Staff, with the person's card in hand, settle a resident ID: this profile's, or none. */
export class SetResidentIdDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'The ID on the card (kept only as a keyed hash and its last four), or null to clear it; taken from any other profile that held it',
  })
  @Trim()
  @ValidateIf((dto: SetResidentIdDto) => dto.residentId !== null)
  @IsString()
  @IsResidentId()
  residentId!: string | null;
}
