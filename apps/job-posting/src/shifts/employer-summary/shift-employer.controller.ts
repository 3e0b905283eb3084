import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { OptionalAccount, Public, type SignedInAccount } from '@lingong/identity';
import { ApiErrors, NotFoundDomainException } from '@lingong/platform';
import { ShiftsService } from '../shifts.service';
import { ShiftEmployerRepository } from './shift-employer.repository';

export class ShiftEmployer {
  @ApiProperty({ example: '龙湾某鞋业有限公司' })
  name!: string;

  @ApiProperty({ description: 'Checked by market staff' })
  verified!: boolean;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Mean stars (1–5) seekers gave after working for it; null before the first',
    example: 4.5,
  })
  rating!: number | null;

  @ApiProperty({ description: 'How many seekers rated it' })
  ratings!: number;
}

/** Who posted a shift and how the people who worked for them rated them: what a seeker weighs before applying. */
@ApiTags('shifts')
@Controller('shifts')
export class ShiftEmployerController {
  constructor(
    private readonly shifts: ShiftsService,
    private readonly employers: ShiftEmployerRepository,
  ) {}

  @Public()
  @Get(':id/employer')
  @ApiOperation({ summary: "The employer of a public shift, with seekers' rating of it" })
  @ApiOkResponse({ type: ShiftEmployer })
  @ApiErrors(404)
  async employer(@OptionalAccount() account: SignedInAccount | undefined, @Param('id', ParseUUIDPipe) id: string): Promise<ShiftEmployer> {
    // The shift's own rule: drafts and shifts in review are their employer's and staff's only.
    const shift = await this.shifts.get(account, id);
    const standing = await this.employers.standing(shift.employerId);
    if (!standing) throw new NotFoundDomainException('Employer');
    return { ...standing, rating: standing.rating === null ? null : Math.round(standing.rating * 10) / 10 };
  }
}
